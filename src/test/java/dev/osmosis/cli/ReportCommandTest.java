package dev.osmosis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osmosis.report.ReportPage;
import dev.osmosis.testing.TestProjects;
import dev.osmosis.usage.Ledger;
import dev.osmosis.usage.LedgerEntry;
import dev.osmosis.usage.UsageDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    @TempDir Path tmp;

    @Test
    void writesTheDefaultFileInTheWorkingFolderWithCoveragesTotalsAndTheLedgersRuns() throws Exception {
        Path project = TestProjects.corpus("shopverse");
        Path home = tmp.resolve("home");
        try (UsageDatabase db = UsageDatabase.open(home.resolve("osmosis.db"))) {
            new Ledger(db).append(new LedgerEntry(Instant.parse("2026-11-01T09:00:00Z"), "run-1", "openai",
                    "gpt-4o", "bulk", "model.shopverse_analytics.stg_orders", 100, 20, 0.01, 5, "ok", false));
        }
        Map<String, String> env = Map.of("OSMOSIS_HOME", home.toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Osmosis(env, tmp).run(new PrintWriter(out), new PrintWriter(err), "report", "--project-dir",
                project.toString());
        assertEquals(0, code, err.toString());
        assertEquals("", out.toString());
        Path page = tmp.resolve("osmosis-report.html");
        assertTrue(err.toString().contains("wrote " + page + ": 18 nodes, 83 columns (23 documented"), err.toString());
        JsonNode data = ReportPage.data(page);
        JsonNode coverage = new ObjectMapper().readTree(CliHarness.run("coverage", "--project-dir",
                project.toString(), "--format", "json").out()).get("total");
        assertEquals(coverage, data.get("totals"));
        assertEquals("run-1", data.at("/usage/0/run").asText());
        assertEquals(1, data.at("/usage/0/calls").asInt());
    }

    @Test
    void selectorsNarrowTheReport() throws Exception {
        Path page = tmp.resolve("r.html");
        CliHarness.Result r = CliHarness.run("report", "--project-dir", TestProjects.corpus("shopverse").toString(),
                "--output", page.toString(), "stg_orders");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode data = ReportPage.data(page);
        assertEquals(1, data.get("nodes").size());
        assertEquals("stg_orders", data.at("/nodes/0/name").asText());
    }

    @Test
    void anUnreadableYamlFileIsNamedOnThePageAndOnStderr() throws Exception {
        Path project = TestProjects.copy(TestProjects.corpus("shopverse"), tmp.resolve("shopverse"));
        Files.writeString(project.resolve("models/gold/model.yml"), "models:\n  - name: [unclosed\n");
        Path page = tmp.resolve("r.html");
        CliHarness.Result r = CliHarness.run("report", "--project-dir", project.toString(), "--output",
                page.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("model.yml") && r.err().contains("the manifest's docs"), r.err());
        JsonNode warnings = ReportPage.data(page).get("warnings");
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).asText().contains("model.yml"), warnings.toString());
    }

    @Test
    void aMissingOutputFolderIsAUsageErrorAndWritesNothing() {
        Path page = tmp.resolve("missing/r.html");
        CliHarness.Result r = CliHarness.run("report", "--project-dir",
                TestProjects.corpus("jaffle_shop_classic").toString(), "--output", page.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("does not exist"), r.err());
        assertFalse(Files.exists(page.getParent()));
    }
}
