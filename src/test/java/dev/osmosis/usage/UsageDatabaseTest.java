package dev.osmosis.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osmosis.llm.LlmResponse;
import dev.osmosis.llm.Usage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageDatabaseTest {
    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void locationFollowsOsmosisHomeThenXdgThenHome() {
        assertEquals(Path.of("/o/osmosis.db"), UsageHome.databaseFile(Map.of("OSMOSIS_HOME", "/o", "HOME", "/h")));
        assertEquals(Path.of("/x/osmosis/osmosis.db"),
                UsageHome.databaseFile(Map.of("XDG_CACHE_HOME", "/x", "HOME", "/h")));
        assertEquals(Path.of("/h/.cache/osmosis/osmosis.db"), UsageHome.databaseFile(Map.of("HOME", "/h")));
    }

    @Test
    void cacheStoresAnswersAndHonoursTtl() throws Exception {
        try (UsageDatabase db = UsageDatabase.open(dir.resolve("sub/osmosis.db"))) {
            ResponseCache cache = new ResponseCache(db);
            var json = new ObjectMapper().readTree("{\"description\":\"Primary key\"}");
            cache.put("k1", new LlmResponse(json.toString(), json, new Usage(10, 5), "stop", Duration.ofSeconds(2), 3,
                    "openai", "gpt-4o", false), NOW);
            LlmResponse back = cache.get("k1", Duration.ofDays(30), NOW.plus(Duration.ofDays(1))).orElseThrow();
            assertEquals(json, back.json());
            assertEquals(new Usage(10, 5), back.usage());
            assertEquals("gpt-4o", back.model());
            assertFalse(cache.get("k1", Duration.ofHours(1), NOW.plus(Duration.ofDays(1))).isPresent(), "expired");
            assertFalse(cache.get("other", Duration.ofDays(30), NOW).isPresent());
            assertEquals(1, cache.purgeExpired(Duration.ofHours(1), NOW.plus(Duration.ofDays(1))));
            cache.put("k2", new LlmResponse("t", null, null, null, null, 1, "openai", "gpt-4o", false), NOW);
            assertNull(cache.get("k2", Duration.ofDays(1), NOW).orElseThrow().json());
            assertEquals(1, cache.size());
            assertEquals(1, cache.clear());
            assertEquals(0, cache.size());
        }
    }

    @Test
    void ledgerKeepsCallsAndAggregatesPerDayModelOperation() throws Exception {
        try (UsageDatabase db = UsageDatabase.open(dir.resolve("osmosis.db"))) {
            Ledger ledger = new Ledger(db);
            ledger.append(entry(NOW.minus(Duration.ofDays(10)), "column", 100, 10, 0.01, "ok", false));
            ledger.append(entry(NOW.minus(Duration.ofHours(2)), "column", 100, 10, 0.01, "ok", false));
            ledger.append(entry(NOW.minus(Duration.ofHours(1)), "column", 100, 10, 0.0, "ok", true));
            ledger.append(entry(NOW.minus(Duration.ofHours(1)), "column", -1, -1, null, "rate_limited", false));
            ledger.append(entry(NOW, "bulk", 500, 50, null, "ok", false));
            List<HistoryRow> rows = ledger.history(NOW.minus(Duration.ofDays(7)));
            assertEquals(2, rows.size(), rows.toString());
            HistoryRow bulk = rows.get(0);
            assertEquals("bulk", bulk.operation());
            assertEquals(1, bulk.unpriced());
            HistoryRow column = rows.get(1);
            assertEquals("2026-05-01", column.day());
            assertEquals(3, column.calls());
            assertEquals(1, column.failed());
            assertEquals(1, column.cacheHits());
            assertEquals(200, column.inputTokens());
            assertEquals(0.01, column.costUsd(), 1e-12);
            assertEquals(4, ledger.since(NOW.minus(Duration.ofDays(7))).size());
            assertNull(ledger.since(NOW).get(0).costUsd());
        }
    }

    @Test
    void twoWritersWithTheirOwnConnectionsDoNotLoseOrCorruptRows() throws Exception {
        Path file = dir.resolve("osmosis.db");
        int writers = 4;
        int rowsEach = 150;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Void>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String run = "run-" + w;
            Callable<Void> writer = () -> {
                try (UsageDatabase db = UsageDatabase.open(file)) { // separate connection, like another process
                    Ledger ledger = new Ledger(db);
                    ResponseCache cache = new ResponseCache(db);
                    start.await();
                    for (int i = 0; i < rowsEach; i++) {
                        ledger.append(new LedgerEntry(NOW, run, "openai", "gpt-4o", "column", "n" + i, 1, 1, 0.001,
                                1, "ok", false));
                        cache.put(run + i, new LlmResponse("x", null, new Usage(1, 1), "stop", null, 1, "openai",
                                "gpt-4o", false), NOW);
                    }
                }
                return null;
            };
            done.add(pool.submit(writer));
        }
        start.countDown();
        for (Future<Void> f : done) {
            f.get();
        }
        pool.shutdown();
        try (UsageDatabase db = UsageDatabase.open(file)) {
            assertEquals(writers * rowsEach, new Ledger(db).since(NOW).size());
            assertEquals(writers * rowsEach, new ResponseCache(db).size());
            String integrity = db.withConnection(c -> {
                try (var s = c.createStatement(); var rs = s.executeQuery("PRAGMA integrity_check")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertEquals("ok", integrity);
            String mode = db.withConnection(c -> {
                try (var s = c.createStatement(); var rs = s.executeQuery("PRAGMA journal_mode")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertEquals("wal", mode);
        }
        assertTrue(Files.size(file) > 0);
    }

    static LedgerEntry entry(Instant t, String op, long in, long out, Double cost, String status, boolean hit) {
        return new LedgerEntry(t, "run", "openai", "gpt-4o", op, "model.shop.orders", in, out, cost, 12, status, hit);
    }
}
