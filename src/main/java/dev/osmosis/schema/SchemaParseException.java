package dev.osmosis.schema;

import dev.osmosis.OsmosisException;
import java.nio.file.Path;

/**
 * A schema YAML file that is not valid YAML. Carries the file and the 1-based line and column of the problem
 * so the caller can report it and skip the file (exit code 1: part of the work failed).
 */
public final class SchemaParseException extends OsmosisException {
    private final transient Path file;
    private final int line;
    private final int column;
    private final String problem;

    public SchemaParseException(Path file, int line, int column, String problem, Throwable cause) {
        super(FAILURE, file + ":" + line + ":" + column + ": not valid YAML: " + problem
                + " (fix the file; osmosis left it untouched)", cause);
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
