package dev.osmosis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osmosis.testing.TestProjects;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoverageCommandTest {
    @ParameterizedTest
    @CsvSource({
        // project, nodes, documented nodes, columns (YAML + catalog), documented columns
        "ethereum_models,     82, 23, 1045, 297",
        "jaffle_shop_classic,  8,  2,   21,  16",
        "shopverse,           18, 10,   83,  23",
        "snowplow_web,        27, 27, 1042, 775",
        "wmcsrp2,             96, 18, 5069, 1450",
        // counted independently from the YAML (PyYAML), the catalog and, for Fusion, its inferred columns
        "fusion_orders,       16,  3,   80,    0",
        "mesh_upstream,       10,  6,   25,   25",
        "mesh_downstream,      4,  4,    9,    9",
        "fivetran_salesforce, 42, 40, 2496, 1458",
    })
    void jsonReportHasTheRealFigures(String name, int nodes, int docNodes, int columns, int docColumns)
            throws Exception {
        CliHarness.Result r = CliHarness.run("coverage", "--project-dir", TestProjects.corpus(name).toString(),
                "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode total = new ObjectMapper().readTree(r.out()).get("total");
        assertEquals(nodes, total.get("nodes").asInt());
        assertEquals(docNodes, total.get("documentedNodes").asInt());
        assertEquals(columns, total.get("columns").asInt());
        assertEquals(docColumns, total.get("documentedColumns").asInt());
    }

    @Test
    void textReportListsWhatIsMissingPerFolder() {
        CliHarness.Result r = CliHarness.run("coverage", "--project-dir",
                TestProjects.corpus("jaffle_shop_classic").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("nodes    2/8  25.0%"), r.out());
        assertTrue(r.out().contains("Undocumented:"), r.out());
        assertTrue(r.out().contains("seed raw_orders (no description)"), r.out());
    }

    @Test
    void failUnderGatesCi() {
        String dir = TestProjects.corpus("shopverse").toString();
        CliHarness.Result low = CliHarness.run("coverage", "--project-dir", dir, "--fail-under", "50");
        assertEquals(1, low.exitCode());
        assertTrue(low.err().contains("32.7% is below --fail-under 50.0%"), low.err());
        assertEquals(0, CliHarness.run("coverage", "--project-dir", dir, "--fail-under", "30").exitCode());
    }

    @Test
    void selectorsNarrowTheReport() throws Exception {
        CliHarness.Result r = CliHarness.run("coverage", "--project-dir", TestProjects.corpus("shopverse").toString(),
                "--format", "json", "stg_orders");
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(1, json.get("nodes").size());
        assertEquals("stg_orders", json.get("nodes").get(0).get("name").asText());
    }

    @Test
    void missingManifestExitsTwoAndSaysWhatToDo(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("dbt_project.yml"), "name: p\n");
        CliHarness.Result r = CliHarness.run("coverage", "--project-dir", dir.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("dbt parse"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void noProjectAnywhereIsAUsageError(@TempDir Path dir) {
        CliHarness.Result r = CliHarness.run(java.util.Map.of(), "coverage", "--project-dir",
                dir.resolve("missing").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("does not exist"), r.err());
    }
}
