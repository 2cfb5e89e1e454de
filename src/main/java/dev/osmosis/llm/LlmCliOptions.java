package dev.osmosis.llm;

import java.util.List;

/**
 * The LLM transport flags as given on the command line; null (or empty) means "not given", so environment,
 * project vars and defaults apply. Kept free of picocli so the llm package does not depend on the CLI.
 *
 * @param timeoutSeconds per-request timeout in seconds
 * @param fallbacks      {@code --llm-fallback-model} values in order, each {@code model} or {@code provider:model}
 */
public record LlmCliOptions(
        String provider,
        String model,
        String baseUrl,
        Double temperature,
        Integer maxTokens,
        Double timeoutSeconds,
        Integer maxRetries,
        Integer rpm,
        Integer tpm,
        Integer concurrency,
        List<String> fallbacks,
        Boolean jsonMode) {

    public static final LlmCliOptions NONE =
            new LlmCliOptions(null, null, null, null, null, null, null, null, null, null, List.of(), null);

    public LlmCliOptions {
        fallbacks = fallbacks == null ? List.of() : List.copyOf(fallbacks);
    }
}
