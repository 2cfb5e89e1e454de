package dev.osmosis.llm.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.osmosis.llm.CapturedStderr;
import dev.osmosis.llm.FakeTime;
import dev.osmosis.llm.LlmCliOptions;
import dev.osmosis.llm.LlmClient;
import dev.osmosis.llm.LlmClients;
import dev.osmosis.llm.LlmException;
import dev.osmosis.llm.LlmProvider;
import dev.osmosis.llm.LlmRequest;
import dev.osmosis.llm.LlmResponse;
import dev.osmosis.llm.LlmSettings;
import dev.osmosis.llm.TestSettings;
import dev.osmosis.llm.provider.Fixture;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The assembled chain against a misbehaving server: retries, timeouts, drops, fallbacks. */
class ChainFaultTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String OK = "{\"model\":\"gpt-4o\",\"choices\":[{\"message\":{\"content\":\"fine\"},"
            + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1}}";
    @RegisterExtension
    final CapturedStderr stderr = new CapturedStderr();
    private MockWebServer server;
    private final FakeTime time = new FakeTime();

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String base(String path) {
        String url = server.url(path).toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private LlmSettings openAi(LlmCliOptions cli) {
        return TestSettings.of(LlmProvider.OPENAI, base("/v1"), cli);
    }

    private static LlmCliOptions cli(Double timeout, Integer retries, List<String> fallbacks) {
        return new LlmCliOptions(null, null, null, null, null, timeout, retries, 0, null, null, fallbacks, null);
    }

    private LlmClient chain(LlmSettings s) {
        return LlmClients.builder(s).time(time).random(() -> 0.5).build();
    }

    private static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).body("{\"error\":{\"message\":\"boom " + code + "\"}}").build();
    }

    private static MockResponse ok() {
        return new MockResponse.Builder().code(200).body(OK).build();
    }

    @Test
    void rateLimitThenSuccessWaitsAsAsked() {
        server.enqueue(Fixture.load("openai/error-429-rate-limit-exceeded-tpm.json").toResponse());
        server.enqueue(ok());
        LlmResponse r = chain(openAi(LlmCliOptions.NONE)).complete(LlmRequest.text("", "hi"));
        assertEquals("fine", r.text());
        assertEquals(2, r.attempts());
        assertEquals(2, server.getRequestCount());
        assertTrue(time.sleeps().contains(Duration.ofMillis(300)), time.sleeps().toString());
        assertTrue(stderr.text().contains("rate limited"), "the retry is logged: " + stderr.text());
    }

    @ParameterizedTest
    @CsvSource({
        "azure-openai, azure-openai/error-429-retry-after.json, azure-openai/chat-basic-200.json, 60000",
        "anthropic, anthropic/error-429-rate-limit-retry-after.json, anthropic/messages-basic-200.json, 65000",
        "google-gemini, gemini/error-429-resource-exhausted.json, gemini/generate-basic-200.json, 48000",
        "google-gemini, gemini/generate-basic-200.json, gemini/generate-basic-200.json, -1",
    })
    void recordedRetryAfterIsHonoured(String provider, String first, String second, long expectedMillis) {
        LlmProvider p = LlmProvider.byId(provider).orElseThrow();
        server.enqueue(Fixture.load(first).toResponse());
        server.enqueue(Fixture.load(second).toResponse());
        String path = p == LlmProvider.GOOGLE_GEMINI ? "/v1beta" : "/";
        LlmResponse r = chain(TestSettings.of(p, base(path))).complete(LlmRequest.text("", "hi"));
        assertFalse(r.text().isBlank());
        if (expectedMillis >= 0) {
            assertEquals(List.of(Duration.ofMillis(expectedMillis)), time.sleeps());
            assertEquals(2, r.attempts());
        } else {
            assertEquals(List.of(), time.sleeps());
        }
    }

    @Test
    void repeatedServerErrorsThenSuccessBackOffExponentially() {
        server.enqueue(status(500));
        server.enqueue(status(502));
        server.enqueue(status(503));
        server.enqueue(ok());
        LlmResponse r = chain(openAi(LlmCliOptions.NONE)).complete(LlmRequest.text("", "hi"));
        assertEquals(4, r.attempts());
        // retry delay 0.01 s doubling, equal jitter at 0.5: 7.5, 15, 30 ms
        assertEquals(List.of(Duration.ofMillis(7), Duration.ofMillis(15), Duration.ofMillis(30)), time.sleeps());
    }

    @Test
    void serverErrorsBeyondRetriesFailWithAttemptCount() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(status(503));
        }
        LlmException e = assertThrows(LlmException.class,
                () -> chain(openAi(cli(null, 2, List.of()))).complete(LlmRequest.text("", "hi")));
        assertEquals(LlmException.Kind.SERVER, e.kind());
        assertTrue(e.getMessage().contains("Gave up after 3 attempts"), e.getMessage());
        assertTrue(e.getMessage().contains("boom 503"), "keeps the provider's words");
        assertEquals(1, e.exitCode());
    }

    @Test
    void timeoutIsTypedAndRetried() {
        server.enqueue(new MockResponse.Builder().code(200).body(OK).headersDelay(2, TimeUnit.SECONDS).build());
        server.enqueue(ok());
        LlmResponse r = chain(openAi(cli(0.2, 1, List.of()))).complete(LlmRequest.text("", "hi"));
        assertEquals(2, r.attempts());

        server.enqueue(new MockResponse.Builder().code(200).body(OK).headersDelay(2, TimeUnit.SECONDS).build());
        LlmException e = assertThrows(LlmException.class,
                () -> chain(openAi(cli(0.2, 0, List.of()))).complete(LlmRequest.text("", "hi")));
        assertEquals(LlmException.Kind.TIMEOUT, e.kind());
        assertTrue(e.getMessage().contains("--llm-timeout"), e.getMessage());
    }

    @Test
    void droppedConnectionIsTypedAndRetried() {
        server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(ok());
        LlmResponse r = chain(openAi(LlmCliOptions.NONE)).complete(LlmRequest.text("", "hi"));
        assertEquals("fine", r.text());
        assertEquals(2, r.attempts());

        server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
        LlmException e = assertThrows(LlmException.class,
                () -> chain(openAi(cli(null, 0, List.of()))).complete(LlmRequest.text("", "hi")));
        assertEquals(LlmException.Kind.CONNECTION, e.kind());
    }

    @Test
    void connectionRefusedNamesTheEndpointSetting() {
        LlmSettings s = TestSettings.of(LlmProvider.OLLAMA, "http://127.0.0.1:1", cli(null, 0, List.of()));
        LlmException e = assertThrows(LlmException.class, () -> chain(s).complete(LlmRequest.text("", "hi")));
        assertEquals(LlmException.Kind.CONNECTION, e.kind());
        assertTrue(e.getMessage().contains("OLLAMA_BASE_URL"), e.getMessage());
        assertTrue(e.unreachable(), "connection refused: nobody is there, the run's circuit breaker trips");
    }

    @Test
    void aDroppedConnectionIsNotUnreachableAndRetryWarningsNameTheNode() {
        server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
        LlmException e = assertThrows(LlmException.class, () -> chain(openAi(cli(null, 1, List.of())))
                .complete(LlmRequest.text("", "hi").withLabel("bulk", "model.shop.stg_orders")));
        assertEquals(LlmException.Kind.CONNECTION, e.kind());
        assertFalse(e.unreachable(), "a reset may pass: the breaker is for a provider nobody answers for");
        assertTrue(stderr.text().contains("model.shop.stg_orders: "), stderr.text());
    }

    @Test
    void malformedBodyIsRetriedThenTyped() {
        server.enqueue(new MockResponse.Builder().code(200).body("<html>gateway</html>").build());
        server.enqueue(ok());
        assertEquals(2, chain(openAi(LlmCliOptions.NONE)).complete(LlmRequest.text("", "hi")).attempts());

        server.enqueue(new MockResponse.Builder().code(200).body("{\"choices\":[]}").build());
        LlmException e = assertThrows(LlmException.class,
                () -> chain(openAi(cli(null, 0, List.of()))).complete(LlmRequest.text("", "hi")));
        assertEquals(LlmException.Kind.MALFORMED_RESPONSE, e.kind());
    }

    @Test
    void proseInsteadOfJsonIsMalformed() {
        ObjectNode schema = MAPPER.createObjectNode();
        schema.putArray("required").add("description");
        String prose = "{\"model\":\"m\",\"choices\":[{\"message\":{\"content\":\"I cannot do that\"},"
                + "\"finish_reason\":\"length\"}]}";
        server.enqueue(new MockResponse.Builder().code(200).body(prose).build());
        LlmRequest req = new LlmRequest("", "hi", null, null, schema, "doc", "test", null);
        LlmException e = assertThrows(LlmException.class,
                () -> chain(openAi(cli(null, 0, List.of()))).complete(req));
        assertEquals(LlmException.Kind.MALFORMED_RESPONSE, e.kind());
        assertTrue(e.getMessage().contains("--llm-max-tokens"), "a cut-off answer says what to raise");
    }

    @Test
    void authenticationErrorIsNeverRetriedNorFallenBackFrom() {
        server.enqueue(new MockResponse.Builder().code(401)
                .body("{\"error\":{\"message\":\"Incorrect API key provided: " + TestSettings.KEY + "\"}}").build());
        LlmSettings s = openAi(cli(null, 3, List.of("gpt-4o-mini")));
        LlmException e = assertThrows(LlmException.class, () -> chain(s).complete(LlmRequest.text("", "hi")));
        assertEquals(LlmException.Kind.AUTHENTICATION, e.kind());
        assertEquals(1, server.getRequestCount());
        assertFalse(e.getMessage().contains(TestSettings.KEY), e.getMessage());
        assertTrue(e.getMessage().contains("Incorrect API key provided"), e.getMessage());
    }

    @Test
    void fallsBackToTheNextModelAfterRetries() throws Exception {
        server.enqueue(status(503));
        server.enqueue(status(503));
        server.enqueue(ok());
        LlmSettings s = openAi(cli(null, 1, List.of("gpt-4o-mini")));
        LlmResponse r = chain(s).complete(LlmRequest.text("", "hi"));
        assertEquals("fine", r.text());
        List<String> models = List.of(model(), model(), model());
        assertEquals(List.of("gpt-4o", "gpt-4o", "gpt-4o-mini"), models);
    }

    @Test
    void badRequestDoesNotFallBack() {
        server.enqueue(status(400));
        LlmSettings s = openAi(cli(null, 1, List.of("gpt-4o-mini")));
        LlmException e = assertThrows(LlmException.class, () -> chain(s).complete(LlmRequest.text("", "hi")));
        assertEquals(LlmException.Kind.BAD_REQUEST, e.kind());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void anEchoedKeyNeverReachesMessagesOrLogs() {
        String echo = "{\"error\":{\"message\":\"upstream failed for x-api-key: " + TestSettings.KEY
                + " at https://h/v1?key=" + TestSettings.KEY + "\"}}";
        server.enqueue(new MockResponse.Builder().code(503).body(echo).build());
        server.enqueue(new MockResponse.Builder().code(503).body(echo).build());
        LlmException e = assertThrows(LlmException.class,
                () -> chain(openAi(cli(null, 1, List.of()))).complete(LlmRequest.text("", "hi")));
        assertFalse(e.getMessage().contains(TestSettings.KEY), e.getMessage());
        assertTrue(e.getMessage().contains("[REDACTED]"), e.getMessage());
        assertTrue(stderr.text().contains("[REDACTED]"), "the retry warning was logged, redacted");
    }

    private String model() throws Exception {
        return MAPPER.readTree(server.takeRequest().getBody().utf8()).path("model").asText();
    }
}
