package dev.osmosis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Only the branch a command line uses is built; help and mistakes still see every command. */
class CommandTreeTest {
    private final Osmosis root = new Osmosis(Map.of());

    @Test
    void aCommandBuildsOnlyItsBranch() {
        CommandLine cli = CommandTree.forArgs(root, "yaml", "document", "--dry-run");
        assertEquals(Set.of("yaml"), cli.getSubcommands().keySet());
        assertEquals(Set.of("document"), cli.getSubcommands().get("yaml").getSubcommands().keySet());
        CommandLine llm = CommandTree.forArgs(root, "llm", "stats").getSubcommands().get("llm");
        assertEquals(new CommandLine(root).getSubcommands().get("llm").getSubcommands().keySet(),
                llm.getSubcommands().keySet(), "llm injects the root into its commands: built whole");
        assertEquals(Set.of(), CommandTree.forArgs(root, "--version").getSubcommands().keySet());
    }

    @Test
    void helpUnknownCommandsAndNoCommandSeeTheWholeTree() {
        Set<String> all = new CommandLine(root).getSubcommands().keySet();
        for (String[] args : new String[][] {{}, {"--help"}, {"help", "yaml"}, {"yamll"}}) {
            assertEquals(all, CommandTree.forArgs(root, args).getSubcommands().keySet(), String.join(" ", args));
        }
        CliHarness.Result typo = CliHarness.run("yamll");
        assertEquals(2, typo.exitCode());
        assertTrue(typo.err().contains("yaml"), "the suggestion needs the whole tree: " + typo.err());
    }

    @Test
    void theLeanRootIsTheAnnotatedRootWithoutItsCommands() {
        CommandLine.Help full = new CommandLine(root).getHelp();
        for (String first : new String[] {"--version", "coverage"}) {
            CommandLine.Help lean = CommandTree.forArgs(root, first).getHelp();
            assertEquals(full.commandSpec().name(), lean.commandSpec().name(), first);
            assertEquals(full.description(), lean.description(), first);
            assertEquals(full.optionList(), lean.optionList(), first);
            assertEquals(full.synopsis(0).replace(" [COMMAND]", ""), lean.synopsis(0).replace(" [COMMAND]", ""), first);
            assertEquals(List.of(full.commandSpec().version()), List.of(lean.commandSpec().version()), first);
        }
    }

    @Test
    void theLeanYamlGroupIsTheAnnotatedOneWithoutItsOtherCommands() {
        CommandLine.Help full = new CommandLine(root).getSubcommands().get("yaml").getHelp();
        CommandLine.Help lean = CommandTree.forArgs(root, "yaml", "document").getSubcommands().get("yaml").getHelp();
        assertEquals(full.commandSpec().qualifiedName(), lean.commandSpec().qualifiedName());
        assertEquals(full.description(), lean.description());
        assertEquals(full.optionList(), lean.optionList());
        CliHarness.Result help = CliHarness.run("yaml", "document", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().startsWith("Usage: osmosis yaml document "), help.out());
    }

    @Test
    void theLeanRootPrintsTheSameVersionAndUsage() {
        for (String flag : new String[] {"--version", "-V"}) {
            CliHarness.Result version = CliHarness.run(flag);
            assertEquals(0, version.exitCode());
            assertEquals(new VersionProvider().getVersion()[0] + System.lineSeparator(), version.out(), flag);
        }
        for (String flag : new String[] {"--help", "-h"}) {
            CliHarness.Result usage = CliHarness.run(flag);
            assertEquals(0, usage.exitCode());
            assertTrue(usage.out().startsWith("Usage: osmosis [-hV] [COMMAND]"), usage.out());
            assertTrue(usage.out().contains("-V, --version   Print version information and exit."), usage.out());
        }
        CliHarness.Result help = CliHarness.run("coverage", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("Usage: osmosis coverage"), help.out());
    }}
