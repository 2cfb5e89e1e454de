package dev.osmosis.usage;

/**
 * A call a dry run would have made.
 *
 * @param operation             what the call is for
 * @param nodeId                the dbt node, or null
 * @param provider              provider
 * @param model                 model
 * @param inputTokens           input tokens of the rendered prompt
 * @param estimatedOutputTokens output tokens expected (always an estimate, see {@link TokenCounter})
 * @param costUsd               cost of input + estimated output, or null when the model's price is unknown
 * @param inputExact            true when the input was counted with the model's own tokenizer
 */
public record PlannedCall(
        String operation,
        String nodeId,
        String provider,
        String model,
        long inputTokens,
        long estimatedOutputTokens,
        Double costUsd,
        boolean inputExact) {
}
