package dev.osmosis.llm.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.osmosis.llm.JsonExtractor;
import dev.osmosis.llm.LlmException;
import dev.osmosis.llm.LlmException.Kind;
import dev.osmosis.llm.LlmRequest;
import dev.osmosis.llm.LlmResponse;
import dev.osmosis.llm.LlmSettings;
import dev.osmosis.llm.RateLimits;
import dev.osmosis.llm.Redactor;
import dev.osmosis.llm.TimeSource;
import dev.osmosis.llm.Usage;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * What every provider client does around its own body format: POST JSON over the shared OkHttp client with the
 * per-request timeout, turn I/O failures and error statuses into typed {@link LlmException}s, and turn the
 * provider's answer into an {@link LlmResponse} (extracting the JSON object when one was asked for).
 */
public final class ProviderHttp {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final Set<String> TRUNCATED = Set.of("length", "max_tokens", "MAX_TOKENS");
    /**
     * The most of an HTTP answer osmosis reads. A description answer is a few KB, a wide model's bulk answer some
     * tens; more is a model repeating itself up to a huge token limit, or a server that is not an LLM API, and its
     * text is not worth holding and searching for JSON.
     */
    public static final int MAX_ANSWER_BYTES = 512 * 1024;

    /** One HTTP answer. */
    public record Exchange(int status, Headers headers, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final OkHttpClient http;
    private final LlmSettings target;
    private final TimeSource time;

    public ProviderHttp(OkHttpClient http, LlmSettings target, TimeSource time) {
        this.http = http;
        this.target = target;
        this.time = time;
    }

    public LlmSettings target() {
        return target;
    }

    public TimeSource time() {
        return time;
    }

    /** POSTs {@code body}; returns the exchange whatever its status (callers may inspect a 400 before mapping). */
    public Exchange post(String url, Map<String, String> headers, JsonNode body) {
        Request.Builder rb = new Request.Builder().url(url).post(RequestBody.create(Json.write(body), JSON));
        headers.forEach(rb::header);
        Call call = http.newCall(rb.build());
        call.timeout().timeout(target.timeout().toMillis(), TimeUnit.MILLISECONDS);
        try (Response response = call.execute()) {
            if (response.body().source().request(MAX_ANSWER_BYTES + 1L)) {
                throw tooLarge();
            }
            String text = response.body().string();
            return new Exchange(response.code(), response.headers(), text);
        } catch (InterruptedIOException e) {
            throw new LlmException(Kind.TIMEOUT, target.label() + ": no answer within "
                    + ErrorMapper.seconds(target.timeout()) + ". Retrying; raise --llm-timeout (OSMOSIS_LLM_TIMEOUT) "
                    + "for slow or local models.", null, e);
        } catch (IOException e) {
            throw new LlmException(Kind.CONNECTION, target.label() + ": cannot reach " + safeUrl(url) + " ("
                    + Redactor.redact(String.valueOf(e.getMessage()), target.apiKey()) + "). Check the network and "
                    + "--llm-base-url / " + target.provider().baseUrlEnv() + "; is the server running?", null, e);
        }
    }

    /** Not retried: a model that wrote this much once is likely to again, and every attempt is paid for. */
    private LlmException tooLarge() {
        return new LlmException(Kind.MALFORMED_RESPONSE, target.label() + ": the answer is larger than "
                + MAX_ANSWER_BYTES / 1024 + " KB, the most osmosis reads (a description answer is a few KB): the "
                + "model may be repeating itself, or --llm-base-url (" + target.provider().baseUrlEnv() + ") does not "
                + "reach an LLM API. Lower --llm-max-tokens or try another model.", null, null, false, RateLimits.NONE);
    }

    /** POSTs and returns the parsed 2xx body; error statuses and unparseable bodies throw. */
    public JsonNode postForJson(String url, Map<String, String> headers, JsonNode body) {
        return jsonBody(post(url, headers, body));
    }

    /** The parsed body of a 2xx exchange; error statuses, streamed and unparseable bodies throw. */
    public JsonNode jsonBody(Exchange ex) {
        if (!ex.ok()) {
            throw error(ex);
        }
        JsonNode json = streamed(ex) ? null : Json.parseOrNull(ex.body());
        if (json == null || !json.isObject()) {
            throw malformed(ex, "a body that is not a JSON object");
        }
        return json;
    }

    /** The budget the provider announced in this exchange's headers. */
    public RateLimits rateLimits(Exchange ex) {
        return RateLimitHeaders.parse(ex.headers(), time.epochMillis());
    }

    /**
     * A 2xx body we cannot use. A stream (server-sent events or NDJSON) although none was asked for means the URL
     * reaches something else than the API, or a proxy in between rewrites the request: saying so beats "no choices".
     */
    public LlmException malformed(Exchange ex, String what) {
        if (streamed(ex)) {
            return new LlmException(Kind.MALFORMED_RESPONSE, target.label() + ": the endpoint streamed; check the "
                    + "base URL or the proxy (--llm-base-url / " + target.provider().baseUrlEnv() + "): osmosis asks "
                    + "for one JSON answer, not a stream.");
        }
        return malformed(what);
    }

    static boolean streamed(Exchange ex) {
        String type = ex.headers().get("content-type");
        String t = type == null ? "" : type.toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("text/event-stream") || t.contains("ndjson") || t.contains("jsonl")) {
            return true;
        }
        String body = ex.body() == null ? "" : ex.body().stripLeading();
        return body.startsWith("data:") || body.startsWith("event:");
    }

