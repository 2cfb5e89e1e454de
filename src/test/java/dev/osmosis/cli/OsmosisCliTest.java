package dev.osmosis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class OsmosisCliTest {
    @Test
    void helpListsUsageAndExitsZero() {
        CliHarness.Result r = CliHarness.run("--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("Usage: osmosis"), r.out());
    }

    @Test
    void versionNamesTheTool() {
        CliHarness.Result r = CliHarness.run("--version");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().startsWith("osmosis "), r.out());
    }

    @Test
    void unknownCommandIsAUsageError() {
        CliHarness.Result r = CliHarness.run("frobnicate");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("frobnicate"), r.err());
    }

    /**
     * The benchmark tool is not the product's (bench/osmosis-bench runs it from the test classes): no `bench`
     * command, hidden or not, and no dev/osmosis/bench class in the folder the product jar is built from (.ci/run
     * checks the jar itself).
     */
    @Test
    void theProductHoldsNoBenchmarkCode() throws Exception {
        assertFalse(new CommandLine(new Osmosis(Map.of())).getSubcommands().containsKey("bench"));
        CliHarness.Result r = CliHarness.run("bench", "load", "--project-dir", ".");
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.err().contains("Unmatched argument"), r.err());
        Path classes = Path.of(Osmosis.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(Files.isRegularFile(classes.resolve("dev/osmosis/cli/Osmosis.class")), classes.toString());
        // a folder a build of the old layout left behind is emptied by the compiler but not removed: look for files
        Path bench = classes.resolve("dev/osmosis/bench");
        if (Files.exists(bench)) {
            try (Stream<Path> files = Files.walk(bench)) {
                assertEquals(List.of(), files.filter(Files::isRegularFile).toList(), "benchmark classes in the product");
            }
        }
        assertFalse(Files.exists(classes.resolve("dev/osmosis/docs/synthesis/DbtOsmosisStrategy.class")),
                "dbt-osmosis's strategy is modelled only for the benchmark");
    }

    @Test
    void logLevelIsCheckedAndPythonNamesAreAccepted() {
        CliHarness.Result bad = CliHarness.run("coverage", "--log-level", "loud");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("--log-level must be"), bad.err());
        CliHarness.Result python = CliHarness.run("coverage", "--log-level", "WARNING", "--project-dir",
                dev.osmosis.testing.TestProjects.corpus("jaffle_shop_classic").toString());
        assertEquals(0, python.exitCode(), python.err());
    }

    @Test
    void yamlWithoutSubcommandShowsUsage() {
        CliHarness.Result r = CliHarness.run("yaml", "--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("document") && r.out().contains("refactor"), r.out());
    }

    @Test
    void llmOptionsWithoutSynthesizeAreNamedAsIgnored() {
        CliHarness.Result r = CliHarness.run("yaml", "document", "--dry-run", "--llm-strategy", "bulk",
                "--project-dir", dev.osmosis.testing.TestProjects.corpus("jaffle_shop_classic").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("warning: --llm-strategy: LLM options take effect only with --synthesize; ignored."), r.err());
    }
}
