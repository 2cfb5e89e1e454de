package dev.osmosis.llm.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.osmosis.llm.LlmClient;
import dev.osmosis.llm.LlmRequest;
import dev.osmosis.llm.LlmResponse;
import dev.osmosis.llm.Usage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ollama's native {@code /api/chat} with {@code stream: false} and {@code format} = the JSON schema. Some Ollama
 * versions and proxies still answer with NDJSON chunks, so the parser joins the lines it gets.
 */
public final class OllamaClient implements LlmClient {
    private final ProviderHttp http;

    public OllamaClient(ProviderHttp http) {
        this.http = http;
    }

    @Override
    public LlmResponse complete(LlmRequest request) {
        long start = http.time().nanoTime();
        ProviderHttp.Exchange ex = http.post(http.target().baseUrl() + "/api/chat", headers(), body(request));
        if (!ex.ok()) {
            throw http.error(ex);
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : ex.body().split("\n")) {
            if (!line.isBlank()) {
                JsonNode node = Json.parseOrNull(line);
                if (node == null || !node.isObject()) {
                    throw http.malformed("a line that is not JSON");
                }
                lines.add(node);
            }
        }
        if (lines.isEmpty() || !lines.get(0).has("message")) {
            throw http.malformed("no message");
        }
        StringBuilder text = new StringBuilder();
        lines.forEach(l -> text.append(l.path("message").path("content").asText("")));
        JsonNode last = lines.get(lines.size() - 1);
        return http.answer(request, text.toString(), null,
                new Usage(ProviderHttp.asLong(last.get("prompt_eval_count")),
                        ProviderHttp.asLong(last.get("eval_count"))),
                last.path("done_reason").asText(null), last.path("model").asText(null), start);
    }

    private Map<String, String> headers() {
        Map<String, String> h = new HashMap<>();
        if (http.target().apiKey() != null) {
            h.put("Authorization", "Bearer " + http.target().apiKey());
        }
        return h;
    }

    private ObjectNode body(LlmRequest request) {
        ObjectNode body = Json.object();
        body.put("model", http.target().model());
        var messages = body.putArray("messages");
        if (!request.system().isEmpty()) {
            messages.addObject().put("role", "system").put("content", request.system());
        }
        messages.addObject().put("role", "user").put("content", request.user());
        body.put("stream", false);
        if (request.wantsJson() && http.target().jsonMode()) {
            body.set("format", request.jsonSchema());
        }
        ObjectNode options = body.putObject("options");
        Double temperature = http.temperature(request);
        if (temperature != null) {
            options.put("temperature", temperature);
        }
        Integer max = http.maxOutputTokens(request);
        if (max != null) {
            options.put("num_predict", max);
        }
        return body;
    }
}
