package dev.osmosis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.testing.TestProjects;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provider nobody answers for (connection refused: the port of a server that was shut down). Before, every node
 * retried and failed on its own line; now the first failure that outlasts its retries stops the calls.
 */
class UnreachableProviderTest {
    @TempDir Path tmp;

    @Test
    void theFirstConnectionFailureStopsTheCallsAndTheRemainingNodesFailInOneLine() throws Exception {
        Path root = TestProjects.copy(Path.of("examples/shopverse"), tmp.resolve("project"));
        String url;
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            url = server.url("/v1").toString();
        }
        Map<String, String> env = Map.of("LLM_PROVIDER", "openai", "OPENAI_API_KEY", "sk-test-not-a-real-key",
                "OPENAI_BASE_URL", url, "OPENAI_MODEL", "gpt-4o", "OSMOSIS_HOME", tmp.resolve("home").toString(),
                "OSMOSIS_LLM_RETRY_DELAY", "0.01", "OSMOSIS_LLM_MAX_RETRIES", "1");
        CliHarness.Result r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliHarness.run(env, "yaml",
                "document", "--synthesize", "--llm-concurrency", "1", "--project-dir", root.toString()));
        assertEquals(1, r.exitCode(), r.err());
        long failedLines = r.err().lines().filter(l -> l.startsWith("failed:")).count();
        assertEquals(1, failedLines, r.err());
        assertTrue(r.err().contains("node(s) not synthesized, the LLM provider cannot be reached: model."), r.err());
        assertTrue(r.err().contains("stopped calling the LLM provider"), r.err());
        assertTrue(r.err().contains("updated ") || r.err().contains("created "),
                "what needs no model is still written: " + r.err());
    }
}
