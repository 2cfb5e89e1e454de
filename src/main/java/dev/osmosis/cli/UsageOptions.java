package dev.osmosis.cli;

import dev.osmosis.OsmosisException;
import dev.osmosis.usage.DurationText;
import dev.osmosis.usage.UsageSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Cost preview, usage report, budget and cache flags for commands that call the LLM. Fields stay null when a
 * flag is not given so {@link #resolve} can fall back to the environment and {@code vars: dbt-osmosis: llm:}.
 */
public final class UsageOptions {
    @Option(names = "--llm-dry-run", description = "Preview LLM calls, tokens and cost; make no request.")
    Boolean dryRun;

    @Option(names = "--llm-stats", description = "Print LLM usage (requests, tokens, cost, latency) on stderr at"
            + " the end (env OSMOSIS_LLM_TRACK_USAGE).")
    Boolean stats;

    @Option(names = "--llm-stats-file", paramLabel = "FILE", description = "Write LLM usage as JSON to FILE.")
    Path statsFile;

    @Option(names = "--llm-max-cost", paramLabel = "USD", description = "Start no LLM call that would take this"
            + " run past USD (by its estimate).")
    Double maxCost;

    @Option(names = "--llm-token-budget", paramLabel = "N", description = "Start no LLM call that would take this"
            + " run past N input+output tokens (by its estimate).")
    Long tokenBudget;

    @Option(names = "--llm-cache", negatable = true, description = "Reuse cached LLM responses (default: on).")
    Boolean cache;

    @Option(names = "--llm-cache-ttl", paramLabel = "DURATION", description = "Use cached responses younger than"
            + " DURATION, e.g. 12h, 30d (default: 30d).")
    String cacheTtl;

    /**
     * Resolves CLI flags over the environment over the project's {@code vars: dbt-osmosis: llm:} map (keys
     * {@code dry_run}, {@code track_usage}, {@code max_cost_per_run}, {@code token_budget}, {@code cache},
     * {@code cache_ttl}, {@code prices}) over defaults.
     *
     * @param env        the root command's environment
     * @param projectLlm the {@code vars: dbt-osmosis: llm:} map, or null
     */
    public UsageSettings resolve(Map<String, String> env, Map<String, ?> projectLlm) {
        Map<String, ?> project = projectLlm == null ? Map.of() : projectLlm;
        boolean resolvedStats = stats != null ? stats
                : env.containsKey("OSMOSIS_LLM_TRACK_USAGE") ? truthy("OSMOSIS_LLM_TRACK_USAGE",
                        env.get("OSMOSIS_LLM_TRACK_USAGE"))
                : bool(project, "track_usage", false);
        Double cost = maxCost != null ? maxCost : number(project, "max_cost_per_run");
        if (cost != null && !(cost > 0)) {
            throw OsmosisException.usage("--llm-max-cost must be a positive number of USD, got " + cost);
        }
        Double budget = tokenBudget != null ? Double.valueOf(tokenBudget) : number(project, "token_budget");
        if (budget != null && budget <= 0) {
            throw OsmosisException.usage("--llm-token-budget must be a positive number of tokens, got "
                    + budget.longValue());
        }
        String ttlText = cacheTtl != null ? cacheTtl
                : project.get("cache_ttl") != null ? String.valueOf(project.get("cache_ttl")) : null;
        Duration ttl = ttlText == null ? UsageSettings.DEFAULT_CACHE_TTL : DurationText.parse(ttlText);
        if (ttl.isZero()) {
            throw OsmosisException.usage("--llm-cache-ttl must be longer than 0; use --no-llm-cache to turn the"
                    + " cache off");
        }
        Object prices = project.get("prices");
        if (prices != null && !(prices instanceof Map)) {
            throw OsmosisException.usage("vars: dbt-osmosis: llm: prices: must map model names to"
                    + " {input: X, output: Y}");
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> priceMap = prices == null ? Map.of() : (Map<String, ?>) prices;
        return new UsageSettings(
                dryRun != null ? dryRun : bool(project, "dry_run", false),
                resolvedStats, statsFile, cost, budget == null ? null : budget.longValue(),
                cache != null ? cache : bool(project, "cache", true), ttl, priceMap);
    }

    private static boolean bool(Map<String, ?> project, String key, boolean fallback) {
        Object v = project.get(key);
        return v == null ? fallback : truthy("vars: dbt-osmosis: llm: " + key, String.valueOf(v));
    }

    private static Double number(Map<String, ?> project, String key) {
        Object v = project.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.valueOf(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw OsmosisException.usage("vars: dbt-osmosis: llm: " + key + " must be a number, got '" + v + "'");
        }
    }

    private static boolean truthy(String where, String value) {
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on":
                return true;
            case "false", "0", "no", "off", "":
                return false;
            default:
                throw OsmosisException.usage(where + " must be true or false, got '" + value + "'");
        }
    }
}
