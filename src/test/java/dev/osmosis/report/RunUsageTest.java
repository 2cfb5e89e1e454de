package dev.osmosis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osmosis.usage.Ledger;
import dev.osmosis.usage.LedgerEntry;
import dev.osmosis.usage.UsageDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunUsageTest {
    private static LedgerEntry call(String time, String run, String model, String node, Double cost, String status,
                                    boolean cached) {
        return new LedgerEntry(Instant.parse(time), run, "openai", model, "bulk", node, 100, 20, cost, 5, status,
                cached);
    }

    @Test
    void groupsPerRunAndModelOldestFirstKeepingOnlyThisProjectsRuns() {
        List<LedgerEntry> ledger = List.of(
                call("2026-11-02T10:00:00Z", "r2", "gpt-4o", "model.p.a", 0.5, "ok", false),
                call("2026-11-02T10:00:01Z", "r2", "gpt-4o-mini", "model.p.b", null, "ok", false),
                call("2026-11-02T10:00:02Z", "r2", "gpt-4o", "model.p.b", null, "rate_limited", false),
                call("2026-11-01T09:00:00Z", "r1", "gpt-4o", "model.p.a", 0.25, "ok", true),
                call("2026-11-03T09:00:00Z", "other", "gpt-4o", "model.q.x", 9.0, "ok", false),
                call("2026-11-03T09:00:00Z", "test", "gpt-4o", null, 1.0, "ok", false));
        List<RunUsage> usage = RunUsage.of(ledger, Set.of("model.p.a", "model.p.b"));
        assertEquals(List.of("r1 gpt-4o", "r2 gpt-4o", "r2 gpt-4o-mini"),
                usage.stream().map(u -> u.run() + " " + u.model()).toList());
        RunUsage r2 = usage.get(1);
        assertEquals(2, r2.calls());
        assertEquals(1, r2.failed());
        assertEquals(0.5, r2.costUsd());
        assertEquals(200, r2.inputTokens());
        assertEquals("2026-11-02T10:00:00Z", r2.start());
        assertEquals(1, usage.get(2).unpriced(), "a successful call without a price");
        assertEquals(1, usage.get(0).cacheHits());
    }

    @Test
    void readsTheLedgerFileAndNothingWhenThereIsNone(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("osmosis.db");
        assertEquals(List.of(), RunUsage.read(file, Set.of("model.p.a")));
        try (UsageDatabase db = UsageDatabase.open(file)) {
            new Ledger(db).append(call("2026-11-01T09:00:00Z", "r1", "gpt-4o", "model.p.a", 0.25, "ok", false));
        }
        assertEquals(1, RunUsage.read(file, Set.of("model.p.a")).get(0).calls());
    }
}
