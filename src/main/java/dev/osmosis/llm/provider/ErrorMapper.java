package dev.osmosis.llm.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osmosis.llm.LlmException;
import dev.osmosis.llm.LlmException.Kind;
import dev.osmosis.llm.LlmSettings;
import dev.osmosis.llm.RateLimits;
import dev.osmosis.llm.Redactor;
import dev.osmosis.text.TerminalText;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import okhttp3.Headers;

/**
 * Turns a non-2xx answer of any provider into a typed {@link LlmException} whose message names provider and model,
 * quotes the provider's own explanation and says what to do. All providers share this because their error bodies
 * differ only in where the message sits ({@code error.message}, {@code error} as a string, ...).
 */
public final class ErrorMapper {
    private static final List<String> CONTEXT_MARKERS = List.of("context_length_exceeded", "prompt is too long",
            "maximum context length", "context length", "context window", "too many tokens", "input is too long",
            "exceeds the maximum number of tokens", "input token count", "string_above_max_length");
    private static final List<String> BAD_KEY_MARKERS = List.of("api_key_invalid", "api key not valid",
            "invalid api key", "invalid x-api-key", "incorrect api key");

    private ErrorMapper() {
    }

    /**
     * Anthropic's {@code x-should-retry} overrides what the status says in both directions: {@code false} on a 429
     * means the limit will not clear soon (retrying only burns attempts), {@code true} marks a transient failure.
     */
    public static LlmException map(LlmSettings target, int status, Headers headers, String body, long nowEpochMillis) {
        LlmException e = classify(target, status, headers, body, nowEpochMillis);
        Boolean shouldRetry = shouldRetry(headers.get("x-should-retry"));
        RateLimits announced = RateLimitHeaders.parse(headers, nowEpochMillis);
        if (shouldRetry == null && !announced.announced()) {
            return e;
        }
        return new LlmException(e.kind(), e.getMessage(), e.retryAfter().orElse(null), null, shouldRetry, announced);
    }

    static Boolean shouldRetry(String header) {
        if (header == null) {
            return null;
        }
        String h = header.strip();
        return h.equalsIgnoreCase("true") ? Boolean.TRUE : h.equalsIgnoreCase("false") ? Boolean.FALSE : null;
    }

    private static LlmException classify(LlmSettings target, int status, Headers headers, String body,
                                         long nowEpochMillis) {
        JsonNode json = Json.parseOrNull(body);
        // the provider's words reach the terminal and the CI log
        String message = TerminalText.escape(Redactor.redact(providerMessage(json, body), target.apiKey()));
        String codes = (codes(json) + " " + message).toLowerCase(Locale.ROOT);
        String who = target.label() + ": ";
        String quoted = " (HTTP " + status + "): " + message;
        Duration retryAfter = RetryAfter.parse(headers, json, nowEpochMillis);
        if (status == 401 || status == 403 || (status == 400 && containsAny(codes, BAD_KEY_MARKERS))) {
            return new LlmException(Kind.AUTHENTICATION, who + "the API key was rejected" + quoted + ". Check "
                    + keyHint(target) + ": it may be wrong, expired or without access to this model.");
        }
        if (status == 429) {
            if (codes.contains("insufficient_quota")) {
                return new LlmException(Kind.BAD_REQUEST, who + "the account has no quota left" + quoted
                        + ". Check the plan and billing of this account; retrying will not help.");
            }
            if (Boolean.FALSE.equals(shouldRetry(headers.get("x-should-retry")))) {
                return new LlmException(Kind.RATE_LIMITED, who + "rate limited" + quoted + ". The provider said not "
                        + "to retry (x-should-retry: false): the limit will not clear soon. Check the account's "
                        + "limits, or lower --llm-rpm, --llm-tpm or --llm-concurrency.", retryAfter, null);
            }
            return new LlmException(Kind.RATE_LIMITED, who + "rate limited" + quoted + ". osmosis waits and retries"
                    + (retryAfter == null ? "" : " (the server asked for " + seconds(retryAfter) + ")")
                    + "; lower --llm-rpm, --llm-tpm or --llm-concurrency if this keeps happening.",
                    retryAfter, null);
        }
        if (status >= 500) {
            return new LlmException(Kind.SERVER, who + (status == 529 || codes.contains("overloaded")
                    ? "the provider is overloaded" : "the provider failed") + quoted + ". osmosis retries; if it "
                    + "persists try again later or add --llm-fallback-model.", retryAfter, null);
        }
        if (status == 408) {
            return new LlmException(Kind.TIMEOUT, who + "the server timed out" + quoted
                    + ". Retrying; raise --llm-timeout if it persists.", retryAfter, null);
        }
        if (status == 413 || containsAny(codes, CONTEXT_MARKERS)) {
            return new LlmException(Kind.CONTEXT_TOO_LONG, who + "the prompt does not fit the model's context window"
                    + quoted + ". Use a model with a larger context or shorten the prompt (e.g. "
                    + "OSMOSIS_LLM_MAX_SQL_CHARS).");
        }
        if (status == 404) {
            return new LlmException(Kind.BAD_REQUEST, who + "model or endpoint not found" + quoted
                    + ". Check the model name (--llm-model or " + target.provider().modelEnv() + ") and the endpoint ("
                    + "--llm-base-url or " + target.provider().baseUrlEnv() + ").");
        }
        return new LlmException(Kind.BAD_REQUEST, who + "the request was refused" + quoted
                + ". Retrying will not help: check --llm-model and the other --llm-* settings.");
    }

    private static String keyHint(LlmSettings target) {
        return target.provider().apiKeyEnv();
    }

    /** The provider's own words: {@code error.message}, {@code error} as a string, {@code message}, or the body. */
    static String providerMessage(JsonNode json, String body) {
        if (json != null) {
            JsonNode error = json.path("error");
            if (error.isTextual()) {
                return error.asText();
            }
            if (error.path("message").isTextual()) {
                return error.path("message").asText().strip();
            }
            if (json.path("message").isTextual()) {
                return json.path("message").asText().strip();
            }
        }
        String flat = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        if (flat.isEmpty()) {
            return "(empty body)";
        }
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...";
    }

    private static String codes(JsonNode json) {
        if (json == null) {
            return "";
        }
        JsonNode error = json.path("error");
        StringBuilder sb = new StringBuilder();
        for (String field : List.of("code", "type", "status")) {
            sb.append(error.path(field).asText("")).append(' ');
        }
        for (JsonNode detail : error.path("details")) {
            sb.append(detail.path("reason").asText("")).append(' ');
        }
        return sb.toString();
    }

    private static boolean containsAny(String haystack, List<String> needles) {
        return needles.stream().anyMatch(haystack::contains);
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
