package dev.osmosis.cli;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import org.tinylog.Level;
import org.tinylog.core.LogEntry;
import org.tinylog.core.LogEntryValue;
import org.tinylog.writers.Writer;

/**
 * Writes log lines to stderr in the style of osmosis's own messages ({@code warning: ...}, {@code error: ...}):
 * tinylog's format can only print the level as WARN, so the same run said {@code WARN:} in some lines and
 * {@code warning:} in others. Named in tinylog.properties by its class name.
 */
public final class LogLineWriter implements Writer {
    /** tinylog passes the writer's properties; this writer has none of its own. */
    public LogLineWriter(Map<String, String> properties) {
        // nothing to configure: level filtering is tinylog's
    }

    /** The prefix a line of that level gets. */
    static String prefix(Level level) {
        return switch (level) {
            case WARN -> "warning: ";
            case OFF -> "";
            default -> level.name().toLowerCase(Locale.ROOT) + ": ";
        };
    }

    @Override
    public Collection<LogEntryValue> getRequiredLogEntryValues() {
        return EnumSet.of(LogEntryValue.LEVEL, LogEntryValue.MESSAGE, LogEntryValue.EXCEPTION);
    }

    @Override
    public void write(LogEntry entry) {
        // System.err at each line, not at start-up: a test (or an embedding) may have replaced it since
        StringBuilder line = new StringBuilder(prefix(entry.getLevel()));
        line.append(entry.getMessage() == null ? "" : entry.getMessage());
        if (entry.getException() != null) {
            line.append(" (").append(entry.getException()).append(')');
        }
        System.err.println(line);
    }

    @Override
    public void flush() {
        System.err.flush();
    }

    @Override
    public void close() {
        System.err.flush();
    }
}
