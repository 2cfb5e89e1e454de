package dev.osmosis.usage;

import dev.osmosis.OsmosisException;
import dev.osmosis.llm.LlmException;
import java.util.Locale;

/**
 * A run's cost and token allowance, shared by every thread. A call first {@link #reserve reserves} its estimate;
 * the reservation fails when spent + reserved + this estimate would pass a limit. After the call the reservation
 * is {@link #settle settled} to what it actually used (or {@link #release released} when it failed), so
 * concurrent calls can never together overshoot by their estimates.
 */
public final class Budget {
    private final Double maxCostUsd;
    private final Long maxTokens;
    private double spentCost;
    private long spentTokens;
    private double reservedCost;
    private long reservedTokens;

    /**
     * @param maxCostUsd USD limit for the run, or null for none
     * @param maxTokens  input + output token limit for the run, or null for none
     */
    public Budget(Double maxCostUsd, Long maxTokens) {
        if (maxCostUsd != null && !(maxCostUsd > 0)) {
            throw OsmosisException.usage("--llm-max-cost must be a positive number of USD, got " + maxCostUsd);
        }
        if (maxTokens != null && maxTokens <= 0) {
            throw OsmosisException.usage("--llm-token-budget must be a positive number, got " + maxTokens);
        }
        this.maxCostUsd = maxCostUsd;
        this.maxTokens = maxTokens;
    }

    public boolean limitsCost() {
        return maxCostUsd != null;
    }

    /** An amount held for one call in flight. */
    public record Reservation(long tokens, double costUsd) {
    }

    /**
     * Holds the estimate of one call.
     *
     * @throws LlmException BUDGET_EXCEEDED when the call would take the run past a limit by its estimate
     */
    public synchronized Reservation reserve(long tokens, double costUsd) {
        if (maxTokens != null && spentTokens + reservedTokens + tokens > maxTokens) {
            throw new LlmException(LlmException.Kind.BUDGET_EXCEEDED, String.format(Locale.ROOT,
                    "token budget reached: this call (~%d tokens) would take the run past --llm-token-budget %d"
                            + " (%d used, %d in flight); raise the budget to document the rest",
                    tokens, maxTokens, spentTokens, reservedTokens));
        }
        if (maxCostUsd != null && spentCost + reservedCost + costUsd > maxCostUsd) {
            throw new LlmException(LlmException.Kind.BUDGET_EXCEEDED, String.format(Locale.ROOT,
                    "cost budget reached: this call (~$%.4f) would take the run past --llm-max-cost %.4f"
                            + " ($%.4f spent, $%.4f in flight); raise the budget to document the rest",
                    costUsd, maxCostUsd, spentCost, reservedCost));
        }
        reservedTokens += tokens;
        reservedCost += costUsd;
        return new Reservation(tokens, costUsd);
    }

    /** Replaces a reservation by what the call actually used. */
    public synchronized void settle(Reservation r, long actualTokens, double actualCostUsd) {
        release(r);
        spentTokens += actualTokens;
        spentCost += actualCostUsd;
    }

    /** Gives back a reservation of a call that used nothing (it failed before an answer). */
    public synchronized void release(Reservation r) {
        reservedTokens -= r.tokens();
        reservedCost -= r.costUsd();
    }

    public synchronized double spentCostUsd() {
        return spentCost;
    }

    public synchronized long spentTokens() {
        return spentTokens;
    }
}
