package dev.osmosis.cli;

import dev.osmosis.OsmosisException;
import dev.osmosis.project.Node;
import dev.osmosis.project.NodeSelector;
import dev.osmosis.project.Project;
import dev.osmosis.review.ReviewFormat;
import dev.osmosis.review.ReviewRun;
import dev.osmosis.writes.ProjectLock;
import dev.osmosis.review.ReviewSelection;
import dev.osmosis.usage.Ledger;
import dev.osmosis.usage.NodeCall;
import dev.osmosis.usage.UsageDatabase;
import dev.osmosis.usage.UsageHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `osmosis review`: the AI-written descriptions awaiting a person's review; accept, reject, gate CI. */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "List AI-written descriptions awaiting review; --accept or --reject them; --max-pending gates CI.")
public final class ReviewCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ProjectOptions project;
    @Mixin LoggingOptions logging;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json, github (Actions annotations) or junit (JUnit XML) (default: ${DEFAULT-VALUE}).")
    ReviewFormat.Kind format;

    @Option(names = "--accept", arity = "0..*", paramLabel = "SELECTOR",
            description = "Mark these reviewed (the date goes next to the mark): node names, node.column, "
                    + ".sql/.yml paths, folders; or --all.")
    List<String> accept;

    @Option(names = "--reject", arity = "0..*", paramLabel = "SELECTOR",
            description = "Empty these descriptions and drop the mark, so the next --synthesize writes them again.")
    List<String> reject;

    @Option(names = "--all", description = "With --accept or --reject: every description awaiting review.")
    boolean all;

    @Option(names = "--max-pending", paramLabel = "N",
            description = "Exit 1 when more than N descriptions await review (a CI gate; 0: none may).")
    Integer maxPending;

    @Option(names = {"-d", "--dry-run"}, description = "With --accept or --reject: print the diff, write nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        CommandContext ctx = CommandContext.of(spec);
        if (accept != null && reject != null) {
            throw OsmosisException.usage("--accept and --reject go in separate runs.");
        }
        ReviewRun.Action action = accept != null ? ReviewRun.Action.accept
                : reject != null ? ReviewRun.Action.reject : ReviewRun.Action.list;
        if (action == ReviewRun.Action.list && (all || dryRun)) {
            throw OsmosisException.usage((all ? "--all" : "--dry-run") + " goes with --accept or --reject.");
        }
        if (maxPending != null && maxPending < 0) {
            throw OsmosisException.usage("--max-pending must be 0 or more.");
        }
        Project loaded = project.load(ctx);
        List<Node> nodes = project.select(loaded, ctx);
        ReviewRun.Io io = new ReviewRun.Io(ctx.out(), ctx.err(), p -> ctx.shown(loaded.root(), p),
                ledger(ctx.env()));
        List<String> selectors = action == ReviewRun.Action.accept ? accept
                : action == ReviewRun.Action.reject ? reject : List.of();
        ReviewSelection.Nodes resolver = selector -> {
            Set<String> ids = new LinkedHashSet<>();
            NodeSelector.select(loaded, new NodeSelector.Criteria(List.of(selector), List.of(),
                    project.includeExternal), ctx.workingDir()).forEach(n -> ids.add(n.uniqueId()));
            return ids;
        };
        boolean writes = action != ReviewRun.Action.list && !dryRun;
        return ProjectLock.holding(loaded, writes, () -> new ReviewRun(loaded, nodes, resolver, io)
                .run(new ReviewRun.Request(action, selectors, all, format, maxPending, dryRun, LocalDate.now())));
    }

    /** Which model wrote each node's text, when the ledger knows; never creates a ledger just to read it. */
    private static Map<String, NodeCall> ledger(Map<String, String> env) {
        Path file = UsageHome.databaseFile(env);
        if (!Files.exists(file)) {
            return Map.of();
        }
        try (UsageDatabase db = UsageDatabase.open(file)) {
            return new Ledger(db).lastCallPerNode();
        } catch (SQLException | OsmosisException e) {
            return Map.of(); // the model and date are extras: a listing without them beats no listing
        }
    }
}
