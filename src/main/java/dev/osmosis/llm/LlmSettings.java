package dev.osmosis.llm;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolved LLM configuration: one provider endpoint plus transport settings, and the ordered fallbacks (each a
 * complete settings of its own, sharing the transport settings). Build one with {@link #resolve}.
 *
 * @param provider         which API to speak
 * @param model            model name (Azure: deployment name)
 * @param baseUrl          endpoint root, e.g. {@code https://api.openai.com/v1}; for Azure the resource URL
 * @param apiKey           the key, or null; never printed ({@link #toString()} masks it)
 * @param temperature      sampling temperature, or null for the provider default
 * @param maxOutputTokens  output token cap per call, or null for the provider default
 * @param timeout          per-request timeout (also the connect timeout's upper bound)
 * @param maxRetries       retries after the first attempt on retryable errors
 * @param retryDelay       base delay of the exponential backoff
 * @param rpm              client-side requests per minute, 0 = unlimited
 * @param tpm              client-side tokens per minute, 0 = unlimited
 * @param concurrency      maximum calls in flight at once
 * @param fallbacks        what to try, in order, when this endpoint keeps failing on retryable errors
 * @param jsonMode         use the provider's structured-output feature when the request has a schema
 * @param azureDeployment  Azure deployment name (equals {@code model} for Azure), or null
 * @param azureApiVersion  Azure {@code api-version}, or null
 * @param caps             which of rpm, tpm and concurrency the user set (flag, environment or project vars):
 *                         those cap what a provider announces; the others are defaults that announced limits replace
 */
public record LlmSettings(
        LlmProvider provider,
        String model,
        String baseUrl,
        String apiKey,
        Double temperature,
        Integer maxOutputTokens,
        Duration timeout,
        int maxRetries,
        Duration retryDelay,
        int rpm,
        int tpm,
        int concurrency,
        List<LlmSettings> fallbacks,
        boolean jsonMode,
        String azureDeployment,
        String azureApiVersion,
        Set<Cap> caps) {

    /** A pacing value the user set. */
    public enum Cap { RPM, TPM, CONCURRENCY }

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
    public static final int DEFAULT_MAX_RETRIES = 3;
    public static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(1);
    public static final int DEFAULT_RPM = 60;
    public static final int DEFAULT_CONCURRENCY = 4;
    public static final String DEFAULT_AZURE_API_VERSION = "2024-10-21";

    public LlmSettings {
        fallbacks = fallbacks == null ? List.of() : List.copyOf(fallbacks);
        caps = caps == null || caps.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(caps));
    }

    /** True when the user set {@code cap}, so it bounds what the provider announces. */
    public boolean capped(Cap cap) {
        return caps.contains(cap);
    }

    /**
     * Resolves settings with precedence CLI &gt; environment &gt; {@code vars: dbt-osmosis: llm:} &gt; defaults.
     * A missing API key is not an error here (a dry run needs none); {@link #requireApiKey()} checks it.
     *
     * @param cli             flags (use {@link LlmCliOptions#NONE} when there are none)
     * @param env             the process environment
     * @param projectLlmVars  the {@code llm:} map under {@code vars: dbt-osmosis:}, or an empty map
     * @throws LlmException CONFIGURATION for an unknown provider or a value that is not a number
     */
    public static LlmSettings resolve(LlmCliOptions cli, Map<String, String> env, Map<String, Object> projectLlmVars) {
        return new SettingsResolver(cli == null ? LlmCliOptions.NONE : cli, env == null ? Map.of() : env,
                projectLlmVars == null ? Map.of() : projectLlmVars).resolve();
    }

    /**
     * @throws LlmException CONFIGURATION naming the variable to set when this provider needs a key and has none
     */
    public LlmSettings requireApiKey() {
        if (provider.keyRequired() && (apiKey == null || apiKey.isBlank())) {
            throw new LlmException(LlmException.Kind.CONFIGURATION, provider.apiKeyEnv() + " is not set: export "
                    + provider.apiKeyEnv() + "=... to use " + provider.id() + " (model " + model
                    + "), or choose another provider with --llm-provider / LLM_PROVIDER.");
        }
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new LlmException(LlmException.Kind.CONFIGURATION, provider.id() + " needs an endpoint: set "
                    + provider.baseUrlEnv() + " or --llm-base-url (e.g. https://YOUR-RESOURCE.openai.azure.com).");
        }
        if (model == null || model.isBlank()) {
            throw new LlmException(LlmException.Kind.CONFIGURATION, provider.id() + " needs a model: set "
                    + provider.modelEnv() + " or --llm-model.");
        }
        return this;
    }

    /** This endpoint followed by its fallbacks: the order {@code FallbackClient} tries them in. */
    public List<LlmSettings> chain() {
        List<LlmSettings> all = new java.util.ArrayList<>();
        all.add(withFallbacks(List.of()));
        all.addAll(fallbacks);
        return List.copyOf(all);
    }

    public LlmSettings withFallbacks(List<LlmSettings> newFallbacks) {
        return new LlmSettings(provider, model, baseUrl, apiKey, temperature, maxOutputTokens, timeout, maxRetries,
                retryDelay, rpm, tpm, concurrency, newFallbacks, jsonMode, azureDeployment, azureApiVersion, caps);
    }

    public LlmSettings withBaseUrl(String newBaseUrl) {
        return new LlmSettings(provider, model, newBaseUrl, apiKey, temperature, maxOutputTokens, timeout, maxRetries,
                retryDelay, rpm, tpm, concurrency, fallbacks, jsonMode, azureDeployment, azureApiVersion, caps);
    }

    /** "openai gpt-4o": how messages name this endpoint. */
    public String label() {
        return provider.id() + " " + model;
    }

    @Override
    public String toString() {
        return "LlmSettings[provider=" + provider + ", model=" + model + ", baseUrl=" + Redactor.redact(baseUrl, apiKey)
                + ", apiKey=" + (apiKey == null || apiKey.isBlank() ? "(none)" : "****") + ", temperature="
                + temperature + ", maxOutputTokens=" + maxOutputTokens + ", timeout=" + timeout + ", maxRetries="
                + maxRetries + ", retryDelay=" + retryDelay + ", rpm=" + rpm + ", tpm=" + tpm + ", concurrency="
                + concurrency + ", fallbacks=" + fallbacks.stream().map(LlmSettings::label).toList() + ", jsonMode="
                + jsonMode + ", azureDeployment=" + azureDeployment + ", azureApiVersion=" + azureApiVersion + ", caps=" + caps
                + "]";
    }
}
