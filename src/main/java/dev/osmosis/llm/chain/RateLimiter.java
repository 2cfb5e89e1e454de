package dev.osmosis.llm.chain;

import dev.osmosis.llm.TimeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * Client-side limits shared by every thread of a run: at most {@code concurrency} calls in flight, at most
 * {@code rpm} call starts and {@code tpm} tokens in any sliding window, and a pause for everyone after a 429.
 *
 * <p>A caller reserves a start time under the lock (the earliest time all limits allow) and sleeps until then
 * outside it, so waiting callers never block each other's bookkeeping. Start times are kept in order, which
 * makes "could the window take one more?" a look at a single entry.
 */
public final class RateLimiter {
    private final int rpm;
    private final int tpm;
    private final long windowNanos;
    private final TimeSource time;
    private final Semaphore inFlight;
    private final List<Slot> slots = new ArrayList<>();
    private long pausedUntil = Long.MIN_VALUE;

    /** A reserved start; {@link #close()} frees its concurrency slot. */
    public final class Permit implements AutoCloseable {
        private final Slot slot;
        private boolean closed;

        private Permit(Slot slot) {
            this.slot = slot;
        }

        /** Replaces the estimate with what the provider reported (ignored when unknown). */
        public void recordTokens(long actual) {
            if (actual >= 0) {
                synchronized (RateLimiter.this) {
                    slot.tokens = actual;
                }
            }
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                inFlight.release();
            }
        }
    }

    private static final class Slot {
        final long at;
        long tokens;

        Slot(long at, long tokens) {
            this.at = at;
            this.tokens = tokens;
        }
    }

    /**
     * @param rpm         starts per window, 0 = unlimited
     * @param tpm         tokens per window, 0 = unlimited
     * @param concurrency calls in flight, at least 1
     * @param window      the window length (one minute in production; shorter in tests)
     */
    public RateLimiter(int rpm, int tpm, int concurrency, Duration window, TimeSource time) {
        this.rpm = rpm;
        this.tpm = tpm;
        this.windowNanos = window.toNanos();
        this.time = time;
        this.inFlight = new Semaphore(Math.max(1, concurrency), true);
    }

    /** Blocks until a call estimated at {@code tokens} may start under every limit. */
    public Permit acquire(long tokens) throws InterruptedException {
        inFlight.acquire();
        try {
            while (true) {
                Slot slot = reserve(Math.max(0, tokens));
                long wait = slot.at - time.nanoTime();
                if (wait > 0) {
                    time.sleep(Duration.ofNanos(wait));
                }
                synchronized (this) {
                    if (pausedUntil <= time.nanoTime()) {
                        return new Permit(slot);
                    }
                    // A 429 arrived while we slept: give the slot back and queue behind the pause.
                    slots.remove(slot);
                }
            }
        } catch (InterruptedException | RuntimeException e) {
            inFlight.release();
            throw e;
        }
    }

    /** After a 429: nobody starts a call for {@code delay}. */
    public synchronized void pause(Duration delay) {
        long until = time.nanoTime() + delay.toNanos();
        pausedUntil = Math.max(pausedUntil, until);
    }

    private synchronized Slot reserve(long tokens) {
        long now = time.nanoTime();
        slots.removeIf(s -> s.at <= now - windowNanos);
        long t = Math.max(now, pausedUntil);
        if (!slots.isEmpty()) {
            t = Math.max(t, slots.get(slots.size() - 1).at);
        }
        if (rpm > 0 && slots.size() >= rpm) {
            t = Math.max(t, slots.get(slots.size() - rpm).at + windowNanos);
        }
        if (tpm > 0) {
            long sum = slots.stream().mapToLong(s -> s.tokens).sum();
            // Drop the oldest until this call fits; one call larger than the whole budget waits for an empty window.
            for (int i = 0; i < slots.size() && sum + tokens > tpm; i++) {
                sum -= slots.get(i).tokens;
                t = Math.max(t, slots.get(i).at + windowNanos);
            }
        }
        Slot slot = new Slot(t, tokens);
        slots.add(slot);
        return slot;
    }
}
