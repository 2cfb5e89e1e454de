package dev.osmosis.usage;

import dev.osmosis.llm.LlmClient;
import dev.osmosis.llm.LlmException;
import dev.osmosis.llm.LlmRequest;
import dev.osmosis.llm.LlmResponse;
import java.util.Optional;

/**
 * Stops calls that would take the run past {@code --llm-max-cost} or {@code --llm-token-budget}. Each call is
 * estimated before it starts (input tokens counted, output tokens estimated by {@link TokenCounter}); the estimate
 * is reserved in the shared {@link Budget} and settled to the provider-reported usage afterwards. A refused call
 * throws {@link LlmException} of kind BUDGET_EXCEEDED and reaches no provider.
 */
public final class BudgetedClient implements LlmClient {
    private final LlmClient inner;
    private final Budget budget;
    private final TokenCounter tokens;
    private final PriceTable prices;
    private final String provider;
    private final String model;

    public BudgetedClient(LlmClient inner, Budget budget, TokenCounter tokens, PriceTable prices, String provider,
            String model) {
        this.inner = inner;
        this.budget = budget;
        this.tokens = tokens;
        this.prices = prices;
        this.provider = provider;
        this.model = model;
    }

    @Override
    public LlmResponse complete(LlmRequest request) {
        long in = tokens.countRequest(request, provider, model).count();
        long out = tokens.estimateOutput(request);
        Optional<Price> price = prices.lookup(provider, model);
        if (price.isEmpty() && budget.limitsCost()) {
            throw new LlmException(LlmException.Kind.CONFIGURATION, "--llm-max-cost is set but osmosis has no price"
                    + " for " + provider + " model '" + model + "'; add it under vars: dbt-osmosis: llm: prices: '"
                    + model + "': {input: USD per million input tokens, output: USD per million output tokens}");
        }
        double estimatedCost = price.map(p -> p.cost(in, out)).orElse(0.0);
        Budget.Reservation reservation = budget.reserve(in + out, estimatedCost);
        LlmResponse response;
        try {
            response = inner.complete(request);
        } catch (RuntimeException e) {
            budget.release(reservation);
            throw e;
        }
        settle(reservation, response);
        return response;
    }

    private void settle(Budget.Reservation reservation, LlmResponse response) {
        if (response.cached() || !response.usage().known()) {
            // a cache hit costs nothing; unreported usage keeps the estimate so the budget stays conservative
            budget.settle(reservation, response.cached() ? 0 : reservation.tokens(),
                    response.cached() ? 0 : reservation.costUsd());
            return;
        }
        String p = response.provider() == null ? provider : response.provider();
        String m = response.model() == null ? model : response.model();
        double cost = prices.lookup(p, m).map(x -> x.cost(response.usage())).orElse(reservation.costUsd());
        budget.settle(reservation, response.usage().total(), cost);
    }
}
