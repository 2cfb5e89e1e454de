package dev.osmosis.usage;

import java.util.Optional;

/**
 * Planned calls of one node (or of the whole run, key "total").
 *
 * @param key                   node id, "(no node)" for unlabelled calls, or "total"
 * @param calls                 calls planned
 * @param inputTokens           input tokens of the rendered prompts
 * @param estimatedOutputTokens estimated output tokens
 * @param knownCostUsd          summed cost of the calls whose price is known
 * @param unpricedCalls         calls whose price is unknown
 * @param inputExact            every input was counted with the model's own tokenizer
 * @param promptEstimated       some prompt contains a parent's text that a real run writes first, so its size is
 *                              an estimate
 */
public record PlanTotals(
        String key,
        long calls,
        long inputTokens,
        long estimatedOutputTokens,
        double knownCostUsd,
        long unpricedCalls,
        boolean inputExact,
        boolean promptEstimated) {

    /** Total cost, or empty when some call's price is unknown. */
    public Optional<Double> cost() {
        return unpricedCalls > 0 ? Optional.empty() : Optional.of(knownCostUsd);
    }
}
