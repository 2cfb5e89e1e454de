package dev.osmosis.usage;

import dev.osmosis.llm.Usage;
import java.time.Duration;

/**
 * One call as {@link MeteredClient} saw it.
 *
 * @param provider  provider that answered (or was asked, when the call failed)
 * @param model     model that answered (or was asked)
 * @param operation what the call was for
 * @param nodeId    the dbt node, or null
 * @param status    "ok" or the failure kind in lower case
 * @param retried   more than one HTTP attempt was made
 * @param cacheHit  served from the response cache
 * @param usage     provider-reported usage ({@link Usage#UNKNOWN} when not reported or failed)
 * @param costUsd   cost in USD; 0 for cache hits and failures; null when the model's price is unknown
 * @param latency   the provider's time to answer (a failed call: its wall time)
 * @param queued    time waited in osmosis's own rate limiter before the answered attempt was sent
 */
public record CallRecord(
        String provider,
        String model,
        String operation,
        String nodeId,
        String status,
        boolean retried,
        boolean cacheHit,
        Usage usage,
        Double costUsd,
        Duration latency,
        Duration queued) {
    /** The status of a call refused by the budget ({@code LlmException.Kind.BUDGET_EXCEEDED}). */
    public static final String BUDGET_EXCEEDED = "budget_exceeded";

    public CallRecord {
        provider = provider == null ? "" : provider;
        model = model == null ? "" : model;
        operation = operation == null ? "other" : operation;
        status = status == null ? LedgerEntry.OK : status;
        usage = usage == null ? Usage.UNKNOWN : usage;
        latency = latency == null ? Duration.ZERO : latency;
        queued = queued == null ? Duration.ZERO : queued;
    }

    /** A call whose time queued is unknown or none (a failure, a cache hit, a dry run). */
    public CallRecord(String provider, String model, String operation, String nodeId, String status,
                      boolean retried, boolean cacheHit, Usage usage, Double costUsd, Duration latency) {
        this(provider, model, operation, nodeId, status, retried, cacheHit, usage, costUsd, latency, Duration.ZERO);
    }

    public boolean ok() {
        return LedgerEntry.OK.equals(status);
    }

    /** A call the budget stopped before it was sent. */
    public boolean refused() {
        return BUDGET_EXCEEDED.equals(status);
    }

    /** A successful call that reached the provider (so it used tokens and may have cost money). */
    public boolean billable() {
        return ok() && !cacheHit;
    }
}
