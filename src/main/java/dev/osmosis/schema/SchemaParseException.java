package dev.osmosis.schema;

import dev.osmosis.OsmosisException;
import java.nio.file.Path;

/**
 * A schema YAML file that is not valid YAML, or that osmosis refuses to read ({@link #unreadable}). Carries the file and the 1-based line and column of the problem
 * so the caller can report it and skip the file (exit code 1: part of the work failed).
 */
public final class SchemaParseException extends OsmosisException {
    private final transient Path file;
    private final int line;
    private final int column;
    private final String problem;

    public SchemaParseException(Path file, int line, int column, String problem, Throwable cause) {
        this(file, line, column, problem, file + ":" + line + ":" + column + ": not valid YAML: " + problem
                + " (fix the file; osmosis left it untouched)", cause);
    }

    /** Valid YAML that osmosis will not read: its aliases would expand without end or beyond memory. */
    static SchemaParseException unreadable(Path file, int line, String problem) {
        return new SchemaParseException(file, line, 1, problem, file + ":" + line + ": cannot be read: " + problem
                + " (osmosis left it untouched)", null);
    }

    private SchemaParseException(Path file, int line, int column, String problem, String message, Throwable cause) {
        super(FAILURE, message, cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public Path file() {
        return file;
    }

    /** 1-based line of the problem. */
    public int line() {
        return line;
    }

    /** 1-based column of the problem. */
    public int column() {
        return column;
    }

    public String problem() {
        return problem;
    }
}
