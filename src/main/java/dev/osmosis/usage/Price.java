package dev.osmosis.usage;

import dev.osmosis.llm.Usage;

/**
 * List price of one model.
 *
 * @param inputPerMillion  USD per million input tokens
 * @param outputPerMillion USD per million output tokens
 * @param contextWindow    context window in tokens, or 0 when not known
 */
public record Price(double inputPerMillion, double outputPerMillion, long contextWindow) {
    public static final Price FREE = new Price(0, 0, 0);

    public Price {
        if (inputPerMillion < 0 || outputPerMillion < 0 || Double.isNaN(inputPerMillion)
                || Double.isNaN(outputPerMillion)) {
            throw new IllegalArgumentException("prices must be numbers >= 0");
        }
    }

    public double cost(long inputTokens, long outputTokens) {
        return (Math.max(0, inputTokens) * inputPerMillion + Math.max(0, outputTokens) * outputPerMillion) / 1_000_000d;
    }

    public double cost(Usage usage) {
        return cost(usage.inputTokens(), usage.outputTokens());
    }
}
