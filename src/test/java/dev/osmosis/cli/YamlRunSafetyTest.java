package dev.osmosis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.testing.TestProjects;
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
}
