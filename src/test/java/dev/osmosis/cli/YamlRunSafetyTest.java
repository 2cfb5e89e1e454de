package dev.osmosis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.testing.FakeOpenAi;
import dev.osmosis.testing.TestProjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `yaml document` refuses or reports what would otherwise lose the user's work or hide a failure. */
class YamlRunSafetyTest {
    @TempDir Path tmp;

    @Test
    void llmDryRunWithoutSynthesizeWritesNothing() throws Exception {
        Path root = TestProjects.copy(Path.of("examples/shopverse"), tmp.resolve("project"));
        Map<String, String> before = TestProjects.snapshot(root);

        CliHarness.Result r = CliHarness.run(Map.of("OSMOSIS_HOME", tmp.resolve("home").toString()),
                "yaml", "document", "--llm-dry-run", "--project-dir", root.toString());

        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("--synthesize"), r.err());
        assertEquals(before, TestProjects.snapshot(root), "a preview must not write the YAML");
    }

    @Test
    void failedNodesAndUsageAreReportedEvenWhenAYamlFileCannotBeParsed() throws Exception {
        Path root = TestProjects.copy(Path.of("examples/shopverse"), tmp.resolve("project"));
        Files.writeString(root.resolve("models/gold/broken.yml"), "version: 2\nmodels:\n  - name: [unclosed\n");
        Path stats = tmp.resolve("stats.json");
        try (FakeOpenAi llm = new FakeOpenAi()) {
            llm.failWhen(body -> body.contains("stg_orders"));

            CliHarness.Result r = CliHarness.run(llm.env(tmp.resolve("home")), "yaml", "document", "--synthesize",
                    "--llm-stats-file", stats.toString(), "--project-dir", root.toString());

            assertEquals(1, r.exitCode(), r.err());
            assertTrue(r.err().contains("broken.yml"), r.err());
            assertTrue(r.err().contains("failed: model.shopverse_analytics.stg_orders"), r.err());
            assertTrue(r.err().contains("could not be parsed"), "both problems are reported: " + r.err());
            assertTrue(Files.exists(stats), "--llm-stats-file is written");
        }
    }
}
