package dev.osmosis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osmosis.OsmosisException;
import dev.osmosis.llm.LlmResponse;
import dev.osmosis.llm.Usage;
import dev.osmosis.usage.Ledger;
import dev.osmosis.usage.LedgerEntry;
import dev.osmosis.usage.ResponseCache;
import dev.osmosis.usage.UsageDatabase;
import dev.osmosis.usage.UsageSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class UsageCommandsTest {
    private static final Instant NOW = Instant.parse("2026-05-10T12:00:00Z");

    @TempDir
    Path home;

    private Map<String, String> env() {
        return Map.of("OSMOSIS_HOME", home.toString());
    }

    private String run(Object command, String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));
        int code = cli.execute(args);
        assertEquals(0, code, out.toString());
        return out.toString();
    }

    private void seed() throws Exception {
        try (UsageDatabase db = UsageDatabase.open(home.resolve("osmosis.db"))) {
            Ledger ledger = new Ledger(db);
            ledger.append(new LedgerEntry(NOW.minus(Duration.ofDays(30)), "old", "openai", "gpt-4o", "column", "a",
                    999, 999, 1.0, 10, "ok", false));
            ledger.append(new LedgerEntry(NOW.minus(Duration.ofHours(3)), "r", "openai", "gpt-4o", "column", "a",
                    100, 20, 0.00045, 10, "ok", false));
            ledger.append(new LedgerEntry(NOW.minus(Duration.ofHours(2)), "r", "openai", "gpt-4o", "column", "a",
                    100, 20, 0.0, 0, "ok", true));
            new ResponseCache(db).put("k", new LlmResponse("t", null, new Usage(1, 1), "stop", null, 1, "openai",
                    "gpt-4o", false), NOW);
        }
    }

    @Test
    void statsReportsHistorySinceAWindowAsTextAndJson() throws Exception {
        seed();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        String text = run(new LlmStatsCommand(env(), clock));
        assertTrue(text.contains("gpt-4o"), text);
        assertTrue(text.contains("total (7d)"), text);
        assertTrue(!text.contains("999"), "30-day-old call is outside the default 7d window: " + text);

        JsonNode json = new ObjectMapper().readTree(run(new LlmStatsCommand(env(), clock), "--since", "60d",
                "--format", "json"));
        assertEquals(2, json.path("rows").size());
        assertEquals("60d", json.path("since").asText());

        String none = run(new LlmStatsCommand(Map.of("OSMOSIS_HOME", home.resolve("empty").toString()), clock));
        assertTrue(none.contains("No LLM calls recorded"), none);
    }

    @Test
    void statsRejectsABadWindow() {
        CommandLine cli = new CommandLine(new LlmStatsCommand(env(), Clock.systemUTC()));
        cli.setExecutionExceptionHandler((ex, cmd, pr) -> ex instanceof OsmosisException oe ? oe.exitCode() : 1);
        cli.setErr(new PrintWriter(new StringWriter()));
        assertEquals(2, cli.execute("--since", "a week"));
    }

    @Test
    void cacheClearEmptiesTheCacheAndKeepsTheLedger() throws Exception {
        seed();
        String out = run(new LlmCacheCommand(env()), "clear");
        assertTrue(out.contains("Removed 1 cached LLM response from"), out);
        try (UsageDatabase db = UsageDatabase.open(home.resolve("osmosis.db"))) {
            assertEquals(0, new ResponseCache(db).size());
            assertEquals(3, new Ledger(db).since(Instant.EPOCH).size());
        }
        assertTrue(run(new LlmCacheCommand(env()), "clear").contains("Removed 0 cached LLM responses"));
    }

    @Test
    void cacheClearWithoutADatabaseSaysSoAndCreatesNone() throws Exception {
        String out = run(new LlmCacheCommand(env()), "clear");
        assertTrue(out.contains("No LLM response cache at " + home.resolve("osmosis.db")), out);
        assertTrue(out.contains("nothing to clear"), out);
        assertFalse(Files.exists(home.resolve("osmosis.db")));
    }

    @Test
    void commandsFindTheEnvironmentOfTheRootCommand() throws Exception {
        seed();
        CliHarness.Result r = CliHarness.run(env(), "llm", "cache", "clear");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains(home.resolve("osmosis.db").toString()), r.out());
        CliHarness.Result stats = CliHarness.run(env(), "llm", "stats", "--since", "7d");
        assertEquals(0, stats.exitCode(), stats.err());
    }

    @Command(name = "doc")
    static final class WithUsage implements Runnable {
        @Mixin
        UsageOptions usage;

        @Override
        public void run() {
        }
    }

    private UsageOptions parse(String... args) {
        WithUsage cmd = new WithUsage();
        new CommandLine(cmd).parseArgs(args);
        return cmd.usage;
    }

    @Test
    void usageOptionsResolveCliOverEnvOverProject() {
        UsageSettings none = parse().resolve(Map.of(), null);
        assertEquals(UsageSettings.defaults(), none);

        UsageSettings all = parse("--llm-dry-run", "--llm-stats", "--llm-stats-file", "s.json", "--llm-max-cost",
                "0.50", "--llm-token-budget", "100000", "--no-llm-cache", "--llm-cache-ttl", "12h")
                .resolve(Map.of("OSMOSIS_LLM_TRACK_USAGE", "false"), Map.of("cache", true, "max_cost_per_run", 9));
        assertEquals(new UsageSettings(true, true, Path.of("s.json"), 0.5, 100000L, false, Duration.ofHours(12),
                Map.of()), all);

        UsageSettings fromEnvAndProject = parse().resolve(Map.of("OSMOSIS_LLM_TRACK_USAGE", "1"), Map.of(
                "track_usage", false, "dry_run", "true", "max_cost_per_run", "2.5", "cache", false, "cache_ttl", "7d",
                "token_budget", 5000, "prices", Map.of("m", Map.of("input", 1, "output", 2))));
        assertTrue(fromEnvAndProject.stats(), "environment beats project");
        assertTrue(fromEnvAndProject.dryRun());
        assertEquals(2.5, fromEnvAndProject.maxCostUsd());
        assertEquals(5000L, fromEnvAndProject.tokenBudget());
        assertEquals(Duration.ofDays(7), fromEnvAndProject.cacheTtl());
        assertEquals(1, fromEnvAndProject.priceOverrides().size());
        assertNull(fromEnvAndProject.statsFile());
        assertTrue(parse("--llm-cache").resolve(Map.of(), Map.of("cache", false)).cache(), "flag beats project");
    }

    @Test
    void badUsageValuesSayWhatToFix() {
        assertEquals(2, assertThrows(OsmosisException.class,
                () -> parse("--llm-max-cost", "-1").resolve(Map.of(), null)).exitCode());
        assertTrue(assertThrows(OsmosisException.class,
                () -> parse("--llm-cache-ttl", "soon").resolve(Map.of(), null)).getMessage().contains("7d"));
        assertTrue(assertThrows(OsmosisException.class,
                () -> parse().resolve(Map.of("OSMOSIS_LLM_TRACK_USAGE", "maybe"), null)).getMessage()
                .contains("OSMOSIS_LLM_TRACK_USAGE"));
        assertThrows(OsmosisException.class, () -> parse().resolve(Map.of(), Map.of("max_cost_per_run", "lots")));
        assertThrows(OsmosisException.class, () -> parse().resolve(Map.of(), Map.of("prices", "cheap")));
        assertThrows(OsmosisException.class, () -> parse("--llm-token-budget", "0").resolve(Map.of(), null));
    }
}
