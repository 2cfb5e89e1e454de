package dev.osmosis.cli;

import dev.osmosis.OsmosisException;
import dev.osmosis.text.TerminalText;
import dev.osmosis.usage.DurationText;
import dev.osmosis.usage.HistoryFormat;
import dev.osmosis.usage.HistoryRow;
import dev.osmosis.usage.Ledger;
import dev.osmosis.usage.UsageDatabase;
import dev.osmosis.usage.UsageHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code osmosis llm stats}: LLM usage history from the run ledger, per day, model and operation. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Show LLM usage recorded by past runs (from the ledger in $OSMOSIS_HOME/osmosis.db).")
public final class LlmStatsCommand implements Callable<Integer> {
    /** Output formats. */
    public enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Mixin
    LoggingOptions logging;

    @Option(names = "--since", paramLabel = "DURATION", defaultValue = "7d",
            description = "How far back, e.g. 30m, 24h, 7d (default: ${DEFAULT-VALUE}).")
    String since;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    private final Map<String, String> environment;
    private final Clock clock;

    /** Used under {@code osmosis llm}: the environment comes from the root command. */
    public LlmStatsCommand() {
        this(null, Clock.systemUTC());
    }

    /** For tests and embedding: an explicit environment (used when there is no root command above). */
    public LlmStatsCommand(Map<String, String> environment, Clock clock) {
        this.environment = environment;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        Duration window = DurationText.parse(since);
        Path file = UsageHome.databaseFile(UsageCommandSupport.environment(spec, environment));
        List<HistoryRow> rows = List.of();
        if (Files.exists(file)) {
            try (UsageDatabase db = UsageDatabase.open(file)) {
                rows = new Ledger(db).history(clock.instant().minus(window));
            } catch (SQLException e) {
                throw OsmosisException.failure("cannot read the run ledger at " + file + ": " + e.getMessage());
            }
        }
        String shown = since.trim();
        spec.commandLine().getOut().print(format == Format.json ? HistoryFormat.json(rows, shown)
                : TerminalText.escapeLines(HistoryFormat.text(rows, shown)));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
