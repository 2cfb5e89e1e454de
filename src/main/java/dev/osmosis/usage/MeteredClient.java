package dev.osmosis.usage;

import dev.osmosis.llm.LlmClient;
import dev.osmosis.llm.LlmException;
import dev.osmosis.llm.LlmRequest;
import dev.osmosis.llm.LlmResponse;
import dev.osmosis.llm.Usage;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalDouble;
import org.tinylog.Logger;

/**
 * The top link of the chain: records every call (status, retries, cache hit, provider-reported tokens, cost,
 * latency, operation, node) into {@link UsageStats} and, when given, the run {@link Ledger}. It never changes what
 * the call returns or throws. A ledger that cannot be written is logged once per failure and does not stop the run.
 */
public final class MeteredClient implements LlmClient {
    private final LlmClient inner;
    private final UsageStats stats;
    private final PriceTable prices;
    private final String provider;
    private final String model;
    private final Ledger ledger;
    private final String runId;
    private final Clock clock;

    /**
     * @param provider provider and model the chain is configured with (recorded for failed calls; successful
     *                 calls record the provider and model that answered)
     * @param ledger   where to keep the call across runs, or null (dry runs keep none)
     */
    public MeteredClient(LlmClient inner, UsageStats stats, PriceTable prices, String provider, String model,
            Ledger ledger, String runId, Clock clock) {
        this.inner = inner;
        this.stats = stats;
        this.prices = prices;
        this.provider = provider;
        this.model = model;
        this.ledger = ledger;
        this.runId = runId;
        this.clock = clock;
    }

    @Override
    public LlmResponse complete(LlmRequest request) {
        long start = System.nanoTime();
        try {
            LlmResponse response = inner.complete(request);
            // the provider's own time when the chain measured it, else (a fake, a dry run) what was seen here
            Duration latency = response.latency().isZero() && !response.cached()
                    ? Duration.ofNanos(System.nanoTime() - start) : response.latency();
            record(request, success(request, response, latency),
                    DryRunClient.FINISH_REASON.equals(response.finishReason()));
            return response;
        } catch (LlmException e) {
            CallRecord failed = new CallRecord(provider, model, request.operation(), request.nodeId(),
                    e.kind().name().toLowerCase(Locale.ROOT), false, false, Usage.UNKNOWN, 0.0,
                    Duration.ofNanos(System.nanoTime() - start));
            record(request, failed, false);
            throw e;
        }
    }

    private CallRecord success(LlmRequest request, LlmResponse r, Duration latency) {
        String answeredBy = r.provider() == null ? provider : r.provider();
        String answeredModel = r.model() == null ? model : r.model();
        Double cost;
        if (r.cached()) {
            cost = 0.0;
        } else {
            OptionalDouble c = prices.cost(answeredBy, answeredModel, r.usage());
            cost = c.isPresent() ? c.getAsDouble() : null;
        }
        return new CallRecord(answeredBy, answeredModel, request.operation(), request.nodeId(), LedgerEntry.OK,
                r.attempts() > 1, r.cached(), r.usage(), cost, latency, r.queued());
    }

    private void record(LlmRequest request, CallRecord call, boolean dryRun) {
        stats.record(call);
        if (ledger == null || dryRun || call.refused()) {
            // a call the budget refused was never made: the ledger keeps calls sent
            return;
        }
        try {
            ledger.append(new LedgerEntry(clock.instant(), runId, call.provider(), call.model(), call.operation(),
                    call.nodeId(), call.usage().inputTokens(), call.usage().outputTokens(), call.costUsd(),
                    call.latency().toMillis(), call.status(), call.cacheHit()));
        } catch (SQLException | RuntimeException e) {
            Logger.warn("could not write the run ledger ({}); usage of this call is not kept for 'osmosis llm"
                    + " stats'", e.getMessage());
        }
    }
}
