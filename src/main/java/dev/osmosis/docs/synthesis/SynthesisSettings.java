package dev.osmosis.docs.synthesis;

import dev.osmosis.llm.prompt.PromptLimits;

/**
 * How `--synthesize` spends calls.
 *
 * @param strategy      auto (one structured call per node, per-column only where cheaper), bulk or per-column
 * @param batchSize     columns per bulk call for very wide models
 * @param bulkThreshold when set, dbt-osmosis's rule: bulk only above this many gaps, else one call per gap
 * @param jsonOutput    whether the provider returns JSON (structured output or JSON mode); without it no bulk
 * @param markKey       meta key set to true on every synthesized description, or null for no mark
 * @param userContext   free text for every prompt (--llm-context, dbt-styleguide.md)
 * @param language      the language every prompt asks descriptions in ("Portuguese"; empty: none said)
 */
public record SynthesisSettings(Strategy strategy, int batchSize, Integer bulkThreshold, boolean jsonOutput,
                                String markKey, String userContext, PromptLimits limits, String language) {
    public static final String DEFAULT_MARK_KEY = "osmosis_generated";
    public static final int DEFAULT_BATCH_SIZE = 40;

    /** --llm-strategy. */
    public enum Strategy { AUTO, BULK, PER_COLUMN }

    public SynthesisSettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1");
        }
        userContext = userContext == null ? "" : userContext;
        limits = limits == null ? PromptLimits.DEFAULTS : limits;
        language = language == null ? "" : language.strip();
    }

    /** Settings that ask for no particular language. */
    public SynthesisSettings(Strategy strategy, int batchSize, Integer bulkThreshold, boolean jsonOutput,
                             String markKey, String userContext, PromptLimits limits) {
        this(strategy, batchSize, bulkThreshold, jsonOutput, markKey, userContext, limits, "");
    }

    /** The same settings with another user context and language (both resolved from the project). */
    public SynthesisSettings withStyle(String newUserContext, String newLanguage) {
        return new SynthesisSettings(strategy, batchSize, bulkThreshold, jsonOutput, markKey, newUserContext, limits,
                newLanguage);
    }

    public static SynthesisSettings defaults() {
        return new SynthesisSettings(Strategy.AUTO, DEFAULT_BATCH_SIZE, null, true, DEFAULT_MARK_KEY, "", null);
    }
}
