package dev.osmosis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osmosis.bench.SyntheticProject;
import dev.osmosis.cli.CliHarness;
import dev.osmosis.docs.ColumnDocs;
import dev.osmosis.docs.DocState;
import dev.osmosis.docs.NodeDocs;
import dev.osmosis.project.Node;
import dev.osmosis.project.Project;
import dev.osmosis.testing.FakeOpenAi;
import dev.osmosis.testing.ProjectDocs;
import dev.osmosis.testing.TestProjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** The report as a person sees it: real headless Chromium opening the written file from disk. */
class ReportBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path tmp;

    /**
     * shopverse after a synthesis against a fake LLM, one AI-written description accepted by hand and the
     * manifest refreshed (as `dbt parse` would), so every provenance shows up and coverage reads the same YAML.
     */
    private Path synthesizedShopverse(Map<String, String> env) throws IOException {
        Path root = TestProjects.copy(TestProjects.corpus("shopverse"), tmp.resolve("shopverse"));
        CliHarness.Result run = CliHarness.run(env, "yaml", "document", "--synthesize", "--project-dir",
                root.toString());
        assertEquals(0, run.exitCode(), run.err());
        try (Stream<Path> files = Files.walk(root.resolve("models"))) {
            Path first = files.filter(p -> p.toString().endsWith(".yml")).sorted()
                    .filter(p -> read(p).contains("osmosis_generated: true")).findFirst().orElseThrow();
            Files.writeString(first, read(first).replaceFirst("(?m)^( *)osmosis_generated: true$",
                    "$1osmosis_generated: true\n$1osmosis_reviewed: '2026-12-01'"));
        }
        ReportProjects.refreshManifest(root);
        return root;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** "node column" of every documented YAML column marked as generated and not yet reviewed, read directly. */
    private static Set<String> awaitingReview(Path root) {
        Project project = ProjectDocs.load(root);
        DocState state = ProjectDocs.read(project);
        Set<String> out = new HashSet<>();
        for (Node node : project.manifest().nodes().values()) {
            NodeDocs docs = state.docs().get(node.uniqueId());
            if (!project.isOwn(node) || state.entry(node.uniqueId()).isEmpty()) {
                continue;
            }
            for (ColumnDocs c : docs.columns()) {
                if (Boolean.TRUE.equals(c.meta().get("osmosis_generated")) && !c.meta().containsKey("osmosis_reviewed")
                        && !c.description().isBlank()) {
                    out.add(node.displayName() + " " + c.name());
                }
            }
        }
        return out;
    }

    @Test
    void totalsMatchCoverageTheAiFilterShowsExactlyTheAiRowsAndThePageFetchesNothing() throws Exception {
        try (FakeOpenAi llm = new FakeOpenAi()) {
            Map<String, String> env = llm.env(tmp.resolve("home"));
            Path root = synthesizedShopverse(env);
            Path page = tmp.resolve("report.html");
            CliHarness.Result report = CliHarness.run(env, "report", "--project-dir", root.toString(), "--output",
                    page.toString());
            assertEquals(0, report.exitCode(), report.err());
            JsonNode coverage = JSON.readTree(CliHarness.run("coverage", "--project-dir", root.toString(),
                    "--format", "json").out()).get("total");
            Set<String> expectedAi = awaitingReview(root);
            assertTrue(expectedAi.size() > 10, "the synthesis wrote AI text: " + expectedAi);

            try (HeadlessChromium chromium = new HeadlessChromium(tmp.resolve("chromium-profile"))) {
                chromium.open(page);
                ChromeDriver d = chromium.driver();
                assertEquals(coverage.get("nodes").asInt(), number(d, "#total-nodes .whole"));
                assertEquals(coverage.get("documentedNodes").asInt(), number(d, "#total-nodes .part"));
                assertEquals(coverage.get("columns").asInt(), number(d, "#total-columns .whole"));
                assertEquals(coverage.get("documentedColumns").asInt(), number(d, "#total-columns .part"));
                int documented = coverage.get("documentedNodes").asInt() + coverage.get("documentedColumns").asInt();
                int all = coverage.get("nodes").asInt() + coverage.get("columns").asInt();
                assertEquals(String.format(java.util.Locale.ROOT, "%.1f%%", Math.round(1000.0 * documented / all) / 10.0),
                        d.findElement(By.cssSelector("#total-overall .value")).getText());
                assertEquals(coverage.get("columns").asInt(), rowCount(d), "unfiltered, the table has every column");
                Files.copy(d.getScreenshotAs(OutputType.FILE).toPath(), Path.of("target/report-screenshot.png"),
                        StandardCopyOption.REPLACE_EXISTING);

                d.findElement(By.id("legend-ai-awaiting")).click();
                assertEquals("ai-awaiting", d.findElement(By.id("filter-provenance")).getDomProperty("value"));
                assertEquals(expectedAi.size(), rowCount(d));
                assertEquals(expectedAi, visibleRows(d, "ai-awaiting"));

                WebElement columnHeading = d.findElement(By.cssSelector("th[data-sort=column]"));
                columnHeading.click();
                List<String> ascending = columnCells(d);
                columnHeading.click();
                List<String> descending = columnCells(d);
                assertEquals("descending", columnHeading.getDomAttribute("aria-sort"));
                assertEquals(ascending.get(ascending.size() - 1), descending.get(0), "sorting flips");
                assertEquals(new java.util.TreeSet<>(ascending), new java.util.TreeSet<>(descending));

                assertEquals(List.of(), chromium.resourceLoads(), "the page loads nothing");
                assertTrue(d.getCurrentUrl().startsWith("file:"), d.getCurrentUrl());
                String policy = d.findElement(By.cssSelector("meta[http-equiv=Content-Security-Policy]"))
                        .getDomAttribute("content");
                assertTrue(policy.startsWith("default-src 'none';"), policy);
                assertEquals(List.of(), chromium.consoleProblems().stream().map(Object::toString).toList());
                assertTrue(d.findElements(By.cssSelector("#usage-table tbody tr")).size() >= 1,
                        "the synthesis run shows in the LLM usage");
            }
        }
    }

    @Test
    void twoThousandModelsStayUsablePageByPage() throws Exception {
        Path root = tmp.resolve("synthetic");
        new SyntheticProject(2000, 13).write(root);
        Path page = tmp.resolve("big.html");
        CliHarness.Result report = CliHarness.run(Map.of("OSMOSIS_HOME", tmp.resolve("home").toString()), "report",
                "--project-dir", root.toString(), "--output", page.toString());
        assertEquals(0, report.exitCode(), report.err());
        int columns = ReportPage.data(page).get("rows").size();
        assertTrue(columns > 40_000, "rows: " + columns);

        try (HeadlessChromium chromium = new HeadlessChromium(tmp.resolve("chromium-profile"))) {
            chromium.open(page);
            ChromeDriver d = chromium.driver();
            assertEquals(columns, rowCount(d));
            assertEquals(100, d.findElements(By.cssSelector("#columns tbody tr")).size(), "one page in the DOM");
            String firstRow = d.findElement(By.cssSelector("#columns tbody tr")).getText();
            d.findElement(By.id("next-page")).click();
            assertTrue(d.findElement(By.id("page-info")).getText().startsWith("rows 101\u2013200"));
            assertTrue(!firstRow.equals(d.findElement(By.cssSelector("#columns tbody tr")).getText()));

            d.findElement(By.id("search")).sendKeys("FCT_1");
            HeadlessChromium.waitFor("the search to filter", Duration.ofSeconds(30), () -> rowCount(d) < columns);
            int found = rowCount(d);
            assertTrue(found > 0, "marts exist");
            assertEquals(Math.min(found, 100), d.findElements(By.cssSelector("#columns tbody tr")).size());
            for (WebElement row : d.findElements(By.cssSelector("#columns tbody tr"))) {
                assertTrue(row.getText().toLowerCase(java.util.Locale.ROOT).contains("fct_1"), row.getText());
            }
            assertEquals(List.of(), chromium.consoleProblems().stream().map(Object::toString).toList());
        }
    }

    @Test
    void withoutChromiumTheTestsFailAndSayWhatToInstall() {
        org.opentest4j.AssertionFailedError failure = org.junit.jupiter.api.Assertions.assertThrows(
                org.opentest4j.AssertionFailedError.class,
                () -> HeadlessChromium.requireInstalled(tmp.resolve("no-chromium"), HeadlessChromium.DRIVER));
        assertTrue(failure.getMessage().contains("apt-get install -y chromium chromium-driver"), failure.getMessage());
    }

    private static List<String> columnCells(ChromeDriver d) {
        return d.findElements(By.cssSelector("#columns tbody td:nth-child(2)")).stream().map(WebElement::getText)
                .toList();
    }

    private static int number(ChromeDriver d, String css) {
        return Integer.parseInt(d.findElement(By.cssSelector(css)).getText().replace(",", ""));
    }

    private static int rowCount(ChromeDriver d) {
        return Integer.parseInt(d.findElement(By.id("row-count")).getDomAttribute("data-count"));
    }

    /** "node column" of every row on every page, checking each row's provenance. */
    private static Set<String> visibleRows(ChromeDriver d, String provenance) {
        Set<String> out = new HashSet<>();
        d.findElement(By.id("first-page")).click();
        while (true) {
            for (WebElement row : d.findElements(By.cssSelector("#columns tbody tr"))) {
                assertEquals(provenance, row.getDomAttribute("data-provenance"), row.getText());
                List<WebElement> cells = row.findElements(By.tagName("td"));
                out.add(cells.get(0).getText() + " " + cells.get(1).getText());
            }
            WebElement next = d.findElement(By.id("next-page"));
            if (!next.isEnabled()) {
                return out;
            }
            next.click();
        }
    }
}
