package dev.osmosis.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * The answer of one call.
 *
 * @param text         the text the model wrote (for a structured answer: the JSON text)
 * @param json         the parsed object when the request asked for JSON, else null
 * @param usage        tokens as the provider reported them ({@link Usage#UNKNOWN} when it did not)
 * @param finishReason the provider's stop reason as it spelled it ("stop", "end_turn", "STOP", "length", ...)
 * @param latency      wall time of the call including retries
 * @param attempts     HTTP attempts made (1 when the first one succeeded)
 * @param provider     the provider that answered (after any fallback)
 * @param model        the model that answered (after any fallback)
 * @param cached       true when the answer came from the response cache and cost nothing
 * @param rateLimits   the budget the provider announced with this answer ({@link RateLimits#NONE} when none)
 */
public record LlmResponse(
        String text,
        JsonNode json,
        Usage usage,
        String finishReason,
        Duration latency,
        int attempts,
        String provider,
        String model,
        boolean cached,
        RateLimits rateLimits) {

    public LlmResponse {
        text = text == null ? "" : text;
        usage = usage == null ? Usage.UNKNOWN : usage;
        latency = latency == null ? Duration.ZERO : latency;
        rateLimits = rateLimits == null ? RateLimits.NONE : rateLimits;
    }

    /** An answer that announced no rate limits. */
    public LlmResponse(String text, JsonNode json, Usage usage, String finishReason, Duration latency, int attempts,
                       String provider, String model, boolean cached) {
        this(text, json, usage, finishReason, latency, attempts, provider, model, cached, RateLimits.NONE);
    }

    public LlmResponse withLatencyAndAttempts(Duration latency, int attempts) {
        return new LlmResponse(text, json, usage, finishReason, latency, attempts, provider, model, cached, rateLimits);
    }

    public LlmResponse withRateLimits(RateLimits announced) {
        return new LlmResponse(text, json, usage, finishReason, latency, attempts, provider, model, cached, announced);
    }

    public LlmResponse asCached() {
        return new LlmResponse(text, json, usage, finishReason, Duration.ZERO, 0, provider, model, true,
                RateLimits.NONE);
    }
}
