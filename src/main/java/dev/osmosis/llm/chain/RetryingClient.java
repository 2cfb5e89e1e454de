package dev.osmosis.llm.chain;

import dev.osmosis.llm.LlmClient;
import dev.osmosis.llm.LlmException;
import dev.osmosis.llm.LlmRequest;
import dev.osmosis.llm.LlmResponse;
import dev.osmosis.llm.TimeSource;
import java.time.Duration;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import org.tinylog.Logger;

/**
 * Retries retryable failures (rate limits, 5xx, timeouts, dropped connections, malformed answers) with
 * exponential backoff and jitter, waiting exactly as long as the server asked when it said so. Gives up after the
 * policy's attempts or deadline and rethrows the last error, noting how many attempts were made.
 */
public final class RetryingClient implements LlmClient {
    private final LlmClient delegate;
    private final RetryPolicy policy;
    private final TimeSource time;
    private final DoubleSupplier random;

    public RetryingClient(LlmClient delegate, RetryPolicy policy, TimeSource time, DoubleSupplier random) {
        this.delegate = delegate;
        this.policy = policy;
        this.time = time;
        this.random = random;
    }

    @Override
    public LlmResponse complete(LlmRequest request) {
        long start = time.nanoTime();
        long deadline = start + policy.deadline().toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                LlmResponse response = delegate.complete(request);
                // the latency stays the provider's own (the answering exchange): backoff is not the provider's time
                return response.withAttempts(attempt);
            } catch (LlmException e) {
                if (!e.retryable()) {
                    throw e;
                }
                Duration delay = delay(attempt, e);
                boolean outOfTime = time.nanoTime() + delay.toNanos() > deadline;
                if (attempt >= policy.maxAttempts() || outOfTime) {
                    throw attempt == 1 ? e : gaveUp(e, attempt, outOfTime);
                }
                Logger.warn("{}{} Retry {} of {} in {}.", request.nodeId() == null ? "" : request.nodeId() + ": ",
                        e.getMessage(), attempt, policy.maxAttempts() - 1, seconds(delay));
                try {
                    time.sleep(delay);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private Duration delay(int attempt, LlmException e) {
        Duration d = e.retryAfter().orElseGet(() -> policy.backoff(attempt, random.getAsDouble()));
        return d.isNegative() ? Duration.ZERO : d;
    }

    private LlmException gaveUp(LlmException last, int attempts, boolean outOfTime) {
        String why = outOfTime ? " Gave up after " + attempts + " attempts: the next wait would pass the "
                + seconds(policy.deadline()) + " retry deadline." : " Gave up after " + attempts + " attempts.";
        return new LlmException(last.kind(), last.getMessage() + why, last.retryAfter().orElse(null), last);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
