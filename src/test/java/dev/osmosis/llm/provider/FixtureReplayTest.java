package dev.osmosis.llm.provider;

import static dev.osmosis.llm.LlmException.Kind.AUTHENTICATION;
import static dev.osmosis.llm.LlmException.Kind.BAD_REQUEST;
import static dev.osmosis.llm.LlmException.Kind.CONTEXT_TOO_LONG;
import static dev.osmosis.llm.LlmException.Kind.RATE_LIMITED;
import static dev.osmosis.llm.LlmException.Kind.SERVER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osmosis.llm.LlmClient;
import dev.osmosis.llm.LlmException;
import dev.osmosis.llm.LlmProvider;
import dev.osmosis.llm.LlmResponse;
import dev.osmosis.llm.TestSettings;
import dev.osmosis.llm.Usage;
import java.time.Duration;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Every recorded exchange in llm-fixtures, replayed: the right answer or the right typed error. */
class FixtureReplayTest extends ProviderTestBase {

    // ---- OpenAI ----
    @Test
    void openAiChat() throws Exception {
        replay("openai/chat-basic-200.json");
        LlmResponse r = provider(LlmProvider.OPENAI).complete(textRequest());
        assertTrue(r.text().startsWith("Hello!"), r.text());
        assertEquals(new Usage(13, 31), r.usage());
        assertEquals("stop", r.finishReason());
        assertEquals("gpt-3.5-turbo-0125", r.model());
        assertEquals("openai", r.provider());
        RecordedRequest sent = server.takeRequest();
        assertEquals("/v1/chat/completions", sent.getUrl().encodedPath());
        assertEquals("Bearer " + TestSettings.KEY, sent.getHeaders().get("Authorization"));
    }

    @Test
    void openAiJsonMode() {
        replay("openai/json-mode-200.json");
        LlmResponse r = provider(LlmProvider.OPENAI).complete(jsonRequest("greeting"));
        assertEquals("hello", r.json().path("greeting").asText());
    }

    @Test
    void openAiStructuredOutputSendsStrictSchema() throws Exception {
        replay("openai/structured-output-json-schema-200.json");
        LlmResponse r = provider(LlmProvider.OPENAI).complete(jsonRequest("final_answer"));
        assertEquals("4", r.json().path("final_answer").asText());
        JsonNode body = sentBody();
        assertEquals("json_schema", body.path("response_format").path("type").asText());
        assertTrue(body.path("response_format").path("json_schema").path("strict").asBoolean());
        assertEquals("final_answer",
                body.path("response_format").path("json_schema").path("schema").path("required").path(0).asText());
    }

    @Test
    void openAiToolCallArgumentsServeAsTheAnswer() {
        replay("openai/tool-call-200.json");
        LlmResponse r = provider(LlmProvider.OPENAI).complete(jsonRequest("location"));
        assertEquals("Boston", r.json().path("location").asText());
        assertEquals("tool_calls", r.finishReason());
    }

    @Test
    void openAiErrors() {
        replay("openai/error-401-invalid-api-key.json");
        assertTrue(assertKind(AUTHENTICATION, () -> provider(LlmProvider.OPENAI).complete(textRequest()))
                .getMessage().contains("OPENAI_API_KEY"));
        replay("openai/error-400-invalid-type.json");
        assertKind(BAD_REQUEST, () -> provider(LlmProvider.OPENAI).complete(textRequest()));
        replay("openai/error-404-model-not-found.json");
        LlmException notFound = assertKind(BAD_REQUEST, () -> provider(LlmProvider.OPENAI).complete(textRequest()));
        assertTrue(notFound.getMessage().contains("--llm-model"), notFound.getMessage());
        assertTrue(notFound.getMessage().contains("gpt-5.2-proo"), "quotes the provider's message");
        replay("openai/error-429-rate-limit-exceeded-tpm.json");
        LlmException limited = assertKind(RATE_LIMITED, () -> provider(LlmProvider.OPENAI).complete(textRequest()));
        assertEquals(Duration.ofMillis(300), limited.retryAfter().orElseThrow(), "x-ratelimit-reset-requests");
    }

