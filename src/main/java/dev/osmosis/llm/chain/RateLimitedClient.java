package dev.osmosis.llm.chain;

import dev.osmosis.llm.LlmClient;
import dev.osmosis.llm.LlmException;
import dev.osmosis.llm.LlmRequest;
import dev.osmosis.llm.LlmResponse;
import java.time.Duration;
import java.util.function.ToLongFunction;

/**
 * Puts every real request through a shared {@link RateLimiter}, records the tokens the provider reported and the
 * budget it announced, and turns a 429 into a pause for all callers (the server's retry-after, else
 * {@code defaultPause}) and a slower pace.
 */
public final class RateLimitedClient implements LlmClient {
    private final LlmClient delegate;
    private final RateLimiter limiter;
    private final ToLongFunction<LlmRequest> tokenEstimate;
    private final Duration defaultPause;

    public RateLimitedClient(LlmClient delegate, RateLimiter limiter, ToLongFunction<LlmRequest> tokenEstimate,
                             Duration defaultPause) {
        this.delegate = delegate;
        this.limiter = limiter;
        this.tokenEstimate = tokenEstimate;
        this.defaultPause = defaultPause;
    }

    /** Rough tokens of a request before it is sent: ~4 characters per token plus the output cap. */
    public static long roughTokens(LlmRequest request) {
        long input = (request.system().length() + request.user().length() + 3) / 4;
        return input + (request.maxOutputTokens() == null ? 0 : request.maxOutputTokens());
    }

    @Override
    public LlmResponse complete(LlmRequest request) {
        RateLimiter.Permit permit;
        long queuedFrom = System.nanoTime();
        try {
            Integer output = request.maxOutputTokens();
            permit = limiter.acquire(new RateLimiter.Cost(tokenEstimate.applyAsLong(request),
                    output == null ? 0 : output));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException(LlmException.Kind.CONNECTION, "interrupted while waiting for the LLM rate limit.",
                    null, e);
        }
        Duration queued = Duration.ofNanos(System.nanoTime() - queuedFrom);
        try (permit) {
            LlmResponse response = delegate.complete(request).withQueued(queued);
            permit.recordUsage(response.usage());
            permit.succeeded(response.rateLimits());
            return response;
        } catch (LlmException e) {
            if (e.kind() == LlmException.Kind.RATE_LIMITED) {
                permit.rateLimited(e.rateLimits(), e.retryAfter().orElse(defaultPause));
            } else {
                permit.failed(e.rateLimits());
            }
            throw e;
        }
    }
}
