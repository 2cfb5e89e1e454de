package dev.osmosis;

/**
 * The one exception type that reaches the user. It carries the process exit code; the CLI maps it once
 * (message on stderr, stack trace only with {@code --stacktrace}).
 */
public class OsmosisException extends RuntimeException {
    /** Exit code: changes needed under --check, a gate failed, or part of the work failed. */
    public static final int FAILURE = 1;
    /** Exit code: bad flag, bad configuration or unreadable input. */
    public static final int USAGE = 2;

    private final int exitCode;

    public OsmosisException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public OsmosisException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public static OsmosisException usage(String message) {
        return new OsmosisException(USAGE, message);
    }

    public static OsmosisException usage(String message, Throwable cause) {
        return new OsmosisException(USAGE, message, cause);
    }

    public static OsmosisException failure(String message) {
        return new OsmosisException(FAILURE, message);
    }

    public int exitCode() {
        return exitCode;
    }
}