    public LlmException error(Exchange ex) {
        return ErrorMapper.map(target, ex.status(), ex.headers(), ex.body(), time.epochMillis());
    }

    public LlmException malformed(String what) {
        return new LlmException(Kind.MALFORMED_RESPONSE, target.label() + ": the provider answered with " + what
                + ". This is usually transient and retried; if it persists, check --llm-base-url points at a "
                + target.provider().id() + " API.");
    }

    /**
     * Builds the response. For a JSON request, {@code structured} (a tool call's arguments) wins; otherwise the
     * object is extracted from {@code text}. A text request with no text is malformed.
     */
    public LlmResponse answer(LlmRequest request, String text, JsonNode structured, Usage usage, String finishReason,
                              String answeringModel, long startNanos) {
        String model = answeringModel == null || answeringModel.isBlank() ? target.model() : answeringModel;
        ObjectNode json = null;
        String body = text == null ? "" : text;
        if (request.wantsJson()) {
            if (structured instanceof ObjectNode object) {
                json = object;
                body = Json.write(object);
            } else {
                json = extractJson(request, body, finishReason);
            }
        } else if (body.isBlank()) {
            throw new LlmException(Kind.MALFORMED_RESPONSE, target.label() + ": the answer was empty (finish reason "
                    + finishReason + ")." + (isTruncated(finishReason) ? " Raise --llm-max-tokens." : " Retrying."));
        }
        Duration latency = Duration.ofNanos(time.nanoTime() - startNanos);
        return new LlmResponse(body, json, usage, finishReason, latency, 1, target.provider().id(), model, false);
    }

    private ObjectNode extractJson(LlmRequest request, String text, String finishReason) {
        try {
            return JsonExtractor.extract(text, request.jsonSchema(), target.label());
        } catch (LlmException e) {
            if (isTruncated(finishReason)) {
                throw new LlmException(Kind.MALFORMED_RESPONSE, e.getMessage() + " The answer was cut off at the "
                        + "output token limit (finish reason " + finishReason + "): raise --llm-max-tokens.");
            }
            throw e;
        }
    }

    private static boolean isTruncated(String finishReason) {
        return finishReason != null && TRUNCATED.contains(finishReason);
    }

    /** A value the user configured wins; otherwise the request's own (synthesis may set one), else none. */
    public Double temperature(LlmRequest request) {
        return target.temperature() != null ? target.temperature() : request.temperature();
    }

    public Integer maxOutputTokens(LlmRequest request) {
        return target.maxOutputTokens() != null ? target.maxOutputTokens() : request.maxOutputTokens();
    }

    private String safeUrl(String url) {
        return Redactor.redact(url, target.apiKey());
    }

    static long asLong(JsonNode node) {
        return node != null && node.isNumber() ? node.asLong() : -1;
    }
}
