package dev.osmosis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osmosis.llm.CapturedStderr;
import dev.osmosis.llm.LlmProvider;
import dev.osmosis.llm.TestSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class LlmTestCommandTest {
    private static final String OK = "{\"model\":\"gpt-4o-2024-08-06\",\"choices\":[{\"message\":{\"content\":\"OK\"},"
            + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":21,\"completion_tokens\":1}}";

    @RegisterExtension
    final CapturedStderr stderr = new CapturedStderr();
    private MockWebServer server;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Map<String, String> env() {
        return new HashMap<>(TestSettings.env(LlmProvider.OPENAI, server.url("/v1").toString()));
    }

    @Test
    void printsProviderModelLatencyAndTokens() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body(OK).build());
        CliHarness.Result r = CliHarness.run(env(), "llm", "test", "--llm-temperature", "0.1");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("provider: openai"), r.out());
        assertTrue(r.out().contains("model:    gpt-4o-2024-08-06"), r.out());
        assertTrue(r.out().matches("(?s).*latency:  \\d+ ms.*"), r.out());
        assertTrue(r.out().contains("tokens:   21 in, 1 out"), r.out());
        JsonNode sent = new ObjectMapper().readTree(server.takeRequest().getBody().utf8());
        assertEquals(0.1, sent.path("temperature").asDouble());
        assertEquals("gpt-4o", sent.path("model").asText());
    }

    @Test
    void readsProjectVarsButFlagsWin(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("dbt_project.yml"), """
                name: demo
                vars:
                  dbt-osmosis:
                    llm:
                      model: gpt-4o-mini
                      max_tokens: 77
                """);
        server.enqueue(new MockResponse.Builder().code(200).body(OK).build());
        server.enqueue(new MockResponse.Builder().code(200).body(OK).build());
        assertEquals(0, CliHarness.run(env(), "llm", "test", "--project-dir", dir.toString()).exitCode());
        JsonNode sent = new ObjectMapper().readTree(server.takeRequest().getBody().utf8());
        assertEquals("gpt-4o-mini", sent.path("model").asText());
        assertEquals(77, sent.path("max_tokens").asInt(), "a non-openai.com endpoint gets max_tokens");
        assertEquals(0, CliHarness.run(env(), "llm", "test", "--project-dir", dir.toString(),
                "--llm-model", "gpt-4.1").exitCode());
        assertEquals("gpt-4.1", new ObjectMapper().readTree(server.takeRequest().getBody().utf8())
                .path("model").asText());
    }

    @Test
    void configurationErrorsExitTwo() {
        Map<String, String> env = env();
        env.remove("OPENAI_API_KEY");
        CliHarness.Result noKey = CliHarness.run(env, "llm", "test");
        assertEquals(2, noKey.exitCode());
        assertTrue(noKey.err().contains("OPENAI_API_KEY"), noKey.err());
        CliHarness.Result badProvider = CliHarness.run(env(), "llm", "test", "--llm-provider", "mistral");
        assertEquals(2, badProvider.exitCode());
        assertTrue(badProvider.err().contains("--llm-provider"), badProvider.err());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void apiErrorsExitOneWithTheProvidersMessage() {
        server.enqueue(new MockResponse.Builder().code(500)
                .body("{\"error\":{\"message\":\"The server had an error processing your request.\"}}").build());
        CliHarness.Result r = CliHarness.run(env(), "llm", "test", "--llm-max-retries", "0");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("The server had an error processing your request."), r.err());
        assertTrue(r.err().contains("openai gpt-4o"), r.err());
    }

    @Test
    void rejectedKeyIsNeverPrinted() {
        server.enqueue(new MockResponse.Builder().code(401).body("{\"error\":{\"message\":\"Incorrect API key "
                + "provided: " + TestSettings.KEY + ".\",\"code\":\"invalid_api_key\"}}").build());
        CliHarness.Result r = CliHarness.run(env(), "llm", "test", "--stacktrace");
        assertEquals(2, r.exitCode(), "authentication is a configuration problem");
        assertTrue(r.err().contains("Incorrect API key provided"), r.err());
        assertFalse(r.err().contains(TestSettings.KEY), r.err());
        assertFalse(r.out().contains(TestSettings.KEY), r.out());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void llmWithoutSubcommandIsAUsageError() {
        CliHarness.Result r = CliHarness.run("llm");
        assertEquals(2, r.exitCode());
        assertTrue(CliHarness.run("llm", "test", "--help").out().contains("--llm-fallback-model"));
    }
}
