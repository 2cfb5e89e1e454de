package dev.osmosis.ci;

import dev.osmosis.text.TerminalText;

/**
 * GitHub Actions workflow commands ({@code ::warning file=F,line=L,title=T::message}) that put a message on a
 * file's line in the pull request. Escaping follows GitHub's runner (actions/toolkit command.ts): the message
 * escapes {@code %}, CR and LF; property values (file, title) also {@code :} and {@code ,}, which would otherwise
 * end the value.
 */
public final class GithubAnnotations {
    public enum Level { notice, warning, error }

    private GithubAnnotations() {
    }

    /** An annotation on {@code file} (relative to the repository root, '/' separators) at 1-based {@code line}. */
    public static String on(Level level, String file, int line, String title, String message) {
        return "::" + level + " file=" + escapeProperty(file) + ",line=" + Math.max(1, line) + ",title="
                + escapeProperty(title) + "::" + escapeData(message);
    }

    /** An annotation on the run, not on a file. */
    public static String run(Level level, String title, String message) {
        return "::" + level + " title=" + escapeProperty(title) + "::" + escapeData(message);
    }

    /** Other control and bidi characters become visible escapes first: the runner would pass them to the log. */
    public static String escapeData(String s) {
        return TerminalText.escapeLines(s).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    public static String escapeProperty(String s) {
        return escapeData(s).replace(":", "%3A").replace(",", "%2C");
    }
}
