package dev.osmosis.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osmosis.OsmosisException;
import dev.osmosis.llm.LlmClient;
import dev.osmosis.llm.LlmRequest;
import dev.osmosis.llm.Usage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageSessionTest {
    @TempDir
    Path dir;

    private static final List<LlmRequest> WORK = List.of(
            LlmRequest.text("sys", "describe orders").withLabel("model", "model.shop.orders"),
            LlmRequest.text("sys", "describe orders.id").withLabel("column", "model.shop.orders"),
            LlmRequest.text("sys", "describe customers").withLabel("model", "model.shop.customers"));

    private UsageSettings settings(boolean dryRun, boolean cache, Path statsFile) {
        return new UsageSettings(dryRun, true, statsFile, null, null, cache, Duration.ofDays(30), Map.of());
    }

    private void run(LlmClient chain) {
        WORK.forEach(chain::complete);
    }

    @Test
    void dryRunPredictsTheCallsOfTheRealRunAndAFollowingRunIsServedFromTheCache() throws Exception {
        Path db = dir.resolve("osmosis.db");
        FakeLlm provider = new FakeLlm();
        StringWriter out = new StringWriter();
        try (UsageSession dry = new UsageSession(settings(true, true, null), "openai", "gpt-4o", db,
                Clock.systemUTC())) {
            run(dry.wrap(provider));
            dry.writeReports(new PrintWriter(out), new PrintWriter(new StringWriter()), false);
            assertEquals(0, provider.calls.get(), "a dry run makes no request");
            assertEquals(3, dry.dryRunReport().total().calls());
        }
        assertTrue(out.toString().contains("model.shop.customers"), out.toString());

        Path statsFile = dir.resolve("out/stats.json");
        StringWriter err = new StringWriter();
        try (UsageSession real = new UsageSession(settings(false, true, statsFile), "openai", "gpt-4o", db,
                Clock.systemUTC())) {
            run(real.wrap(provider));
            real.writeReports(new PrintWriter(new StringWriter()), new PrintWriter(err), false);
        }
        assertEquals(3, provider.calls.get(), "the real run makes exactly the predicted calls");
        JsonNode stats = new ObjectMapper().readTree(Files.readString(statsFile));
        assertEquals(3 * 100, stats.path("total").path("input_tokens").asLong(), "sum of reported usage");
        assertEquals(3 * 20, stats.path("total").path("output_tokens").asLong());
        assertTrue(err.toString().contains("total"), err.toString());

        try (UsageSession again = new UsageSession(settings(false, true, null), "openai", "gpt-4o", db,
                Clock.systemUTC())) {
            run(again.wrap(provider));
            assertEquals(3, again.stats().snapshot().total().cacheHits());
        }
        assertEquals(3, provider.calls.get(), "second run: zero requests");

        try (UsageDatabase d = UsageDatabase.open(db)) {
            List<LedgerEntry> ledger = new Ledger(d).since(Instant.EPOCH);
            assertEquals(6, ledger.size(), "real calls and cache hits, no dry-run calls");
            assertEquals(3, ledger.stream().filter(LedgerEntry::cacheHit).count());
        }
    }

    @Test
    void cacheOffCallsEveryTimeAndBudgetStopsTheRun() {
        FakeLlm provider = new FakeLlm();
        provider.usage = new Usage(1000, 1000);
        UsageSettings s = new UsageSettings(false, false, null, null, 2200L, false, null, Map.of());
        try (UsageSession session = new UsageSession(s, "openai", "gpt-4o", dir.resolve("osmosis.db"),
                Clock.systemUTC())) {
            LlmClient chain = session.wrap(provider);
            chain.complete(WORK.get(0));
            assertThrows(OsmosisException.class, () -> chain.complete(WORK.get(0)));
            assertEquals(1, provider.calls.get());
            assertEquals(2000, session.budget().spentTokens());
            UsageRow total = session.stats().snapshot().total();
            assertEquals(0, total.failed(), "a call the budget refused did not fail: it was never sent");
            assertEquals(1, total.refused());
            assertEquals(1, total.requests(), "only the call that was sent is a request");
            assertTrue(UsageReportFormat.json(session.stats().snapshot()).contains("\"refused\" : 1"));
        }
    }

    @Test
    void priceOverridesFromConfigReachTheChain() {
        UsageSettings s = new UsageSettings(true, false, null, null, null, false, null,
                Map.of("my-model", Map.of("input", 1.0, "output", 1.0)));
        try (UsageSession session = new UsageSession(s, "openai", "my-model", null, Clock.systemUTC())) {
            session.wrap(r -> {
                throw new AssertionError("dry run must not call the provider");
            }).complete(WORK.get(0));
            assertTrue(session.dryRunReport().total().cost().isPresent());
            StringWriter out = new StringWriter();
            session.writeReports(new PrintWriter(out), new PrintWriter(new StringWriter()), true);
            assertFalse(out.toString().isBlank());
        }
    }

    @Test
    void unwritableDatabaseDegradesToNoCache() throws Exception {
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "not a folder");
        FakeLlm provider = new FakeLlm();
        try (UsageSession session = new UsageSession(settings(false, true, null), "openai", "gpt-4o",
                blocker.resolve("osmosis.db"), Clock.systemUTC())) {
            LlmClient chain = session.wrap(provider);
            chain.complete(WORK.get(0));
            chain.complete(WORK.get(0));
        }
        assertEquals(2, provider.calls.get());
    }

    @org.junit.jupiter.api.Test
    void aDryRunNeverCreatesTheDatabase() {
        Path db = dir.resolve("home/osmosis.db");
        try (UsageSession dry = new UsageSession(settings(true, true, null), "openai", "gpt-4o", db,
                java.time.Clock.systemUTC())) {
            dry.wrap(request -> {
                throw new AssertionError("a dry run calls nobody");
            }).complete(dev.osmosis.llm.LlmRequest.text("s", "u"));
        }
        org.junit.jupiter.api.Assertions.assertFalse(java.nio.file.Files.exists(db));
    }
}
