package dev.osmosis.cli;

import dev.osmosis.docs.synthesis.SynthesisRun;
import dev.osmosis.llm.chain.RateLimiter;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Progress of `--synthesize` on stderr: a redrawn bar (nodes, calls, tokens, ETA, pace) in a terminal, a plain line at
 * every tenth of the nodes in a CI log. The pace is the limiter's: what it settled on after the provider's announced
 * limits, its 429s and the user's caps.
 */
final class SynthesisProgress implements SynthesisRun.Listener {
    private final PrintWriter err;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private final AtomicInteger calls = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong tokens = new java.util.concurrent.atomic.AtomicLong();
    private final Consumer<String> onEstimatedPrompt;
    private final Supplier<RateLimiter.Pace> pace;
    private int lastTenth = 0;

    /** @param pace the limiter's pace, or null when no call is made (a dry run) */
    SynthesisProgress(PrintWriter err, boolean terminal, Consumer<String> onEstimatedPrompt,
                      Supplier<RateLimiter.Pace> pace) {
        this.err = err;
        this.terminal = terminal;
        this.onEstimatedPrompt = onEstimatedPrompt;
        this.pace = pace;
    }

    @Override
    public synchronized void nodeDone(String nodeId, int nodeCalls, long nodeTokens, int done, int total) {
        int allCalls = calls.addAndGet(nodeCalls);
        long allTokens = tokens.addAndGet(nodeTokens);
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        long etaS = done == 0 ? 0 : elapsedMs * (total - done) / done / 1000;
        if (terminal) {
            int width = 30;
            int filled = total == 0 ? width : width * done / total;
            err.printf(Locale.ROOT, "\r[%s%s] %d/%d nodes, %d calls, %d tokens, ETA %ds%s ", "=".repeat(filled),
                    " ".repeat(width - filled), done, total, allCalls, allTokens, etaS, pace());
            if (done == total) {
                err.println();
            }
            err.flush();
            return;
        }
        int tenth = total == 0 ? 10 : done * 10 / total;
        if (tenth > lastTenth || done == total) {
            lastTenth = tenth;
            err.printf(Locale.ROOT, "synthesis: %d/%d nodes, %d calls, %d tokens, %.1fs elapsed, ETA %ds%s%n", done,
                    total, allCalls, allTokens, elapsedMs / 1000.0, etaS, pace());
            err.flush();
        }
    }

    /** ", pace 285 rpm, 8 in flight (paced to the provider's limits)", or nothing once no call was made. */
    private String pace() {
        return pace == null || calls.get() == 0 ? "" : ", pace " + pace.get().describe();
    }

    @Override
    public void promptUsesNewParentText(String nodeId) {
        onEstimatedPrompt.accept(nodeId);
    }
}
