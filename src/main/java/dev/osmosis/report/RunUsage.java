package dev.osmosis.report;

import dev.osmosis.OsmosisException;
import dev.osmosis.usage.Ledger;
import dev.osmosis.usage.LedgerEntry;
import dev.osmosis.usage.UsageDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * LLM calls of one run with one model, from the ledger.
 *
 * @param start    when the run's first call with this model finished (ISO-8601, UTC)
 * @param costUsd  summed cost of priced calls
 * @param unpriced successful, non-cached calls whose price is unknown (not in {@code costUsd})
 */
public record RunUsage(String run, String start, String provider, String model, long calls, long failed,
                       long cacheHits, long inputTokens, long outputTokens, double costUsd, long unpriced) {

    /** The usage recorded in the ledger at {@code databaseFile}; none when there is no ledger there. */
    public static List<RunUsage> read(Path databaseFile, Set<String> projectNodes) {
        if (!Files.isRegularFile(databaseFile)) {
            return List.of();
        }
        try (UsageDatabase db = UsageDatabase.open(databaseFile)) {
            return of(new Ledger(db).since(Instant.EPOCH), projectNodes);
        } catch (SQLException e) {
            throw OsmosisException.failure("cannot read the run ledger at " + databaseFile + ": " + e.getMessage());
        }
    }

    /**
     * Groups ledger entries per run and model, oldest run first. The ledger is shared by every project on the
     * machine, so only runs that called the LLM about one of {@code projectNodes} are kept.
     */
    public static List<RunUsage> of(List<LedgerEntry> entries, Set<String> projectNodes) {
        Set<String> runs = new java.util.HashSet<>();
        entries.stream().filter(e -> e.nodeId() != null && projectNodes.contains(e.nodeId()))
                .forEach(e -> runs.add(e.runId()));
        Map<List<String>, List<LedgerEntry>> groups = new LinkedHashMap<>();
        for (LedgerEntry e : entries) {
            if (runs.contains(e.runId())) {
                groups.computeIfAbsent(List.of(e.runId(), e.provider(), e.model()), k -> new ArrayList<>()).add(e);
            }
        }
        List<RunUsage> out = new ArrayList<>();
        groups.forEach((key, calls) -> out.add(total(key, calls)));
        out.sort(Comparator.comparing(RunUsage::start).thenComparing(RunUsage::model));
        return out;
    }

    private static RunUsage total(List<String> key, List<LedgerEntry> calls) {
        Instant start = calls.stream().map(LedgerEntry::time).min(Comparator.naturalOrder()).orElseThrow();
        long failed = 0;
        long cacheHits = 0;
        long in = 0;
        long outTokens = 0;
        double cost = 0;
        long unpriced = 0;
        for (LedgerEntry e : calls) {
            boolean ok = LedgerEntry.OK.equals(e.status());
            failed += ok ? 0 : 1;
            cacheHits += e.cacheHit() ? 1 : 0;
            in += Math.max(e.inputTokens(), 0);
            outTokens += Math.max(e.outputTokens(), 0);
            if (e.costUsd() != null) {
                cost += e.costUsd();
            } else if (ok && !e.cacheHit()) {
                unpriced++;
            }
        }
        return new RunUsage(key.get(0), start.toString(), key.get(1), key.get(2), calls.size(), failed, cacheHits,
                in, outTokens, cost, unpriced);
    }
}
