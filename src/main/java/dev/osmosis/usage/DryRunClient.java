package dev.osmosis.usage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osmosis.llm.LlmClient;
import dev.osmosis.llm.LlmRequest;
import dev.osmosis.llm.LlmResponse;
import dev.osmosis.llm.Usage;
import java.time.Duration;
import java.util.OptionalDouble;

/**
 * The provider end of the chain for {@code --llm-dry-run}: makes no request. It counts the rendered prompt,
 * estimates the answer, records a {@link PlannedCall} in the {@link DryRunReport}, and answers with a placeholder
 * (for a JSON request an object with every required key) so the caller proceeds exactly as in a real run and the
 * predicted calls equal the real ones. Its answers carry finish reason {@value #FINISH_REASON}; the cache never
 * stores them and the ledger never records them.
 */
public final class DryRunClient implements LlmClient {
    public static final String FINISH_REASON = "dry_run";

    private final TokenCounter tokens;
    private final PriceTable prices;
    private final String provider;
    private final String model;
    private final DryRunReport report;

    public DryRunClient(TokenCounter tokens, PriceTable prices, String provider, String model, DryRunReport report) {
        this.tokens = tokens;
        this.prices = prices;
        this.provider = provider;
        this.model = model;
        this.report = report;
    }

    @Override
    public LlmResponse complete(LlmRequest request) {
        TokenCount in = tokens.countRequest(request, provider, model);
        long out = tokens.estimateOutput(request);
        OptionalDouble cost = prices.cost(provider, model, in.count(), out);
        report.add(new PlannedCall(request.operation(), request.nodeId(), provider, model, in.count(), out,
                cost.isPresent() ? cost.getAsDouble() : null, in.exact()));
        JsonNode json = request.wantsJson() ? JsonPlaceholder.forSchema(request.jsonSchema()) : null;
        String text = json != null ? json.toString() : JsonPlaceholder.TEXT;
        return new LlmResponse(text, json, new Usage(in.count(), out), FINISH_REASON, Duration.ZERO, 1, provider,
                model, false);
    }
}
