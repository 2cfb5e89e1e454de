package dev.osmosis.cli;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code osmosis llm ...}: LLM utilities. Add a subcommand by listing its class below. */
@Command(name = "llm", description = "Check and manage the LLM configuration.",
        mixinStandardHelpOptions = true,
        subcommands = {LlmTestCommand.class, LlmPromptsCommand.class, LlmStatsCommand.class, LlmCacheCommand.class,
                LlmEvalCommand.class})
public final class LlmCommand implements Runnable {
    @ParentCommand
    Osmosis root;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** The process environment as the root command was given it. */
    public Map<String, String> environment() {
        return root.environment();
    }

    @Override
    public void run() {
        // `osmosis llm` alone asks what there is: the usage says it, then the usage error
        CommandLine cli = spec.commandLine();
        cli.usage(cli.getErr());
        throw dev.osmosis.OsmosisException.usage("missing subcommand: name one of "
                + String.join(", ", cli.getSubcommands().keySet()) + ".");
    }
}
