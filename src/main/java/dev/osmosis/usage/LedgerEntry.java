package dev.osmosis.usage;

import java.time.Instant;

/**
 * One call as the run ledger keeps it.
 *
 * @param time         when the call finished
 * @param runId        the run that made it
 * @param provider     provider that answered
 * @param model        model that answered
 * @param operation    what the call was for ("bulk", "model", "column", ...)
 * @param nodeId       the dbt node, or null
 * @param inputTokens  provider-reported input tokens, or -1 when unknown
 * @param outputTokens provider-reported output tokens, or -1 when unknown
 * @param costUsd      cost in USD, or null when the model's price is unknown
 * @param latencyMs    wall time in milliseconds
 * @param status       "ok", or the failure kind in lower case ("rate_limited", "budget_exceeded", ...)
 * @param cacheHit     true when served from the response cache
 */
public record LedgerEntry(
        Instant time,
        String runId,
        String provider,
        String model,
        String operation,
        String nodeId,
        long inputTokens,
        long outputTokens,
        Double costUsd,
        long latencyMs,
        String status,
        boolean cacheHit) {

    public static final String OK = "ok";

    public LedgerEntry {
        provider = provider == null ? "" : provider;
        model = model == null ? "" : model;
        operation = operation == null ? "other" : operation;
        status = status == null ? OK : status;
    }
}
