package dev.osmosis.llm;

/**
 * Token usage of one call as the provider reported it.
 *
 * @param inputTokens  prompt tokens, or -1 when unknown
 * @param outputTokens completion tokens, or -1 when unknown
 */
public record Usage(long inputTokens, long outputTokens) {
    public static final Usage UNKNOWN = new Usage(-1, -1);

    public boolean known() {
        return inputTokens >= 0 && outputTokens >= 0;
    }

    public long total() {
        return known() ? inputTokens + outputTokens : -1;
    }
}
