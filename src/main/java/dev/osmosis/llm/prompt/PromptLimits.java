package dev.osmosis.llm.prompt;

/**
 * How much context a prompt may carry. The SQL is cut to {@code maxSqlChars}; the parents' docs are bounded
 * by count, columns per parent and total characters, so a wide or deep lineage cannot blow the context window
 * (or the bill).
 *
 * @param maxSqlChars          characters of SQL kept (a {@code -- [truncated N chars]} line marks a cut)
 * @param maxParents           direct parents shown; the rest are counted in {@code parents_note}
 * @param maxParentColumns     documented columns shown per parent
 * @param maxParentChars       characters of parent descriptions + column docs over all parents
 * @param maxParentDescription characters of one parent's description
 */
public record PromptLimits(
        int maxSqlChars, int maxParents, int maxParentColumns, int maxParentChars, int maxParentDescription) {

    public static final int DEFAULT_MAX_SQL_CHARS = 8000;
    public static final PromptLimits DEFAULTS = new PromptLimits(DEFAULT_MAX_SQL_CHARS, 10, 40, 6000, 600);

    public PromptLimits {
        if (maxSqlChars < 1 || maxParents < 0 || maxParentColumns < 0 || maxParentChars < 0
                || maxParentDescription < 0) {
            throw new IllegalArgumentException("prompt limits must be positive: " + maxSqlChars + ", " + maxParents
                    + ", " + maxParentColumns + ", " + maxParentChars + ", " + maxParentDescription);
        }
    }

    public PromptLimits withMaxSqlChars(int chars) {
        return new PromptLimits(chars, maxParents, maxParentColumns, maxParentChars, maxParentDescription);
    }
}
