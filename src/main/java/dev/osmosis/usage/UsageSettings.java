package dev.osmosis.usage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The resolved cost, stats, budget and cache settings of a run (CLI &gt; environment &gt; dbt_project.yml &gt;
 * default).
 *
 * @param dryRun         {@code --llm-dry-run}: estimate, make no request
 * @param stats          {@code --llm-stats}: print the usage table on stderr at the end
 * @param statsFile      {@code --llm-stats-file}: write the usage as JSON here, or null
 * @param maxCostUsd     {@code --llm-max-cost}, or null
 * @param tokenBudget    {@code --llm-token-budget}, or null
 * @param cache          response cache on (default) or off
 * @param cacheTtl       how long a cached response is used
 * @param priceOverrides {@code vars: dbt-osmosis: llm: prices:} (model to {input, output}), possibly empty
 */
public record UsageSettings(
        boolean dryRun,
        boolean stats,
        Path statsFile,
        Double maxCostUsd,
        Long tokenBudget,
        boolean cache,
        Duration cacheTtl,
        Map<String, ?> priceOverrides) {

    public static final Duration DEFAULT_CACHE_TTL = Duration.ofDays(30);

    public UsageSettings {
        cacheTtl = cacheTtl == null ? DEFAULT_CACHE_TTL : cacheTtl;
        priceOverrides = priceOverrides == null ? Map.of() : Map.copyOf(priceOverrides);
    }

    /** Everything off except the cache: what a run gets without flags or configuration. */
    public static UsageSettings defaults() {
        return new UsageSettings(false, false, null, null, null, true, DEFAULT_CACHE_TTL, Map.of());
    }
}
