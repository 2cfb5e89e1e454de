package dev.osmosis.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osmosis.llm.LlmException;
import dev.osmosis.llm.LlmRequest;
import dev.osmosis.llm.LlmResponse;
import dev.osmosis.llm.Usage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientChainTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-01T12:00:00Z"), ZoneOffset.UTC);
    private static final PriceTable PRICES = PriceTable.builtIn();

    @TempDir
    Path dir;

    private final FakeLlm provider = new FakeLlm();

    @Test
    void meteredRecordsSuccessFailureRetriesAndCostIntoStatsAndLedger() throws Exception {
        try (UsageDatabase db = UsageDatabase.open(dir.resolve("osmosis.db"))) {
            UsageStats stats = new UsageStats();
            Ledger ledger = new Ledger(db);
            MeteredClient metered = new MeteredClient(provider, stats, PRICES, "openai", "gpt-4o", ledger, "run-1",
                    CLOCK);
            metered.complete(LlmRequest.text("", "a").withLabel("column", "model.shop.orders"));
            provider.attempts = 3;
            metered.complete(LlmRequest.text("", "b").withLabel("model", "model.shop.orders"));
            provider.failWith = new LlmException(LlmException.Kind.RATE_LIMITED, "slow down");
            assertThrows(LlmException.class, () -> metered.complete(LlmRequest.text("", "c").withLabel("column", "x")));

            UsageRow total = stats.snapshot().total();
            assertEquals(2, total.ok());
            assertEquals(1, total.failed());
            assertEquals(1, total.retried());
            assertEquals(200, total.inputTokens(), "sum of the usage the provider reported");
            assertEquals(40, total.outputTokens());
            assertEquals(2 * PRICES.cost("openai", "gpt-4o", 100, 20).getAsDouble(), total.cost().orElseThrow(), 1e-12);
            assertEquals(2, stats.snapshot().byOperation().size());

            var rows = ledger.since(CLOCK.instant());
            assertEquals(3, rows.size());
            assertEquals("rate_limited", rows.get(2).status());
            assertEquals("run-1", rows.get(0).runId());
            assertEquals("model.shop.orders", rows.get(0).nodeId());
        }
    }

    @Test
    void unknownPriceIsReportedAsUnknownNotZero() {
        UsageStats stats = new UsageStats();
        provider.model = "my-deployment";
        new MeteredClient(provider, stats, PRICES, "azure-openai", "my-deployment", null, "r", CLOCK)
                .complete(LlmRequest.text("", "a"));
        assertTrue(stats.snapshot().total().cost().isEmpty());
        assertEquals(1, stats.snapshot().total().unpricedCalls());
        assertTrue(UsageReportFormat.text(stats.snapshot()).contains("unknown"));
        assertTrue(UsageReportFormat.json(stats.snapshot()).contains("\"cost_usd\" : null"));
    }

    @Test
    void cacheHitReturnsWithoutCallingTheProviderAndCostsNothing() {
        try (UsageDatabase db = UsageDatabase.open(dir.resolve("osmosis.db"))) {
            UsageStats stats = new UsageStats();
            var chain = new MeteredClient(
                    new CachedClient(provider, new ResponseCache(db), "openai", "gpt-4o", Duration.ofDays(30), CLOCK),
                    stats, PRICES, "openai", "gpt-4o", new Ledger(db), "r", CLOCK);
            LlmResponse first = chain.complete(LlmRequest.text("sys", "describe id").withLabel("column", "a"));
            LlmResponse second = chain.complete(LlmRequest.text("sys", "describe id").withLabel("bulk", "b"));
            assertEquals(1, provider.calls.get(), "second call served from the cache, labels ignored");
            assertFalse(first.cached());
            assertTrue(second.cached());
            assertEquals(first.text(), second.text());
            UsageRow total = stats.snapshot().total();
            assertEquals(1, total.cacheHits());
            assertEquals(100, total.inputTokens(), "a cache hit uses no tokens");
            assertEquals(PRICES.cost("openai", "gpt-4o", 100, 20).getAsDouble(), total.cost().orElseThrow(), 1e-12);
            chain.complete(LlmRequest.text("sys", "describe name"));
            assertEquals(2, provider.calls.get());
        }
    }

    @Test
    void cacheExpiresAfterTtlAndFailuresAreNotCached() {
        try (UsageDatabase db = UsageDatabase.open(dir.resolve("osmosis.db"))) {
            ResponseCache cache = new ResponseCache(db);
            new CachedClient(provider, cache, "openai", "gpt-4o", Duration.ofHours(1), CLOCK)
                    .complete(LlmRequest.text("", "q"));
            Clock later = Clock.offset(CLOCK, Duration.ofHours(2));
            new CachedClient(provider, cache, "openai", "gpt-4o", Duration.ofHours(1), later)
                    .complete(LlmRequest.text("", "q"));
            assertEquals(2, provider.calls.get(), "expired entry is not used");
            provider.failWith = new LlmException(LlmException.Kind.SERVER, "down");
            CachedClient c = new CachedClient(provider, cache, "openai", "gpt-4o", Duration.ofHours(1), CLOCK);
            assertThrows(LlmException.class, () -> c.complete(LlmRequest.text("", "new")));
            assertThrows(LlmException.class, () -> c.complete(LlmRequest.text("", "new")));
            assertEquals(4, provider.calls.get());
        }
    }

    @Test
    void cacheKeyCoversContentButNotLabels() throws Exception {
        LlmRequest base = new LlmRequest("s", "u", 0.2, 500, null, null, "column", "n1");
        String key = CacheKey.of("openai", "gpt-4o", base);
        assertEquals(key, CacheKey.of("openai", "gpt-4o", base.withLabel("bulk", "n2")));
        assertEquals(64, key.length());
        assertNotEquals(key, CacheKey.of("openai", "gpt-4o-mini", base));
        assertNotEquals(key, CacheKey.of("anthropic", "gpt-4o", base));
        assertNotEquals(key, CacheKey.of("openai", "gpt-4o", new LlmRequest("s", "u", 0.3, 500, null, null, "c", "n")));
        assertNotEquals(key, CacheKey.of("openai", "gpt-4o", new LlmRequest("s", "u", 0.2, 600, null, null, "c", "n")));
        assertNotEquals(key, CacheKey.of("openai", "gpt-4o", new LlmRequest("S", "u", 0.2, 500, null, null, "c", "n")));
        var m = new ObjectMapper();
        var s1 = m.readTree("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"string\"}}}");
        var s2 = m.readTree("{\"properties\":{\"b\":{\"type\":\"string\"},\"a\":{\"type\":\"string\"}},\"type\":\"object\"}");
        var s3 = m.readTree("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}");
        String k1 = CacheKey.of("openai", "gpt-4o", new LlmRequest("s", "u", null, null, s1, "d", "c", null));
        assertEquals(k1, CacheKey.of("openai", "gpt-4o", new LlmRequest("s", "u", null, null, s2, "d", "c", null)));
        assertNotEquals(k1, CacheKey.of("openai", "gpt-4o", new LlmRequest("s", "u", null, null, s3, "d", "c", null)));
    }

    @Test
    void databaseFileNeverContainsTheApiKey() throws Exception {
        String apiKey = "sk-test-DISTINCTIVE-4f1c9e7a";
        Path file = dir.resolve("osmosis.db");
        try (UsageDatabase db = UsageDatabase.open(file)) {
            // the provider end holds the key; nothing above it ever sees it
            FakeLlm keyed = new FakeLlm();
            var chain = new MeteredClient(new CachedClient(r -> {
                assertFalse(r.toString().contains(apiKey));
                return keyed.complete(r);
            }, new ResponseCache(db), "openai", "gpt-4o", Duration.ofDays(1), CLOCK), new UsageStats(), PRICES,
                    "openai", "gpt-4o", new Ledger(db), "r", CLOCK);
            chain.complete(LlmRequest.text("sys", "user"));
            chain.complete(LlmRequest.text("sys", "user"));
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertFalse(bytes.contains(apiKey), f.toString());
                assertFalse(bytes.contains("DISTINCTIVE"), f.toString());
            }
        }
    }

    @Test
    void dryRunMakesNoRequestAndAnswersWithSchemaShapedPlaceholder() throws Exception {
        DryRunReport report = new DryRunReport();
        DryRunClient dry = new DryRunClient(new TokenCounter(), PRICES, "openai", "gpt-4o", report);
        var schema = new ObjectMapper().readTree("{\"type\":\"object\",\"required\":[\"description\",\"columns\","
                + "\"kind\",\"n\",\"pii\"],\"properties\":{\"description\":{\"type\":\"string\"},\"columns\":"
                + "{\"type\":\"array\",\"items\":{\"type\":\"object\"}},\"kind\":{\"enum\":[\"fact\",\"dim\"]},"
                + "\"n\":{\"type\":\"integer\"},\"pii\":{\"type\":\"boolean\"},\"optional\":{\"type\":\"string\"}}}");
        LlmResponse r = dry.complete(new LlmRequest("sys", "describe orders", null, null, schema, "doc", "model",
                "model.shop.orders"));
        assertEquals(DryRunClient.FINISH_REASON, r.finishReason());
        assertTrue(r.json().get("description").isTextual());
        assertTrue(r.json().get("columns").isArray());
        assertEquals("fact", r.json().get("kind").asText());
        assertTrue(r.json().get("n").isInt());
        assertFalse(r.json().has("optional"));
        assertEquals(r.json(), new ObjectMapper().readTree(r.text()));
        dry.complete(LlmRequest.text("sys", "describe id").withLabel("column", "model.shop.orders"));
        dry.complete(LlmRequest.text("sys", "describe x").withLabel("column", "model.shop.customers"));

        PlannedCall first = report.calls().get(0);
        assertEquals(new TokenCounter().countRequest(new LlmRequest("sys", "describe orders", null, null, schema,
                "doc", "model", null), "openai", "gpt-4o").count(), first.inputTokens());
        assertTrue(first.inputExact());
        assertEquals(2, report.perNode().size());
        PlanTotals total = report.total();
        assertEquals(3, total.calls());
        assertEquals(report.calls().stream().mapToLong(PlannedCall::inputTokens).sum(), total.inputTokens());
        assertTrue(total.cost().orElseThrow() > 0);
        report.markPromptEstimated("model.shop.customers");
        String text = DryRunReportFormat.text(report);
        assertTrue(text.contains("model.shop.customers *"), text);
        assertTrue(text.contains("total"), text);
        var json = new ObjectMapper().readTree(DryRunReportFormat.json(report));
        assertEquals(3, json.path("total").path("calls").asInt());
        assertEquals(2, json.path("nodes").size());
    }

    @Test
    void dryRunAnswersAreNeitherCachedNorLedgered() throws Exception {
        try (UsageDatabase db = UsageDatabase.open(dir.resolve("osmosis.db"))) {
            DryRunReport report = new DryRunReport();
            var chain = new MeteredClient(new CachedClient(new DryRunClient(new TokenCounter(), PRICES, "anthropic",
                    "claude-haiku-4-5", report), new ResponseCache(db), "anthropic", "claude-haiku-4-5",
                    Duration.ofDays(1), CLOCK), new UsageStats(), PRICES, "anthropic", "claude-haiku-4-5",
                    new Ledger(db), "r", CLOCK);
            chain.complete(LlmRequest.text("", "q"));
            chain.complete(LlmRequest.text("", "q"));
            assertEquals(2, report.calls().size());
            assertFalse(report.total().inputExact(), "Anthropic input is estimated");
            assertEquals(0, new ResponseCache(db).size());
            assertTrue(new Ledger(db).since(Instant.EPOCH).isEmpty());
            assertTrue(DryRunReportFormat.text(report).contains("estimated"));
        }
    }

    @Test
    void dryRunOfUnknownModelShowsCostUnknown() {
        DryRunReport report = new DryRunReport();
        new DryRunClient(new TokenCounter(), PRICES, "openai", "gpt-9", report).complete(LlmRequest.text("", "q"));
        assertNull(report.calls().get(0).costUsd());
        assertTrue(report.total().cost().isEmpty());
        assertTrue(DryRunReportFormat.text(report).contains("unknown"));
    }

    @Test
    void percentilesUseNearestRank() {
        UsageStats stats = new UsageStats();
        for (int ms = 1; ms <= 20; ms++) {
            stats.record(new CallRecord("openai", "gpt-4o", "column", null, "ok", false, false, new Usage(1, 1), 0.0,
                    Duration.ofMillis(ms * 10L)));
        }
        UsageRow row = stats.snapshot().total();
        assertEquals(100, row.p50Ms());
        assertEquals(190, row.p95Ms());
        assertEquals(0, UsageStats.percentile(java.util.List.of(), 0.5));
    }

    /** tuva showed p50 1,261 ms for a server answering in 150 ms: the wait for a slot was counted as latency. */
    @Test
    void statsReportTheProvidersLatencyAndTheTimeQueuedApart() throws Exception {
        provider.sleepMs = 100; // the fake reports 5 ms as its own time; the 100 ms hold the one slot
        dev.osmosis.llm.chain.RateLimiter oneAtATime = new dev.osmosis.llm.chain.RateLimiter(0, 0, 1,
                Duration.ofMinutes(1), dev.osmosis.llm.TimeSource.SYSTEM);
        UsageStats stats = new UsageStats();
        MeteredClient metered = new MeteredClient(new dev.osmosis.llm.chain.RateLimitedClient(provider, oneAtATime,
                r -> 1, Duration.ofSeconds(1)), stats, PRICES, "openai", "gpt-4o", null, "r", CLOCK);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            java.util.List<java.util.concurrent.Future<LlmResponse>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                calls.add(pool.submit(() -> metered.complete(LlmRequest.text("", "q"))));
            }
            for (java.util.concurrent.Future<LlmResponse> call : calls) {
                call.get();
            }
        } finally {
            pool.shutdownNow();
        }
        UsageRow total = stats.snapshot().total();
        assertEquals(5, total.p50Ms(), "the provider's own time");
        assertEquals(5, total.p95Ms());
        assertTrue(total.queuedP95Ms() >= 150, "the last call waited for two others: " + total.queuedP95Ms());
        assertTrue(UsageReportFormat.text(stats.snapshot()).contains("queued p95"));
        assertTrue(UsageReportFormat.json(stats.snapshot()).contains("\"queued_p95_ms\""));
    }
}
