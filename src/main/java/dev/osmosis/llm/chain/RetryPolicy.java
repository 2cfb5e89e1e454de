package dev.osmosis.llm.chain;

import dev.osmosis.llm.LlmSettings;
import java.time.Duration;

/**
 * How hard {@link RetryingClient} tries.
 *
 * @param maxAttempts attempts in total, at least 1 (maxRetries + 1)
 * @param baseDelay   first backoff delay; doubles per attempt
 * @param maxDelay    cap of the computed backoff (a server's retry-after is honoured even when longer)
 * @param deadline    total time after which no new attempt starts
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration deadline) {
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(60);
    public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(10);

    public RetryPolicy {
        maxAttempts = Math.max(1, maxAttempts);
    }

    public static RetryPolicy from(LlmSettings settings) {
        return new RetryPolicy(settings.maxRetries() + 1, settings.retryDelay(), DEFAULT_MAX_DELAY, DEFAULT_DEADLINE);
    }

    /** Exponential backoff with "equal jitter": half the delay is fixed, half random, so callers spread out. */
    Duration backoff(int attempt, double random) {
        double factor = Math.pow(2, Math.min(attempt - 1, 20));
        long full = (long) Math.min(baseDelay.toMillis() * factor, maxDelay.toMillis());
        return Duration.ofMillis(full / 2 + (long) (random * (full - full / 2)));
    }
}
