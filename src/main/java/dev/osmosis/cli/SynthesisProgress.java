package dev.osmosis.cli;

import dev.osmosis.docs.synthesis.SynthesisRun;
import dev.osmosis.llm.chain.RateLimiter;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Progress of `--synthesize` on stderr: a redrawn bar (nodes, calls, tokens, ETA, pace) in a terminal, a plain line at
 * every tenth of the nodes in a CI log. The pace is the limiter's: what it settled on after the provider's announced
 * limits, its 429s and the user's caps.
 */
final class SynthesisProgress implements SynthesisRun.Listener {
    private static final int BAR = 30;
    private final PrintWriter err;
    private final boolean terminal;
    private final int width;
    private final long start = System.nanoTime();
    private final Consumer<String> onEstimatedPrompt;
    private final Supplier<RateLimiter.Pace> pace;
    private int completed;
    private int calls;
    private long tokens;
    private int lastTenth = 0;

    /**
     * @param width the terminal's columns (see {@link TerminalWidth}); the redrawn line stays shorter
     * @param pace  the limiter's pace, or null when no call is made (a dry run)
     */
    SynthesisProgress(PrintWriter err, boolean terminal, int width, Consumer<String> onEstimatedPrompt,
                      Supplier<RateLimiter.Pace> pace) {
        this.err = err;
        this.terminal = terminal;
        this.width = Math.max(1, width);
        this.onEstimatedPrompt = onEstimatedPrompt;
        this.pace = pace;
    }

    /**
     * Nodes finish on several threads and report in any order, so the count shown is this listener's own tally of
     * completed nodes, under its lock: it never goes backwards whatever order the reports arrive in.
     */
    @Override
    public synchronized void nodeDone(String nodeId, int nodeCalls, long nodeTokens, int nodesDone, int total) {
        int done = ++completed;
        calls += nodeCalls;
        tokens += nodeTokens;
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        RateLimiter.Pace now = pace == null || calls == 0 ? null : pace.get();
        long etaS = eta(elapsedMs, done, total, calls, now);
        String paceText = now == null ? "" : ", pace " + now.describe();
        if (terminal) {
            err.print("\r" + fitted(String.format(Locale.ROOT, "%d/%d nodes, %d calls, %d tokens, ETA %ds%s", done,
                    total, calls, tokens, etaS, paceText), done, total));
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
                    total, calls, tokens, elapsedMs / 1000.0, etaS, paceText);
            err.flush();
        }
    }

    /**
     * The time left by the rate so far, but never less than the calls still to come need at the pace in force:
     * early nodes finish fast while the limiter's budget lasts, and an ETA from them alone would say 0 s.
     */
    static long eta(long elapsedMs, int done, int total, int calls, RateLimiter.Pace pace) {
        if (done == 0 || done >= total) {
            return 0;
        }
        long byRate = elapsedMs * (total - done) / done / 1000;
        if (pace == null || pace.rpm() <= 0) {
            return byRate;
        }
        double callsLeft = (double) calls * (total - done) / done;
        return Math.max(byRate, (long) Math.ceil(callsLeft * 60 / pace.rpm()));
    }

    /**
     * The bar and the text in {@code width - 1} columns, padded so a shorter redraw blanks the longer one
     * before it: the pace goes first, then the bar shrinks, then the text is cut.
     */
    private String fitted(String text, int done, int total) {
        int room = width - 1;
        int bar = Math.min(BAR, room - text.length() - 3);
        String line;
        if (bar >= 10) {
            int filled = total == 0 ? bar : bar * done / total;
            line = "[" + "=".repeat(filled) + " ".repeat(bar - filled) + "] " + text;
        } else {
            int pace = text.indexOf(", pace ");
            line = pace >= 0 && text.length() > room ? text.substring(0, pace) : text;
        }
        if (line.length() > room) {
            line = line.substring(0, Math.max(0, room - 1)) + "…";
        }
        return line + " ".repeat(Math.max(0, room - line.length()));
    }

    @Override
    public void promptUsesNewParentText(String nodeId) {
        onEstimatedPrompt.accept(nodeId);
    }
}
