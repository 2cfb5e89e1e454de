package dev.osmosis.cli;

import dev.osmosis.OsmosisException;
import dev.osmosis.organize.OrganizePlan;
import dev.osmosis.organize.Organizer;
import dev.osmosis.project.Project;
import dev.osmosis.schema.SchemaFiles;
import dev.osmosis.writes.ProjectLock;
import dev.osmosis.writes.WriteGate;
import dev.osmosis.text.TerminalText;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `osmosis yaml organize`: move entries into the files their path templates name; nothing else changes. */
@Command(name = "organize", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Move each YAML entry into the file its +dbt-osmosis path template (or vars: dbt-osmosis: "
                + "sources:) names, creating files and deleting the ones left empty.")
public final class OrganizeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ProjectOptions project;
    @Mixin WriteOptions write;
    @Mixin LoggingOptions logging;

    @Option(names = "--auto-apply", hidden = true,
            description = "Accepted for dbt-osmosis compatibility: osmosis never asks before moving.")
    boolean autoApply;

    @Override
    public Integer call() {
        CommandContext ctx = CommandContext.of(spec);
        ProjectOptions.WithFiles withFiles = project.loadWithFiles(ctx);
        return ProjectLock.holding(withFiles.project(), !write.dryRun, () -> organize(ctx, withFiles));
    }

    private int organize(CommandContext ctx, ProjectOptions.WithFiles withFiles) {
        Project loaded = withFiles.project();
        SchemaFiles files = withFiles.files();
        files.problems().forEach(p -> ctx.err().println("error: " + TerminalText.escape(p.message())));
        OrganizePlan plan = Organizer.plan(loaded, files, project.select(loaded, ctx));
        plan.skipped().forEach(w -> ctx.err().println("warning: " + TerminalText.escape(w)));
        List<FileWrites.Write> writes = FileWrites.of(files, plan, Map.of());
        FileWrites output = new FileWrites(ctx, loaded.root(), new WriteGate(loaded.layout(), files));
        List<String> unwritten;
        if (write.dryRun) {
            unwritten = output.preview(writes, plan.moves());
        } else {
            unwritten = output.apply(writes, plan.moves());
        }
        ctx.out().flush();
        // what a refused file held back is neither moved nor changed
        int moved = output.made(plan.moves(), unwritten).size();
        int changed = writes.size() - unwritten.size();
        ctx.err().println((write.dryRun ? "dry run, nothing written: " : "") + moved + " entr"
                + (moved == 1 ? "y" : "ies") + " moved; " + changed + " file" + (changed == 1 ? "" : "s")
                + " changed");
        if (!unwritten.isEmpty()) {
            throw OsmosisException.failure(unwritten.size() + " file(s) " + (write.dryRun ? "would not be"
                    : "could not be") + " written (see above): " + String.join(", ", unwritten) + "; their moves "
                    + (write.dryRun ? "would not be made." : "were not made, every other one was."));
        }
        if (!files.problems().isEmpty() || !plan.skipped().isEmpty()) {
            throw OsmosisException.failure("some entries were left in place (see above); every other move is done.");
        }
        if (write.check && !writes.isEmpty()) {
            throw OsmosisException.failure("--check: " + writes.size() + " file(s) "
                    + (write.dryRun ? "would change" : "changed") + ".");
        }
        return 0;
    }
}
