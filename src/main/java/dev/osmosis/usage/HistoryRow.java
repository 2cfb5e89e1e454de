package dev.osmosis.usage;

/**
 * Ledger totals for one day, model and operation.
 *
 * @param day          UTC date, yyyy-MM-dd
 * @param provider     provider
 * @param model        model
 * @param operation    operation
 * @param calls        calls recorded
 * @param failed       calls that did not succeed
 * @param cacheHits    calls served from the cache
 * @param inputTokens  reported input tokens (calls that reported none count 0)
 * @param outputTokens reported output tokens
 * @param costUsd      summed cost of priced calls
 * @param unpriced     successful, non-cached calls whose cost is unknown (not in {@code costUsd})
 */
public record HistoryRow(
        String day,
        String provider,
        String model,
        String operation,
        long calls,
        long failed,
        long cacheHits,
        long inputTokens,
        long outputTokens,
        double costUsd,
        long unpriced) {
}
