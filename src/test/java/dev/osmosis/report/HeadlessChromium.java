package dev.osmosis.report;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium and chromedriver, driven by Selenium, with nothing fetched: the driver and browser paths are
 * given, so Selenium Manager never runs, and the browser's own background traffic is switched off.
 */
final class HeadlessChromium implements AutoCloseable {
    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** Selenium's CDP bindings are not used here; their "no exact CDP match" notice would only add noise. */
    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

    private final ChromeDriver driver;

    HeadlessChromium(Path userDataDir) {
        requireInstalled(BROWSER, DRIVER);
        SELENIUM_LOG.setLevel(Level.SEVERE);
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1300,1800", "--user-data-dir=" + userDataDir);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString())).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofMinutes(3)).scriptTimeout(Duration.ofMinutes(1));
    }

    /** Fails (never skips) with the command that installs what is missing. */
    static void requireInstalled(Path browser, Path driver) {
        if (!Files.isExecutable(browser) || !Files.isExecutable(driver)) {
            fail("the HTML report tests need Debian's Chromium and its driver at " + browser + " and " + driver
                    + ": run `apt-get install -y chromium chromium-driver` (.ci/run does this in CI)");
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    void open(Path page) {
        driver.get(page.toUri().toString());
    }

    Object script(String js, Object... args) {
        return driver.executeScript(js, args);
    }

    /** Console messages at warning level or worse since the last call. */
    List<LogEntry> consoleProblems() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
    }

    /** The page's network activity: every resource it loaded (a file:// page that fetches nothing has none). */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> resourceLoads() {
        return (List<Map<String, Object>>) script(
                "return performance.getEntriesByType('resource').map(e => ({name: e.name, type: e.initiatorType}));");
    }

    /** Polls {@code condition} (the page updates a moment after typing), failing after {@code limit}. */
    static void waitFor(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        Instant end = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                fail("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
