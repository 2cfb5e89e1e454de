package dev.osmosis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import org.junit.jupiter.api.Test;

/** Issue 21, point 3: help reaches the command asked for, usage errors say what to do. */
class HelpAndErrorsTest {
    @Test
    void helpFollowsTheWholeCommandPath() {
        CliHarness.Result r = CliHarness.run("help", "yaml", "document");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("Usage: osmosis yaml document"), r.out());
        CliHarness.Result unknown = CliHarness.run("help", "yaml", "documnet");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown command 'osmosis yaml documnet'"), unknown.err());
    }

    @Test
    void llmAlonePrintsItsUsage() {
        CliHarness.Result r = CliHarness.run("llm");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("Usage: osmosis llm"), r.err());
        assertTrue(r.err().contains("missing subcommand: name one of test, prompts, stats, cache"), r.err());
        assertFalse(r.err().contains("Try 'llm --help'"), r.err());
    }

    @Test
    void failUnderTakesAPercentSign() {
        assertEquals(80.0, new CoverageCommand.Percent().convert("80%"));
        assertEquals(72.5, new CoverageCommand.Percent().convert(" 72.5 % "));
        assertEquals(80.0, new CoverageCommand.Percent().convert("80"));
        CliHarness.Result bad = CliHarness.run("coverage", "--fail-under", "180%");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("'180%' is not a percentage from 0 to 100 (write 80 or 80%)"), bad.err());
    }

    @Test
    void completionOffersTheValuesOfProviderStrategyAndLogLevel() {
        CommandSpec document = new CommandLine(new Osmosis(Map.of())).getSubcommands().get("yaml").getSubcommands()
                .get("document").getCommandSpec();
        assertEquals(List.of("openai", "azure-openai", "anthropic", "google-gemini", "ollama", "lm-studio"),
                values(document, "--llm-provider"));
        assertEquals(List.of("auto", "bulk", "per-column"), values(document, "--llm-strategy"));
        assertEquals(List.of("trace", "debug", "info", "warn", "error"), values(document, "--log-level"));
    }

    private static List<String> values(CommandSpec command, String option) {
        List<String> values = new ArrayList<>();
        Iterable<String> candidates = command.findOption(option).completionCandidates();
        if (candidates != null) {
            candidates.forEach(values::add);
        }
        return values;
    }

    @Test
    void documentHelpIsInSectionsWithExamples() {
        CliHarness.Result r = CliHarness.run("yaml", "document", "--help");
        assertEquals(0, r.exitCode(), r.err());
        String help = r.out();
        int selection = help.indexOf("\nSelection (the project and its nodes):\n");
        int documenting = help.indexOf("\nDocumenting:\n");
        int llm = help.indexOf("\nLLM (with --synthesize):\n");
        int cost = help.indexOf("\nCost:\n");
        int output = help.indexOf("\nOutput:\n");
        int examples = help.indexOf("\nExamples:\n");
        assertTrue(selection >= 0 && selection < documenting && documenting < llm && llm < cost && cost < output
                && output < examples, help);
        // after the synopsis, which names every option: where each is described
        int provider = help.indexOf("--llm-provider", selection);
        int maxCost = help.indexOf("--llm-max-cost", selection);
        assertTrue(provider > llm && provider < cost, help);
        assertTrue(maxCost > cost && maxCost < output, help);
        assertTrue(help.indexOf("--dry-run", selection) > output, "write options close the list: " + help);
        assertTrue(help.indexOf("--help", selection) > output, help);
        assertTrue(help.contains("osmosis help yaml document") || help.contains("osmosis yaml document --dry-run"),
                help);
        assertEquals(help, CliHarness.run("help", "yaml", "document").out(), "the same help either way");
    }
}
