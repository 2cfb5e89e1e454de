package dev.osmosis.llm.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.osmosis.llm.LlmClient;
import dev.osmosis.llm.LlmProvider;
import dev.osmosis.llm.LlmRequest;
import dev.osmosis.llm.LlmResponse;
import dev.osmosis.llm.LlmSettings;
import dev.osmosis.llm.Usage;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.HttpUrl;
import org.tinylog.Logger;

/**
 * OpenAI chat completions, which Azure OpenAI and every OpenAI-compatible server (LM Studio, vLLM, llama.cpp,
 * Ollama's /v1) also speak. Structured output uses {@code response_format: json_schema}; a server that rejects
 * schemas gets {@code json_object} from then on (remembered per client, so only the first call pays for it).
 */
public final class OpenAiClient implements LlmClient {
    private final ProviderHttp http;
    private final boolean azure;
    /** Compatible servers know {@code max_tokens}; OpenAI's newer models only accept {@code max_completion_tokens}. */
    private final boolean officialApi;
    private final AtomicBoolean schemaUnsupported = new AtomicBoolean();

    public OpenAiClient(ProviderHttp http) {
        this.http = http;
        LlmSettings t = http.target();
        this.azure = t.provider() == LlmProvider.AZURE_OPENAI;
        HttpUrl base = HttpUrl.parse(t.baseUrl());
        this.officialApi = azure || (base != null && base.host().endsWith("api.openai.com"));
    }

    @Override
    public LlmResponse complete(LlmRequest request) {
        long start = http.time().nanoTime();
        boolean structured = request.wantsJson() && http.target().jsonMode();
        ProviderHttp.Exchange ex = http.post(url(), headers(), body(request, structured && !schemaUnsupported.get()));
        if (ex.status() == 400 && structured && !schemaUnsupported.get() && rejectsSchema(ex.body())) {
            schemaUnsupported.set(true);
            Logger.info("{}: the server does not support json_schema; using json_object instead",
                    http.target().label());
            ex = http.post(url(), headers(), body(request, false));
        }
        if (!ex.ok()) {
            throw http.error(ex);
        }
        // Each line of a stream parses as a chunk: recognise the stream before reading the first one as the answer.
        JsonNode json = ProviderHttp.streamed(ex) ? null : Json.parseOrNull(ex.body());
        JsonNode choice = json == null ? null : json.path("choices").path(0);
        if (choice == null || !choice.isObject()) {
            throw http.malformed(ex, "no choices");
        }
        JsonNode message = choice.path("message");
        String text = content(message.path("content"));
        JsonNode toolArgs = null;
        if (text.isBlank() && message.path("tool_calls").path(0).isObject()) {
            text = message.path("tool_calls").path(0).path("function").path("arguments").asText("");
            toolArgs = Json.parseOrNull(text);
        }
        JsonNode usage = json.path("usage");
        return http.answer(request, text, toolArgs,
                new Usage(ProviderHttp.asLong(usage.get("prompt_tokens")),
                        ProviderHttp.asLong(usage.get("completion_tokens"))),
                choice.path("finish_reason").asText(null), json.path("model").asText(null), start)
                .withRateLimits(http.rateLimits(ex));
    }

    private String url() {
        LlmSettings t = http.target();
        if (azure) {
            return t.baseUrl() + "/openai/deployments/" + t.azureDeployment() + "/chat/completions?api-version="
                    + t.azureApiVersion();
        }
        return t.baseUrl() + "/chat/completions";
    }

    private Map<String, String> headers() {
        Map<String, String> h = new HashMap<>();
        String key = http.target().apiKey();
        if (key != null) {
            h.put(azure ? "api-key" : "Authorization", azure ? key : "Bearer " + key);
        }
        return h;
    }

    private ObjectNode body(LlmRequest request, boolean useSchema) {
        ObjectNode body = Json.object();
        body.put("model", http.target().model());
        ArrayNode messages = body.putArray("messages");
        boolean jsonObject = request.wantsJson() && http.target().jsonMode() && !useSchema;
        String system = request.system();
        if (jsonObject && !(system + request.user()).toLowerCase(Locale.ROOT).contains("json")) {
            // json_object mode requires the word JSON somewhere in the messages.
            system = (system + "\nAnswer with a JSON object.").strip();
        }
        if (!system.isEmpty()) {
            messages.addObject().put("role", "system").put("content", system);
        }
        messages.addObject().put("role", "user").put("content", request.user());
        Double temperature = http.temperature(request);
        if (temperature != null) {
            body.put("temperature", temperature);
        }
        Integer max = http.maxOutputTokens(request);
        if (max != null) {
            body.put(officialApi ? "max_completion_tokens" : "max_tokens", max);
        }
        if (useSchema) {
            ObjectNode format = body.putObject("response_format").put("type", "json_schema");
            ObjectNode schema = format.putObject("json_schema");
            schema.put("name", request.schemaName() == null ? "answer" : request.schemaName());
            schema.put("strict", StrictSchema.isStrict(request.jsonSchema()));
            schema.set("schema", request.jsonSchema());
        } else if (jsonObject) {
            body.putObject("response_format").put("type", "json_object");
        }
        body.put("stream", false);
        return body;
    }

    private static String content(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder sb = new StringBuilder();
        for (JsonNode part : content) {
            sb.append(part.path("text").asText(""));
        }
        return sb.toString();
    }

    private static boolean rejectsSchema(String body) {
        String b = body == null ? "" : body.toLowerCase(Locale.ROOT);
        return b.contains("response_format") || b.contains("json_schema");
    }
}
