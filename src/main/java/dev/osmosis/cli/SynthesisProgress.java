package dev.osmosis.cli;

import dev.osmosis.docs.synthesis.SynthesisRun;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Progress of `--synthesize` on stderr: a redrawn bar (nodes, calls, tokens, ETA) in a terminal, a plain line at every
 * tenth of the nodes in a CI log.
 */
final class SynthesisProgress implements SynthesisRun.Listener {
    private final PrintWriter err;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private final AtomicInteger calls = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong tokens = new java.util.concurrent.atomic.AtomicLong();
    private final Consumer<String> onEstimatedPrompt;
    private int lastTenth = 0;

    SynthesisProgress(PrintWriter err, boolean terminal, Consumer<String> onEstimatedPrompt) {
        this.err = err;
        this.terminal = terminal;
        this.onEstimatedPrompt = onEstimatedPrompt;
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
            err.printf(Locale.ROOT, "\r[%s%s] %d/%d nodes, %d calls, %d tokens, ETA %ds ", "=".repeat(filled),
                    " ".repeat(width - filled), done, total, allCalls, allTokens, etaS);
            if (done == total) {
                err.println();
            }
            err.flush();
            return;
        }
        int tenth = total == 0 ? 10 : done * 10 / total;
        if (tenth > lastTenth || done == total) {
            lastTenth = tenth;
            err.printf(Locale.ROOT, "synthesis: %d/%d nodes, %d calls, %d tokens, %.1fs elapsed, ETA %ds%n", done,
                    total, allCalls, allTokens, elapsedMs / 1000.0, etaS);
            err.flush();
        }
    }

    @Override
    public void promptUsesNewParentText(String nodeId) {
        onEstimatedPrompt.accept(nodeId);
    }
}
