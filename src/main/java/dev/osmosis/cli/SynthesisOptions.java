package dev.osmosis.cli;

import dev.osmosis.OsmosisException;
import dev.osmosis.docs.synthesis.SynthesisSettings;
import dev.osmosis.llm.prompt.PromptLimits;
import java.util.Map;
import picocli.CommandLine.Option;

/** `--synthesize` and how it spends calls. */
public final class SynthesisOptions {
    @Option(names = "--synthesize", description = "Ask the LLM for what inheritance could not fill.")
    boolean synthesize;

    /** Shell completion offers the strategies {@link #resolve} accepts. */
    public static final class Strategies implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.List.of("auto", "bulk", "per-column").iterator();
        }
    }

    @Option(names = "--llm-strategy", paramLabel = "STRATEGY", completionCandidates = Strategies.class,
            description = "auto (one structured call per node; per-column only where cheaper), bulk or per-column "
                    + "(default: auto).")
    String strategy;

    @Option(names = "--llm-batch-size", paramLabel = "N",
            description = "Columns per bulk call for very wide models (default: "
                    + SynthesisSettings.DEFAULT_BATCH_SIZE + ").")
    Integer batchSize;

    @Option(names = "--llm-bulk-threshold", paramLabel = "N",
            description = "dbt-osmosis's rule: one bulk call only above N gaps, else one call per gap.")
    Integer bulkThreshold;

    @Option(names = "--llm-mark", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Mark synthesized descriptions for review with meta.osmosis_generated: true "
                    + "(default: on; the key is vars: dbt-osmosis: llm: mark_key).")
    boolean mark;

    public boolean synthesize() {
        return synthesize;
    }

    /** Flags > `vars: dbt-osmosis: llm:` (strategy, batch_size, bulk_threshold, mark, mark_key) > defaults. */
    SynthesisSettings resolve(Map<String, Object> llmVars, boolean jsonOutput, String userContext,
                              PromptLimits limits) {
        String name = strategy != null ? strategy : str(llmVars.get("strategy"), "auto");
        SynthesisSettings.Strategy s = switch (name.toLowerCase(java.util.Locale.ROOT).replace('_', '-')) {
            case "auto" -> SynthesisSettings.Strategy.AUTO;
            case "bulk" -> SynthesisSettings.Strategy.BULK;
            case "per-column" -> SynthesisSettings.Strategy.PER_COLUMN;
            default -> throw OsmosisException.usage("--llm-strategy must be auto, bulk or per-column, not '"
                    + name + "'.");
        };
        int batch = batchSize != null ? batchSize : integer(llmVars.get("batch_size"), "batch_size",
                SynthesisSettings.DEFAULT_BATCH_SIZE);
        if (batch < 1) {
            throw OsmosisException.usage("--llm-batch-size must be at least 1.");
        }
        Integer threshold = bulkThreshold != null ? bulkThreshold
                : llmVars.containsKey("bulk_threshold") ? integer(llmVars.get("bulk_threshold"), "bulk_threshold", 10)
                : null;
        boolean marking = mark && !Boolean.FALSE.equals(llmVars.get("mark"));
        String key = str(llmVars.get("mark_key"), SynthesisSettings.DEFAULT_MARK_KEY);
        return new SynthesisSettings(s, batch, threshold, jsonOutput, marking ? key : null, userContext, limits);
    }

    private static String str(Object v, String fallback) {
        return v == null || String.valueOf(v).isBlank() ? fallback : String.valueOf(v);
    }

    private static int integer(Object v, String key, int fallback) {
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(String.valueOf(v).strip());
        } catch (NumberFormatException e) {
            throw OsmosisException.usage("vars: dbt-osmosis: llm: " + key + " must be a whole number, not '" + v
                    + "'.");
        }
    }
}
