package dev.osmosis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.osmosis.testing.TestProjects;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `yaml document --synthesize` against a model whose every answer is hostile: the run ends quickly, each node is a
 * failure named on stderr, and what needs no model (inherited docs) is still written.
 * <table>
 *   <caption>answers</caption>
 *   <tr><th>answer</th><th>outcome</th></tr>
 *   <tr><td>100,000 '{' (took minutes before: the extractor scanned on from every brace)</td>
 *       <td>"no JSON object", exit 1</td></tr>
 *   <tr><td>more than 512 KB</td><td>"larger than 512 KB", not retried, exit 1</td></tr>
 * </table>
 */
class HostileAnswersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path tmp;

    @Test
    void anAnswerOfBracesFailsItsNodeQuickly() throws Exception {
        CliHarness.Result r = synthesizeWith("{".repeat(100_000));
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("failed: model.shopverse_analytics."), r.err());
        assertTrue(r.err().contains("no JSON object"), r.err());
        assertTrue(r.err().contains("updated ") || r.err().contains("created "),
                "the docs that need no model are still written: " + r.err());
    }

    @Test
    void anAnswerOverTheCapFailsItsNode() throws Exception {
        CliHarness.Result r = synthesizeWith("word ".repeat(120_000));
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("failed: model.shopverse_analytics."), r.err());
        assertTrue(r.err().contains("larger than 512 KB"), r.err());
    }

    private CliHarness.Result synthesizeWith(String content) throws Exception {
        Path root = TestProjects.copy(Path.of("examples/shopverse"), tmp.resolve("project"));
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return answer(content);
                }
            });
            server.start();
            Map<String, String> env = Map.of("LLM_PROVIDER", "openai", "OPENAI_API_KEY", "sk-test-not-a-real-key",
                    "OPENAI_BASE_URL", server.url("/v1").toString(), "OPENAI_MODEL", "gpt-4o",
                    "OSMOSIS_HOME", tmp.resolve("home").toString(), "OSMOSIS_LLM_RETRY_DELAY", "0.01",
                    "OSMOSIS_LLM_MAX_RETRIES", "1", "OSMOSIS_LLM_RATE_LIMIT", "100000");
            return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliHarness.run(env, "yaml", "document",
                    "--synthesize", "--project-dir", root.toString()));
        }
    }

    private static MockResponse answer(String content) {
        ObjectNode response = JSON.createObjectNode().put("id", "chatcmpl-test").put("model", "gpt-4o");
        ObjectNode choice = response.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        response.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 20);
        try {
            return new MockResponse.Builder().code(200).addHeader("content-type", "application/json")
                    .body(JSON.writeValueAsString(response)).build();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
