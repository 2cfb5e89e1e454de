package dev.osmosis.llm;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Captures stderr (where tinylog writes) for each test, keeping the build quiet, and fails the test if the
 * distinctive test API key was ever logged. Register with {@code @RegisterExtension}.
 */
public final class CapturedStderr implements BeforeEachCallback, AfterEachCallback {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private PrintStream original;

    @Override
    public void beforeEach(ExtensionContext context) {
        buffer.reset();
        original = System.err;
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.setErr(original);
        String logged = text();
        if (logged.contains(TestSettings.KEY)) {
            throw new AssertionError("the API key was logged:\n" + logged);
        }
    }

    public String text() {
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
