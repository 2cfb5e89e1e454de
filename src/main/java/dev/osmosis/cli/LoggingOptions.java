package dev.osmosis.cli;

import picocli.CommandLine.Option;

/** Options every command takes: how much to log, and whether errors show a stack trace. */
public final class LoggingOptions {
    @Option(names = "--log-level", paramLabel = "LEVEL",
            description = "trace, debug, info, warn or error (default: ${DEFAULT-VALUE}).", defaultValue = "info")
    String logLevel;

    // Read by Osmosis.ErrorReporter from the parse result; declared here so every command accepts it.
    @Option(names = "--stacktrace", description = "Print the stack trace of an error.")
    boolean stacktrace;

    public String logLevel() {
        return logLevel;
    }
}
