package dev.osmosis.cli;

/**
 * Turns Ctrl-C and SIGTERM into a polite stop while a long step runs: the first signal calls {@code onFirst}
 * (the step stops starting work, writes what is complete and exits 130), a second one ends the process at once.
 * In-process runs (tests, bench) use {@link #NONE}; the process entry point uses {@link SignalTrap}.
 */
public interface InterruptTrap {
    /** Restores the previous handling of the signals. */
    interface Armed extends AutoCloseable {
        @Override
        void close();
    }

    InterruptTrap NONE = onFirst -> () -> { };

    Armed arm(Runnable onFirst);
}
