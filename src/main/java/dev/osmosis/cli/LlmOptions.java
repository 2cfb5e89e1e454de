package dev.osmosis.cli;

import dev.osmosis.llm.LlmCliOptions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The LLM provider and transport flags (names from NAMES.md). Values left unset fall through to the environment,
 * then {@code vars: dbt-osmosis: llm:}, then defaults; see {@link dev.osmosis.llm.LlmSettings#resolve}.
 */
public final class LlmOptions {
    /** Shell completion offers the provider names. */
    public static final class Providers implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(dev.osmosis.llm.LlmProvider.values()).map(dev.osmosis.llm.LlmProvider::id)
                    .iterator();
        }
    }

    @Option(names = "--llm-provider", paramLabel = "NAME", completionCandidates = Providers.class,
            description = "openai, azure-openai, anthropic, google-gemini, ollama or lm-studio (env LLM_PROVIDER).")
    String provider;

    @Option(names = "--llm-model", paramLabel = "MODEL", description = "Model (Azure: deployment) name.")
    String model;

    @Option(names = "--llm-base-url", paramLabel = "URL", description = "API endpoint, e.g. http://localhost:1234/v1.")
    String baseUrl;

    @Option(names = "--llm-temperature", paramLabel = "T", description = "Sampling temperature.")
    Double temperature;

    @Option(names = "--llm-max-tokens", paramLabel = "N", description = "Maximum output tokens per call.")
    Integer maxTokens;

    @Option(names = "--llm-timeout", paramLabel = "SECONDS",
            description = "Per-request timeout in seconds (env OSMOSIS_LLM_TIMEOUT, default 120).")
    Double timeout;

    @Option(names = "--llm-max-retries", paramLabel = "N",
            description = "Retries on rate limits, server errors and timeouts (env OSMOSIS_LLM_MAX_RETRIES, default 3).")
    Integer maxRetries;

    @Option(names = "--llm-rpm", paramLabel = "N",
            description = "Cap on requests per minute, 0 = none (env OSMOSIS_LLM_RATE_LIMIT). Default: the limit the "
                    + "provider announces in its response headers, else 60.")
    Integer rpm;

    @Option(names = "--llm-tpm", paramLabel = "N", description = "Tokens per minute, 0 = unlimited (default).")
    Integer tpm;

    @Option(names = "--llm-concurrency", paramLabel = "N", description = "Cap on parallel calls. Default: 4, growing "
            + "up to 64 while the provider's announced limits allow.")
    Integer concurrency;

    @Option(names = "--llm-fallback-model", paramLabel = "[PROVIDER:]MODEL",
            description = "Model to try when the previous one keeps failing; repeat for a chain.")
    List<String> fallbacks = new ArrayList<>();

    @Option(names = "--llm-json-mode", negatable = true,
            description = "Use the provider's structured output (env OSMOSIS_LLM_USE_JSON_MODE, default true).")
    Boolean jsonMode;

    /** The flags as given; unset ones are null. */
    public LlmCliOptions toCliOptions() {
        return new LlmCliOptions(provider, model, baseUrl, temperature, maxTokens, timeout, maxRetries, rpm, tpm,
                concurrency, fallbacks, jsonMode);
    }
}
