package dev.osmosis.usage;

import java.util.Optional;

/**
 * Usage totals of one group of calls (a model, an operation, or the whole run). Tokens and cost count only calls
 * that reached the provider and succeeded: cache hits used no tokens. Latency percentiles cover calls that reached
 * the provider (successful or not) and count the provider's time only; the time queued is reported on its own.
 *
 * @param key           model name, operation name, or "total"
 * @param ok            successful calls, cache hits included
 * @param failed        calls sent that failed
 * @param refused       calls the budget refused before sending (no request, no tokens, no cost)
 * @param retried       calls that needed more than one attempt
 * @param cacheHits     calls served from the response cache
 * @param inputTokens   provider-reported input tokens
 * @param outputTokens  provider-reported output tokens
 * @param knownCostUsd  summed cost of the calls whose price is known
 * @param unpricedCalls successful provider calls whose cost is unknown
 * @param p50Ms         median latency in milliseconds (0 when no call reached the provider)
 * @param p95Ms         95th-percentile latency in milliseconds
 * @param queuedP50Ms   median time a call waited in osmosis's own rate limiter before it was sent
 * @param queuedP95Ms   95th percentile of that wait
 */
public record UsageRow(
        String key,
        long ok,
        long failed,
        long refused,
        long retried,
        long cacheHits,
        long inputTokens,
        long outputTokens,
        double knownCostUsd,
        long unpricedCalls,
        long p50Ms,
        long p95Ms,
        long queuedP50Ms,
        long queuedP95Ms) {

    /** The cost of the group, or empty when some call's price is unknown (osmosis does not guess). */
    public Optional<Double> cost() {
        return unpricedCalls > 0 ? Optional.empty() : Optional.of(knownCostUsd);
    }

    /** Requests sent (answered or failed); calls the budget refused were never sent. */
    public long requests() {
        return ok + failed;
    }
}