    // ---- Azure OpenAI ----
    @Test
    void azureChatUsesDeploymentUrlAndApiKeyHeader() throws Exception {
        replay("azure-openai/chat-basic-200.json");
        LlmResponse r = provider(LlmProvider.AZURE_OPENAI).complete(textRequest());
        assertEquals("2 + 2 = 4", r.text());
        assertEquals("azure-openai", r.provider());
        RecordedRequest sent = server.takeRequest();
        assertEquals("/openai/deployments/gpt-4.1/chat/completions", sent.getUrl().encodedPath());
        assertEquals("2024-10-21", sent.getUrl().queryParameter("api-version"));
        assertEquals(TestSettings.KEY, sent.getHeaders().get("api-key"));
        assertEquals(null, sent.getHeaders().get("Authorization"));
    }

    @Test
    void azureErrors() {
        replay("azure-openai/error-401.json");
        assertKind(AUTHENTICATION, () -> provider(LlmProvider.AZURE_OPENAI).complete(textRequest()));
        replay("azure-openai/error-429-retry-after.json");
        LlmException e = assertKind(RATE_LIMITED, () -> provider(LlmProvider.AZURE_OPENAI).complete(textRequest()));
        assertEquals(Duration.ofSeconds(60), e.retryAfter().orElseThrow());
    }

    // ---- Anthropic ----
    @Test
    void anthropicMessage() throws Exception {
        replay("anthropic/messages-basic-200.json");
        LlmResponse r = provider(LlmProvider.ANTHROPIC).complete(textRequest());
        assertTrue(r.text().startsWith("Hello!"));
        assertEquals(new Usage(13, 35), r.usage());
        assertEquals("end_turn", r.finishReason());
        assertEquals("claude-3-opus-20240229", r.model());
        RecordedRequest sent = server.takeRequest();
        assertEquals("/v1/messages", sent.getUrl().encodedPath());
        assertEquals(TestSettings.KEY, sent.getHeaders().get("x-api-key"));
        assertEquals("2023-06-01", sent.getHeaders().get("anthropic-version"));
    }

    @Test
    void anthropicStructuredOutputIsAForcedTool() throws Exception {
        replay("anthropic/tool-use-200.json");
        LlmResponse r = provider(LlmProvider.ANTHROPIC).complete(jsonRequest("latitude", "longitude"));
        assertEquals("52.5200", r.json().path("latitude").asText());
        JsonNode body = sentBody();
        assertEquals("answer", body.path("tool_choice").path("name").asText());
        assertEquals("tool", body.path("tool_choice").path("type").asText());
        assertEquals("object", body.path("tools").path(0).path("input_schema").path("type").asText());
        assertEquals("sys", body.path("system").asText());
        assertEquals(4096, body.path("max_tokens").asInt());
    }

    @Test
    void anthropicErrors() {
        replay("anthropic/error-529-overloaded.json");
        assertTrue(assertKind(SERVER, () -> provider(LlmProvider.ANTHROPIC).complete(textRequest()))
                .getMessage().contains("overloaded"));
        replay("anthropic/error-429-rate-limit-retry-after.json");
        LlmException e = assertKind(RATE_LIMITED, () -> provider(LlmProvider.ANTHROPIC).complete(textRequest()));
        assertEquals(Duration.ofSeconds(65), e.retryAfter().orElseThrow());
        replay("anthropic/error-401-authentication.json");
        assertTrue(assertKind(AUTHENTICATION, () -> provider(LlmProvider.ANTHROPIC).complete(textRequest()))
                .getMessage().contains("ANTHROPIC_API_KEY"));
        replay("anthropic/error-400-prompt-too-long.json");
        assertKind(CONTEXT_TOO_LONG, () -> provider(LlmProvider.ANTHROPIC).complete(textRequest()));
    }

    // ---- Gemini ----
    @Test
    void geminiGenerate() throws Exception {
        replay("gemini/generate-basic-200.json");
        LlmResponse r = provider(LlmProvider.GOOGLE_GEMINI).complete(textRequest());
        assertEquals("2 + 2 = **4**", r.text());
        assertEquals(new Usage(10, 8 + 23), r.usage(), "thinking tokens count as output");
        assertEquals("STOP", r.finishReason());
        RecordedRequest sent = server.takeRequest();
        assertEquals("/v1beta/models/gemini-2.5-flash:generateContent", sent.getUrl().encodedPath());
        assertEquals(TestSettings.KEY, sent.getHeaders().get("x-goog-api-key"));
        assertEquals(null, sent.getUrl().queryParameter("key"), "the key never goes in the URL");
    }

