package dev.osmosis.llm.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.osmosis.llm.LlmClient;
import dev.osmosis.llm.LlmRequest;
import dev.osmosis.llm.LlmResponse;
import dev.osmosis.llm.Usage;
import java.util.Map;

/**
 * Anthropic Messages API. Structured output is a forced tool call whose {@code input_schema} is the requested
 * schema: the model must answer with the tool's arguments, which arrive already parsed.
 */
public final class AnthropicClient implements LlmClient {
    static final String API_VERSION = "2023-06-01";
    /** The Messages API requires max_tokens; this fits any documentation answer. */
    static final int DEFAULT_MAX_TOKENS = 4096;

    private final ProviderHttp http;

    public AnthropicClient(ProviderHttp http) {
        this.http = http;
    }

    @Override
    public LlmResponse complete(LlmRequest request) {
        long start = http.time().nanoTime();
        ProviderHttp.Exchange ex = http.post(http.target().baseUrl() + "/v1/messages", headers(), body(request));
        JsonNode json = http.jsonBody(ex);
        JsonNode content = json.path("content");
        if (!content.isArray()) {
            throw http.malformed(ex, "no content blocks");
        }
        StringBuilder text = new StringBuilder();
        JsonNode toolInput = null;
        for (JsonNode block : content) {
            String type = block.path("type").asText();
            if ("text".equals(type)) {
                text.append(block.path("text").asText(""));
            } else if ("tool_use".equals(type) && toolInput == null) {
                toolInput = block.path("input");
            }
        }
        String answer = text.toString();
        if (answer.isBlank() && toolInput != null) {
            answer = Json.write(toolInput);
        }
        JsonNode usage = json.path("usage");
        long input = ProviderHttp.asLong(usage.get("input_tokens"));
        if (input >= 0) {
            // Cached prompt tokens are reported apart from input_tokens but are still prompt tokens.
            input += Math.max(0, usage.path("cache_creation_input_tokens").asLong(0))
                    + Math.max(0, usage.path("cache_read_input_tokens").asLong(0));
        }
        return http.answer(request, answer, request.wantsJson() ? toolInput : null,
                new Usage(input, ProviderHttp.asLong(usage.get("output_tokens"))),
                json.path("stop_reason").asText(null), json.path("model").asText(null), start)
                .withRateLimits(http.rateLimits(ex));
    }

    private Map<String, String> headers() {
        String key = http.target().apiKey();
        return key == null ? Map.of("anthropic-version", API_VERSION)
                : Map.of("x-api-key", key, "anthropic-version", API_VERSION);
    }

    private ObjectNode body(LlmRequest request) {
        ObjectNode body = Json.object();
        body.put("model", http.target().model());
        Integer max = http.maxOutputTokens(request);
        body.put("max_tokens", max == null ? DEFAULT_MAX_TOKENS : max);
        if (!request.system().isEmpty()) {
            body.put("system", request.system());
        }
        body.putArray("messages").addObject().put("role", "user").put("content", request.user());
        Double temperature = http.temperature(request);
        if (temperature != null) {
            body.put("temperature", temperature);
        }
        if (request.wantsJson() && http.target().jsonMode()) {
            String name = toolName(request.schemaName());
            ObjectNode tool = body.putArray("tools").addObject();
            tool.put("name", name);
            tool.put("description", "Record the answer in the required structure.");
            tool.set("input_schema", request.jsonSchema());
            body.putObject("tool_choice").put("type", "tool").put("name", name);
        }
        return body;
    }

    static String toolName(String schemaName) {
        String n = schemaName == null ? "" : schemaName.replaceAll("[^a-zA-Z0-9_-]", "_");
        if (n.isEmpty()) {
            return "answer";
        }
        return n.length() > 64 ? n.substring(0, 64) : n;
    }
}
