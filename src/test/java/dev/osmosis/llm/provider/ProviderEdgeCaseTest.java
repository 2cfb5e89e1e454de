package dev.osmosis.llm.provider;

import static dev.osmosis.llm.LlmException.Kind.BAD_REQUEST;
import static dev.osmosis.llm.LlmException.Kind.CONTEXT_TOO_LONG;
import static dev.osmosis.llm.LlmException.Kind.MALFORMED_RESPONSE;
import static dev.osmosis.llm.LlmException.Kind.SERVER;
import static dev.osmosis.llm.LlmException.Kind.TIMEOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osmosis.llm.CapturedStderr;
import dev.osmosis.llm.LlmCliOptions;
import dev.osmosis.llm.LlmClient;
import dev.osmosis.llm.LlmException;
import dev.osmosis.llm.LlmProvider;
import dev.osmosis.llm.LlmRequest;
import dev.osmosis.llm.LlmResponse;
import dev.osmosis.llm.TestSettings;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProviderEdgeCaseTest extends ProviderTestBase {
    private static final String JSON_OK = "{\"model\":\"m\",\"choices\":[{\"message\":{\"content\":"
            + "\"```json\\n{\\\"answer\\\": \\\"x\\\"}\\n```\"},\"finish_reason\":\"stop\"}]}";

    @RegisterExtension
    final CapturedStderr stderr = new CapturedStderr();

    private void enqueue(int code, String body) {
        server.enqueue(new MockResponse.Builder().code(code).body(body).build());
    }

    private LlmException openAiError(int code, String body) {
        enqueue(code, body);
        return assertKindOf(provider(LlmProvider.OPENAI));
    }

    private static LlmException assertKindOf(LlmClient client) {
        try {
            client.complete(textRequest());
        } catch (LlmException e) {
            assertFalse(e.getMessage().contains(TestSettings.KEY));
            return e;
        }
        throw new AssertionError("expected an LlmException");
    }

    @Test
    void serverWithoutSchemaSupportGetsJsonObjectFromThenOn() throws Exception {
        enqueue(400, "{\"error\":{\"message\":\"response_format json_schema is not supported\"}}");
        enqueue(200, JSON_OK);
        enqueue(200, JSON_OK);
        LlmClient client = provider(LlmProvider.LM_STUDIO);
        LlmRequest request = new LlmRequest("", "describe", null, null, schema("answer"), "a", "test", null);
        assertEquals("x", client.complete(request).json().path("answer").asText());
        assertEquals("json_schema", sentBody().path("response_format").path("type").asText());
        JsonNode retry = sentBody();
        assertEquals("json_object", retry.path("response_format").path("type").asText());
        assertTrue(retry.path("messages").path(0).path("content").asText().contains("JSON"),
                "json_object needs the word JSON in the messages");
        client.complete(request);
        assertEquals("json_object", sentBody().path("response_format").path("type").asText(), "remembered");
    }

    @Test
    void jsonModeOffSendsNoFormatButStillExtracts() throws Exception {
        enqueue(200, JSON_OK);
        LlmCliOptions off = new LlmCliOptions(null, null, null, null, 50, null, null, null, null, null, List.of(),
                false);
        LlmClient client = provider(TestSettings.of(LlmProvider.OPENAI, base("/v1"), off));
        assertEquals("x", client.complete(jsonRequest("answer")).json().path("answer").asText());
        JsonNode sent = sentBody();
        assertTrue(sent.path("response_format").isMissingNode());
        assertEquals(50, sent.path("max_tokens").asInt());
    }

    @Test
    void emptyTextAnswerIsMalformedAndHintsAtTheTokenCap() {
        enqueue(200, "{\"choices\":[{\"message\":{\"content\":\"\"},\"finish_reason\":\"length\"}]}");
        LlmException e = assertKindOf(provider(LlmProvider.OPENAI));
        assertEquals(MALFORMED_RESPONSE, e.kind());
        assertTrue(e.getMessage().contains("--llm-max-tokens"), e.getMessage());
        enqueue(200, "");
        assertEquals(MALFORMED_RESPONSE, assertKindOf(provider(LlmProvider.OPENAI)).kind());
    }

    @Test
    void errorStatusesMapToKinds() {
        assertEquals(BAD_REQUEST, openAiError(429, "{\"error\":{\"code\":\"insufficient_quota\",\"message\":"
                + "\"You exceeded your current quota\"}}").kind());
        assertEquals(TIMEOUT, openAiError(408, "").kind());
        assertEquals(CONTEXT_TOO_LONG, openAiError(400, "{\"error\":{\"code\":\"context_length_exceeded\","
                + "\"message\":\"This model's maximum context length is 128000 tokens.\"}}").kind());
        assertEquals(CONTEXT_TOO_LONG, openAiError(413, "too big").kind());
        LlmException html = openAiError(502, "<html><body>Bad gateway</body></html>");
        assertEquals(SERVER, html.kind());
        assertTrue(html.getMessage().contains("Bad gateway"), "a non-JSON body is quoted");
        assertEquals(BAD_REQUEST, openAiError(422, "{\"message\":\"unprocessable\"}").kind());
        assertTrue(openAiError(500, "").getMessage().contains("(empty body)"));
    }

    @Test
    void ollamaErrorsAndBrokenLines() {
        enqueue(404, "{\"error\":\"model \\\"llama9\\\" not found, try pulling it first\"}");
        LlmException notFound = assertKindOf(provider(LlmProvider.OLLAMA));
        assertEquals(BAD_REQUEST, notFound.kind());
        assertTrue(notFound.getMessage().contains("try pulling it first") && notFound.getMessage()
                .contains("OLLAMA_MODEL"), notFound.getMessage());
        enqueue(200, "{\"message\":{\"content\":\"a\"}}\nnot json");
        assertEquals(MALFORMED_RESPONSE, assertKindOf(provider(LlmProvider.OLLAMA)).kind());
        enqueue(200, "{\"done\":true}");
        assertEquals(MALFORMED_RESPONSE, assertKindOf(provider(LlmProvider.OLLAMA)).kind());
    }

    @Test
    void ollamaSendsOptions() throws Exception {
        enqueue(200, "{\"model\":\"m\",\"message\":{\"content\":\"hi\"},\"done\":true,\"done_reason\":\"stop\"}");
        LlmRequest req = new LlmRequest("be brief", "hi", 0.2, 64, null, null, "test", null);
        LlmResponse r = provider(LlmProvider.OLLAMA).complete(req);
        assertEquals("hi", r.text());
        assertFalse(r.usage().known());
        JsonNode sent = sentBody();
        assertEquals(0.2, sent.path("options").path("temperature").asDouble());
        assertEquals(64, sent.path("options").path("num_predict").asInt());
        assertEquals("system", sent.path("messages").path(0).path("role").asText());
    }

    @Test
    void geminiBlockedAndEmptyAnswers() throws Exception {
        enqueue(200, "{\"promptFeedback\":{\"blockReason\":\"SAFETY\"}}");
        assertEquals(BAD_REQUEST, assertKindOf(provider(LlmProvider.GOOGLE_GEMINI)).kind());
        enqueue(200, "{}");
        assertEquals(MALFORMED_RESPONSE, assertKindOf(provider(LlmProvider.GOOGLE_GEMINI)).kind());
        enqueue(200, "[1]");
        assertEquals(MALFORMED_RESPONSE, assertKindOf(provider(LlmProvider.GOOGLE_GEMINI)).kind());
        enqueue(200, "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"thinking\",\"thought\":true},"
                + "{\"text\":\"answer\"}]},\"finishReason\":\"STOP\"}]}");
        LlmRequest req = new LlmRequest("sys", "hi", 0.3, 99, null, null, "test", null);
        assertEquals("answer", provider(LlmProvider.GOOGLE_GEMINI).complete(req).text());
        server.takeRequest();
        server.takeRequest();
        server.takeRequest();
        JsonNode sent = sentBody();
        assertEquals("sys", sent.path("systemInstruction").path("parts").path(0).path("text").asText());
        assertEquals(99, sent.path("generationConfig").path("maxOutputTokens").asInt());
        assertEquals(0.3, sent.path("generationConfig").path("temperature").asDouble());
    }

    @Test
    void anthropicWithoutContentIsMalformedAndToolNamesAreSafe() throws Exception {
        enqueue(200, "{\"type\":\"message\"}");
        assertEquals(MALFORMED_RESPONSE, assertKindOf(provider(LlmProvider.ANTHROPIC)).kind());
        assertEquals("column_docs_v2", AnthropicClient.toolName("column docs.v2"));
        assertEquals("answer", AnthropicClient.toolName(null));
        assertEquals(64, AnthropicClient.toolName("x".repeat(80)).length());
        enqueue(200, "{\"content\":[{\"type\":\"text\",\"text\":\"hi\"}],\"usage\":{\"input_tokens\":5,"
                + "\"cache_read_input_tokens\":10,\"output_tokens\":2},\"stop_reason\":\"end_turn\"}");
        LlmRequest req = new LlmRequest("", "hi", 0.5, 10, null, null, "test", null);
        LlmResponse r = provider(LlmProvider.ANTHROPIC).complete(req);
        assertEquals(15, r.usage().inputTokens(), "cached prompt tokens are prompt tokens");
        server.takeRequest();
        JsonNode sent = sentBody();
        assertEquals(10, sent.path("max_tokens").asInt());
        assertTrue(sent.path("system").isMissingNode());
    }

    @Test
    void localServersNeedNoKey() throws Exception {
        enqueue(200, "{\"choices\":[{\"message\":{\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}}]}");
        var settings = dev.osmosis.llm.LlmSettings.resolve(LlmCliOptions.NONE,
                java.util.Map.of("LLM_PROVIDER", "lm-studio", "LM_STUDIO_BASE_URL", base("/v1")), java.util.Map.of());
        assertEquals("hi", provider(settings).complete(textRequest()).text(), "content as an array of parts");
        assertEquals(null, server.takeRequest().getHeaders().get("Authorization"));
    }

    @Test
    void anAnswerOverTheCapIsRefusedUnreadAndNotRetried() throws Exception {
        String padding = "x".repeat(ProviderHttp.MAX_ANSWER_BYTES);
        enqueue(200, "{\"choices\":[{\"message\":{\"content\":\"" + padding + "\"},\"finish_reason\":\"stop\"}]}");
        LlmException e = assertKindOf(provider(LlmProvider.OPENAI));
        assertEquals(MALFORMED_RESPONSE, e.kind());
        assertFalse(e.retryable(), "every attempt is paid for and likely to loop again");
        assertTrue(e.getMessage().contains("larger than 512 KB"), e.getMessage());
        assertTrue(e.getMessage().contains("--llm-max-tokens"), e.getMessage());

        String under = "x".repeat(ProviderHttp.MAX_ANSWER_BYTES - 100);
        enqueue(200, "{\"choices\":[{\"message\":{\"content\":\"" + under + "\"},\"finish_reason\":\"stop\"}]}");
        assertEquals(under.length(), provider(LlmProvider.OPENAI).complete(textRequest()).text().length());
    }
}
