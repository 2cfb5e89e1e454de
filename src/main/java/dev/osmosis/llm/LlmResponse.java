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
 * @param latency      how long the provider took to answer: the HTTP exchange that answered, without the time
 *                     queued for the rate limit and without the failed attempts before it
 * @param attempts     HTTP attempts made (1 when the first one succeeded)
 * @param provider     the provider that answered (after any fallback)
 * @param model        the model that answered (after any fallback)
 * @param cached       true when the answer came from the response cache and cost nothing
 * @param rateLimits   the budget the provider announced with this answer ({@link RateLimits#NONE} when none)
 * @param queued       how long the call waited in osmosis's own rate limiter before it was sent
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
        RateLimits rateLimits,
        Duration queued) {

    public LlmResponse {
        text = text == null ? "" : text;
        usage = usage == null ? Usage.UNKNOWN : usage;
        latency = latency == null ? Duration.ZERO : latency;
        rateLimits = rateLimits == null ? RateLimits.NONE : rateLimits;
        queued = queued == null ? Duration.ZERO : queued;
    }

    /** An answer that was not queued (yet): the rate limiter adds its wait. */
    public LlmResponse(String text, JsonNode json, Usage usage, String finishReason, Duration latency, int attempts,
                       String provider, String model, boolean cached, RateLimits rateLimits) {
        this(text, json, usage, finishReason, latency, attempts, provider, model, cached, rateLimits, Duration.ZERO);
    }

    /** An answer that announced no rate limits. */
    public LlmResponse(String text, JsonNode json, Usage usage, String finishReason, Duration latency, int attempts,
                       String provider, String model, boolean cached) {
        this(text, json, usage, finishReason, latency, attempts, provider, model, cached, RateLimits.NONE);
    }

    public LlmResponse withAttempts(int attempts) {
        return new LlmResponse(text, json, usage, finishReason, latency, attempts, provider, model, cached, rateLimits,
                queued);
    }

    public LlmResponse withRateLimits(RateLimits announced) {
        return new LlmResponse(text, json, usage, finishReason, latency, attempts, provider, model, cached, announced,
                queued);
    }

    public LlmResponse withQueued(Duration queued) {
        return new LlmResponse(text, json, usage, finishReason, latency, attempts, provider, model, cached, rateLimits,
                queued);
    }

    public LlmResponse asCached() {
        return new LlmResponse(text, json, usage, finishReason, Duration.ZERO, 0, provider, model, true,
                RateLimits.NONE);
    }
}
