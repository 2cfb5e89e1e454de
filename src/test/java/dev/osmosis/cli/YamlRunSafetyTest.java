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

    @Test
    void aFileThatCannotBeWrittenDoesNotStopTheOthers() throws Exception {
        Path root = TestProjects.copy(Path.of("examples/shopverse"), tmp.resolve("project"));
        // the seed's new entry goes to seeds/schema.yml, which here is a folder: it cannot be written
        Files.createDirectories(root.resolve("seeds/schema.yml"));
        Files.writeString(root.resolve("seeds/schema.yml/keep.txt"), "x");

        CliHarness.Result r = CliHarness.run(Map.of("OSMOSIS_HOME", tmp.resolve("home").toString()),
                "yaml", "document", "--project-dir", root.toString());

        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("cannot write"), r.err());
        assertTrue(r.err().contains("1 file(s) could not be written"), r.err());
        assertTrue(Files.isRegularFile(root.resolve("snapshots/schema.yml")),
                "the file after the unwritable one is still written: " + r.err());
    }
}