    @Test
    void geminiResponseSchemaIsInGeminiDialect() throws Exception {
        replay("gemini/json-response-schema-200.json");
        LlmResponse r = provider(LlmProvider.GOOGLE_GEMINI).complete(jsonRequest("result"));
        assertEquals(8, r.json().path("result").asInt());
        JsonNode config = sentBody().path("generationConfig");
        assertEquals("application/json", config.path("responseMimeType").asText());
        assertEquals("OBJECT", config.path("responseSchema").path("type").asText());
        assertTrue(config.path("responseSchema").path("additionalProperties").isMissingNode());
    }

    @Test
    void geminiFunctionCallArgsServeAsTheAnswer() {
        replay("gemini/tool-call-200.json");
        LlmResponse r = provider(LlmProvider.GOOGLE_GEMINI).complete(jsonRequest("latitude"));
        assertEquals("52.5200", r.json().path("latitude").asText());
    }

    @Test
    void geminiErrors() {
        replay("gemini/error-400-api-key-invalid.json");
        assertTrue(assertKind(AUTHENTICATION, () -> provider(LlmProvider.GOOGLE_GEMINI).complete(textRequest()))
                .getMessage().contains("GOOGLE_GEMINI_API_KEY"));
        replay("gemini/error-429-resource-exhausted.json");
        LlmException e = assertKind(RATE_LIMITED, () -> provider(LlmProvider.GOOGLE_GEMINI).complete(textRequest()));
        assertEquals(Duration.ofSeconds(48), e.retryAfter().orElseThrow(), "RetryInfo.retryDelay");
    }

    // ---- Ollama (native) ----
    @Test
    void ollamaChatJoinsNdjsonChunks() throws Exception {
        replay("ollama/api-chat-200.json");
        LlmResponse r = provider(LlmProvider.OLLAMA).complete(textRequest());
        assertTrue(r.text().contains("nautical mile"), r.text());
        assertEquals(new Usage(18, 203), r.usage());
        assertEquals("stop", r.finishReason());
        assertEquals("gemma3:1b", r.model());
        RecordedRequest sent = server.takeRequest();
        assertEquals("/api/chat", sent.getUrl().encodedPath());
        assertEquals(false, MAPPER.readTree(sent.getBody().utf8()).path("stream").asBoolean(true));
    }

    @Test
    void ollamaFormatIsTheSchema() throws Exception {
        replay("ollama/api-chat-format-json-200.json");
        LlmResponse r = provider(LlmProvider.OLLAMA).complete(jsonRequest("answer"));
        assertEquals("600", r.json().path("answer").asText());
        assertEquals("object", sentBody().path("format").path("type").asText());
    }

    @Test
    void ollamaStreamedAnswer() {
        replay("ollama/api-chat-ndjson-stream-200.json");
        LlmResponse r = provider(LlmProvider.OLLAMA).complete(textRequest());
        assertTrue(r.text().startsWith("Okay, here we go!"));
        assertTrue(r.text().contains("1, 2, 3, 4, 5"));
    }

    // ---- OpenAI-compatible servers ----
    @Test
    void ollamaV1BaseUrlSpeaksOpenAi() throws Exception {
        replay("openai-compatible/ollama-v1-chat-200.json");
        LlmClient client = provider(TestSettings.of(LlmProvider.OLLAMA, base("/v1")));
        LlmResponse r = client.complete(textRequest());
        assertTrue(r.text().contains("Paris"));
        assertEquals("/v1/chat/completions", server.takeRequest().getUrl().encodedPath());
    }

    @Test
    void lmStudioJsonAnswer() throws Exception {
        replay("openai-compatible/ollama-v1-response-format-200.json");
        LlmResponse r = provider(LlmProvider.LM_STUDIO).complete(jsonRequest("result"));
        assertEquals(8, r.json().path("result").asInt());
        JsonNode body = sentBody();
        assertEquals("json_schema", body.path("response_format").path("type").asText());
    }

    @Test
    void openRouterRateLimit() {
        replay("openai-compatible/openrouter-error-429.json");
        assertKind(RATE_LIMITED, () -> provider(LlmProvider.OPENAI).complete(textRequest()));
    }
}
