package dev.osmosis.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * How many columns the terminal has, so a redrawn progress line never wraps (a wrapped line is redrawn below
 * itself, line after line). Java has no portable call for it: the terminal is asked once through {@code stty size}
 * on /dev/tty, then {@code COLUMNS} (a shell variable, often not exported), then 80.
 */
final class TerminalWidth {
    static final int FALLBACK = 80;
    /** stty answers in milliseconds; a hung one must not delay the run. */
    private static final long PROBE_TIMEOUT_MS = 500;

    private TerminalWidth() {
    }

    /** The width for a terminal; only a terminal is asked (a CI log has none and gets plain lines anyway). */
    static int of(Map<String, String> env, boolean interactive, Supplier<OptionalInt> terminal) {
        if (interactive) {
            OptionalInt probed = terminal.get();
            if (probed.isPresent() && probed.getAsInt() > 0) {
                return probed.getAsInt();
            }
        }
        return parse(env.get("COLUMNS")).orElse(FALLBACK);
    }

    /** The controlling terminal's columns from {@code stty size < /dev/tty}, or empty (no stty, no tty, Windows). */
    static OptionalInt stty() {
        try {
            Process p = new ProcessBuilder("sh", "-c", "stty size < /dev/tty")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (InputStream in = p.getInputStream()) {
                if (!p.waitFor(PROBE_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    return OptionalInt.empty();
                }
                String[] rowsCols = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim().split("\\s+");
                return p.exitValue() == 0 && rowsCols.length == 2 ? parse(rowsCols[1]) : OptionalInt.empty();
            }
        } catch (IOException e) {
            return OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        }
    }

    private static OptionalInt parse(String columns) {
        if (columns == null || !columns.trim().matches("\\d{1,5}")) {
            return OptionalInt.empty();
        }
        int n = Integer.parseInt(columns.trim());
        return n > 0 ? OptionalInt.of(n) : OptionalInt.empty();
    }
}
