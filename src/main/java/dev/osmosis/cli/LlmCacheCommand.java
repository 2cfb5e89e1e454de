package dev.osmosis.cli;

import dev.osmosis.OsmosisException;
import dev.osmosis.usage.ResponseCache;
import dev.osmosis.usage.UsageDatabase;
import dev.osmosis.usage.UsageHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code osmosis llm cache}: manage the LLM response cache. */
@Command(name = "cache", mixinStandardHelpOptions = true, description = "Manage the LLM response cache.",
        subcommands = {LlmCacheCommand.Clear.class})
public final class LlmCacheCommand implements Runnable {
    @Spec
    CommandSpec spec;

    private final Map<String, String> environment;

    public LlmCacheCommand() {
        this(null);
    }

    /** For tests and embedding: an explicit environment (used when there is no root command above). */
    public LlmCacheCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: try '"
                + spec.qualifiedName() + " clear'.");
    }

    Path databaseFile() {
        return UsageHome.databaseFile(UsageCommandSupport.environment(spec, environment));
    }

    /** {@code osmosis llm cache clear}: drop every cached response (the ledger is kept). */
    @Command(name = "clear", mixinStandardHelpOptions = true,
            description = "Drop all cached LLM responses; the next run asks the provider again.")
    public static final class Clear implements Callable<Integer> {
        @ParentCommand
        LlmCacheCommand parent;

        @Spec
        CommandSpec spec;

        @Mixin
        LoggingOptions logging;

        @Override
        public Integer call() {
            Path file = parent.databaseFile();
            if (!Files.exists(file)) {
                spec.commandLine().getOut().println("No LLM response cache at " + file + " (no run has used it): "
                        + "nothing to clear.");
                spec.commandLine().getOut().flush();
                return 0;
            }
            int removed;
            try (UsageDatabase db = UsageDatabase.open(file)) {
                removed = new ResponseCache(db).clear();
            } catch (SQLException e) {
                throw OsmosisException.failure("cannot clear the response cache at " + file + ": "
                        + e.getMessage());
            }
            spec.commandLine().getOut().println("Removed " + removed + " cached LLM response"
                    + (removed == 1 ? "" : "s") + " from " + file + ".");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
