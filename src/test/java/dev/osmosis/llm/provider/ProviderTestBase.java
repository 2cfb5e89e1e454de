package dev.osmosis.llm.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.osmosis.llm.FakeTime;
import dev.osmosis.llm.LlmClient;
import dev.osmosis.llm.LlmClients;
import dev.osmosis.llm.LlmException;
import dev.osmosis.llm.LlmProvider;
import dev.osmosis.llm.LlmRequest;
import dev.osmosis.llm.LlmSettings;
import dev.osmosis.llm.TestSettings;
import java.io.IOException;
import java.time.Duration;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A mock server per test and helpers to point a provider at it. */
abstract class ProviderTestBase {
    static final ObjectMapper MAPPER = new ObjectMapper();
    MockWebServer server;
    final FakeTime time = new FakeTime();

    @BeforeEach
    void startServer() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    String base(String path) {
        String url = server.url(path).toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static String defaultPath(LlmProvider p) {
        return switch (p) {
            case OPENAI, LM_STUDIO -> "/v1";
            case GOOGLE_GEMINI -> "/v1beta";
            default -> "/";
        };
    }

    LlmSettings settings(LlmProvider p) {
        return TestSettings.of(p, base(defaultPath(p)));
    }

    LlmClient provider(LlmProvider p) {
        return provider(settings(p));
    }

    LlmClient provider(LlmSettings s) {
        return LlmClients.provider(s, LlmClients.httpClient(Duration.ofSeconds(5)), time);
    }

    void replay(String fixture) {
        server.enqueue(Fixture.load(fixture).toResponse());
    }

    static ObjectNode schema(String... required) {
        ObjectNode s = MAPPER.createObjectNode().put("type", "object");
        ObjectNode props = s.putObject("properties");
        for (String r : required) {
            props.putObject(r).put("type", "string");
        }
        var req = s.putArray("required");
        for (String r : required) {
            req.add(r);
        }
        s.put("additionalProperties", false);
        return s;
    }

    static LlmRequest jsonRequest(String... required) {
        return new LlmRequest("sys", "Answer in JSON", null, null, schema(required), "answer", "test", null);
    }

    static LlmRequest textRequest() {
        return LlmRequest.text("sys", "hello");
    }

    static LlmException assertKind(LlmException.Kind kind, Executable call) {
        LlmException e = assertThrows(LlmException.class, call);
        assertEquals(kind, e.kind(), e.getMessage());
        assertFalse(e.getMessage().contains(TestSettings.KEY), e.getMessage());
        return e;
    }

    JsonNode sentBody() throws InterruptedException {
        RecordedRequest r = server.takeRequest();
        try {
            return MAPPER.readTree(r.getBody().utf8());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
