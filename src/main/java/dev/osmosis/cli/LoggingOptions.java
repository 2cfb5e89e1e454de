package dev.osmosis.cli;

import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options every command takes: how much to log, and whether errors show a stack trace. */
public final class LoggingOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    private String logLevel = "info";

    // Read by Osmosis.ErrorReporter from the parse result; declared here so every command accepts it.
    @Option(names = "--stacktrace", description = "Print the stack trace of an error.")
    boolean stacktrace;

    /**
     * Sets tinylog's level before anything is logged. Python's names (WARNING, CRITICAL), as dbt-osmosis users
     * type them, are accepted too.
     */
    /** Shell completion offers tinylog's levels (Python's names are accepted, not offered). */
    public static final class Levels implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.List.of("trace", "debug", "info", "warn", "error").iterator();
        }
    }

    @Option(names = "--log-level", paramLabel = "LEVEL", completionCandidates = Levels.class,
            description = "trace, debug, info, warn or error (default: info).")
    void setLogLevel(String value) {
        String level = switch (value.toLowerCase(Locale.ROOT)) {
            case "trace", "debug", "info", "warn", "error" -> value.toLowerCase(Locale.ROOT);
            case "warning" -> "warn";
            case "critical", "fatal" -> "error";
            default -> throw new ParameterException(spec.commandLine(), "--log-level must be trace, debug, info, "
                    + "warn or error, not '" + value + "'.");
        };
        logLevel = level;
        try {
            org.tinylog.configuration.Configuration.set("writer.level", level);
        } catch (UnsupportedOperationException alreadyFrozen) {
            // Something was logged earlier in this JVM (only in tests): keep the level in effect.
        }
    }

    public String logLevel() {
        return logLevel;
    }
}
