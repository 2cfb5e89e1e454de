package dev.osmosis.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osmosis.cli.CliHarness;
import dev.osmosis.testing.FakeOpenAi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run reports must name what happened: the column left unchanged, the calls the budget refused. */
class ReportedFaultsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path tmp;

    @Test
    void anAnchoredValueIsReportedByItsColumnWhileTheOtherColumnsAreEdited() throws Exception {
        Path root = tmp.resolve("p");
        SynthesisFlowTest.writeProject(root);
        Path sources = root.resolve("models/sources.yml");
        Files.writeString(sources, Files.readString(sources)
                + "          - name: status\n            description: Order status.\n");
        // stg.id's empty description is an anchor that fct.id shares
        Path schema = root.resolve("models/schema.yml");
        Files.writeString(schema, Files.readString(schema)
                .replace("      - name: id\n      - name: status\n  - name: fct",
                        "      - name: id\n        description: &blank \"\"\n      - name: status\n  - name: fct")
                .replace("      - name: id\n      - name: status\n      - name: total",
                        "      - name: id\n        description: *blank\n      - name: status\n      - name: total"));

        CliHarness.Result r = CliHarness.run(Map.of("OSMOSIS_HOME", tmp.resolve("home").toString()), "yaml",
                "document", "--project-dir", root.toString());

        String yaml = Files.readString(root.resolve("models/schema.yml"));
        assertTrue(yaml.contains("description: Order status."), "stg.status is edited: " + yaml);
        assertTrue(r.err().contains("warning: models/schema.yml: left model stg column id description unchanged: "),
                r.err());
        assertFalse(r.err().contains("left model stg unchanged"), "the model itself was edited: " + r.err());
    }

    @Test
    void callsTheBudgetRefusedAreCountedAsRefusedNotAsRequests() throws Exception {
        Path root = tmp.resolve("p");
        SynthesisFlowTest.writeProject(root);
        Path stats = tmp.resolve("stats.json");
        try (FakeOpenAi llm = new FakeOpenAi()) {
            CliHarness.Result r = CliHarness.run(llm.env(tmp.resolve("home")), "yaml", "document", "--synthesize",
                    "--llm-max-cost", "0.0000001", "--llm-stats", "--llm-stats-file", stats.toString(),
                    "--project-dir", root.toString());

            assertEquals(1, r.exitCode(), r.err());
            assertEquals(0, llm.requests().size());
            JsonNode total = JSON.readTree(stats.toFile()).get("total");
            assertEquals(0, total.get("requests").asInt(), total.toString());
            assertEquals(0, total.get("failed").asInt(), total.toString());
            assertTrue(total.get("refused").asInt() >= 1, total.toString());
            assertTrue(r.err().contains("refused"), "the table has the column: " + r.err());
        }
    }
}
