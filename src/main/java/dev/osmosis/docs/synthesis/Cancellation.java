package dev.osmosis.docs.synthesis;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Asks a synthesis run to stop making calls (Ctrl-C, SIGTERM): the calls in flight finish, no new one starts, and
 * what is complete (injected columns, inherited text, the answers received) is still written.
 */
public final class Cancellation {
    private final AtomicBoolean requested = new AtomicBoolean();

    /** True the first time only. */
    public boolean cancel() {
        return requested.compareAndSet(false, true);
    }

    public boolean isCancelled() {
        return requested.get();
    }
}
