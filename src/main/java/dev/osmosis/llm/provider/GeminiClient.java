package dev.osmosis.llm.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.osmosis.llm.LlmClient;
import dev.osmosis.llm.LlmException;
import dev.osmosis.llm.LlmRequest;
import dev.osmosis.llm.LlmResponse;
import dev.osmosis.llm.Usage;
import java.util.HashMap;
import java.util.Map;

/**
 * Gemini generateContent. The key goes in the {@code x-goog-api-key} header, never in the URL, so it cannot leak
 * through an exception message that quotes the URL. Structured output: {@code responseMimeType} +
 * {@code responseSchema} in Gemini's own schema dialect.
 */
public final class GeminiClient implements LlmClient {
    private final ProviderHttp http;

    public GeminiClient(ProviderHttp http) {
        this.http = http;
    }

    @Override
    public LlmResponse complete(LlmRequest request) {
        long start = http.time().nanoTime();
        String url = http.target().baseUrl() + "/models/" + http.target().model() + ":generateContent";
        JsonNode json = http.postForJson(url, headers(), body(request));
        JsonNode candidate = json.path("candidates").path(0);
        if (!candidate.isObject()) {
            String blocked = json.path("promptFeedback").path("blockReason").asText(null);
            if (blocked != null) {
                throw new LlmException(LlmException.Kind.BAD_REQUEST, http.target().label()
                        + ": Gemini blocked the prompt (" + blocked + "). Retrying will not help; rephrase the "
                        + "prompt or use another model.");
            }
            throw http.malformed("no candidates");
        }
        StringBuilder text = new StringBuilder();
        JsonNode functionArgs = null;
        for (JsonNode part : candidate.path("content").path("parts")) {
            if (part.path("thought").asBoolean(false)) {
                continue;
            }
            if (part.has("text")) {
                text.append(part.path("text").asText(""));
            } else if (part.has("functionCall") && functionArgs == null) {
                functionArgs = part.path("functionCall").path("args");
            }
        }
        String answer = text.toString();
        if (answer.isBlank() && functionArgs != null) {
            answer = Json.write(functionArgs);
        }
        JsonNode usage = json.path("usageMetadata");
        long output = ProviderHttp.asLong(usage.get("candidatesTokenCount"));
        if (output >= 0) {
            // Thinking tokens are billed as output but reported apart.
            output += Math.max(0, usage.path("thoughtsTokenCount").asLong(0));
        }
        return http.answer(request, answer, request.wantsJson() ? functionArgs : null,
                new Usage(ProviderHttp.asLong(usage.get("promptTokenCount")), output),
                candidate.path("finishReason").asText(null), json.path("modelVersion").asText(null), start);
    }

    private Map<String, String> headers() {
        Map<String, String> h = new HashMap<>();
        if (http.target().apiKey() != null) {
            h.put("x-goog-api-key", http.target().apiKey());
        }
        return h;
    }

    private ObjectNode body(LlmRequest request) {
        ObjectNode body = Json.object();
        if (!request.system().isEmpty()) {
            body.putObject("systemInstruction").putArray("parts").addObject().put("text", request.system());
        }
        body.putArray("contents").addObject().put("role", "user")
                .putArray("parts").addObject().put("text", request.user());
        ObjectNode config = body.putObject("generationConfig");
        Double temperature = http.temperature(request);
        if (temperature != null) {
            config.put("temperature", temperature);
        }
        Integer max = http.maxOutputTokens(request);
        if (max != null) {
            config.put("maxOutputTokens", max);
        }
        if (request.wantsJson() && http.target().jsonMode()) {
            config.put("responseMimeType", "application/json");
            config.set("responseSchema", GeminiSchema.convert(request.jsonSchema()));
        }
        return body;
    }
}
