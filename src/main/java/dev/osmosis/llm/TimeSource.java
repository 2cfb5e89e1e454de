package dev.osmosis.llm;

import java.time.Duration;

/**
 * Monotonic time and sleeping, injectable so retry and rate-limit tests run in microseconds.
 * Implementations must be thread-safe.
 */
public interface TimeSource {
    /** Monotonic nanoseconds, like {@link System#nanoTime()}. */
    long nanoTime();

    /** Wall-clock epoch milliseconds, for HTTP-date retry-after headers. */
    long epochMillis();

    void sleep(Duration duration) throws InterruptedException;

    /** The real clock. */
    TimeSource SYSTEM = new TimeSource() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public long epochMillis() {
            return System.currentTimeMillis();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
            }
        }
    };
}
