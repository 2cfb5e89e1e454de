package dev.osmosis.cli;

import dev.osmosis.OsmosisException;
import dev.osmosis.docs.ChangeSet;
import dev.osmosis.docs.DocCounts;
import dev.osmosis.docs.DocSettings;
import dev.osmosis.docs.DocState;
import dev.osmosis.docs.DocumentationRun;
import dev.osmosis.docs.NodeDocs;
import dev.osmosis.docs.NodeDocumenter;
import dev.osmosis.lineage.Lineage;
import dev.osmosis.project.Node;
import dev.osmosis.project.Project;
import dev.osmosis.schema.SchemaFiles;
import dev.osmosis.schema.SchemaWriter;
import dev.osmosis.schema.UnifiedDiff;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The flow of `yaml document` / `yaml refactor`: read, document (and synthesize), then diff, check or write. */
final class YamlRun {
    private final CommandContext ctx;
    private final DocumentCommand command;

    YamlRun(CommandContext ctx, DocumentCommand command) {
        this.ctx = ctx;
        this.command = command;
    }

    int execute() {
        if (Boolean.TRUE.equals(command.usage.dryRun) && !command.synthesis.synthesize()) {
            // without --synthesize there is no LLM call to preview, and the run would write every file
            throw OsmosisException.usage("--llm-dry-run previews the LLM calls of --synthesize: add --synthesize, "
                    + "or use --dry-run to preview the YAML changes without an LLM.");
        }
        if (!command.synthesis.synthesize()) {
            List<String> unused = command.spec.commandLine().getParseResult().matchedOptions().stream()
                    .map(o -> o.longestName()).filter(n -> n.startsWith("--llm-") || n.startsWith("--no-llm-"))
                    .distinct().toList();
            if (!unused.isEmpty()) {
                ctx.err().println("warning: " + String.join(", ", unused) + ": LLM options take effect only with --synthesize; ignored.");
            }
        }
        Project project = command.project.load(ctx.workingDir());
        DocSettings settings = command.docs.resolve(project.config());
        Lineage lineage = Lineage.of(project.manifest());
        List<Node> selected = command.project.select(project, ctx.workingDir());
        SchemaFiles files = SchemaFiles.of(project);
        files.problems().forEach(p -> ctx.err().println("error: " + p.message()));
        DocState state = DocState.read(project, files);
        Set<String> ids = new LinkedHashSet<>();
        List<String> unreadable = new ArrayList<>();
        for (Node n : selected) {
            if (files.isBroken(n)) {
                unreadable.add(n.displayName()); // no entry elsewhere, no LLM call: the node waits for its file
            } else {
                ids.add(n.uniqueId());
            }
        }
        if (!unreadable.isEmpty()) {
            ctx.err().println("skipped (documented in a YAML file that could not be parsed): "
                    + String.join(", ", unreadable));
        }
        NodeDocumenter documenter = new NodeDocumenter(settings, lineage, project.catalog(), command.refactor(),
                NodeDocumenter.writesLowerCase(state.docs().values()));
        if (command.synthesis.synthesize()) {
            return new SynthesisStep(ctx, command).run(project, lineage, documenter, ids, state,
                    (result, previewOnly) -> finish(project, files, state, result.after(), result.synthesized(),
                            settings, previewOnly));
        }
        Map<String, NodeDocs> after = DocumentationRun.run(lineage, ids, state.docs(), documenter);
        return finish(project, files, state, after, Set.of(), settings, false);
    }

    /**
     * Applies the run's result to the files and reports it. {@code previewOnly} (an LLM dry run) writes and diffs
     * nothing: its "answers" are placeholders.
     */
    private int finish(Project project, SchemaFiles files, DocState state, Map<String, NodeDocs> after,
                       Set<String> synthesized, DocSettings settings, boolean previewOnly) {
        ChangeSet.Result result = ChangeSet.build(project, files, state, after, synthesized,
                settings.placeholders());
        result.warnings().forEach(w -> ctx.err().println("warning: " + w));
        boolean dryRun = command.write.dryRun || previewOnly;
        if (!dryRun) {
            removeStaleTemps(project, files, result);
        }
        List<String> unwritten = new ArrayList<>();
        for (ChangeSet.FileChange change : result.files()) {
            Path shown = project.root().relativize(change.path());
            if (previewOnly) {
                continue;
            }
            if (dryRun) {
                ctx.out().print(UnifiedDiff.of(shown, change.before(), change.after()));
            } else {
                try {
                    SchemaWriter.write(change.path(), change.after());
                    ctx.err().println((change.before().isEmpty() ? "created " : "updated ") + shown);
                } catch (OsmosisException e) {
                    // one read-only file must not cost the user the edits of every file after it
                    ctx.err().println("error: " + e.getMessage());
                    unwritten.add(shown.toString());
                }
            }
        }
        ctx.out().flush();
        result.newEntries().forEach((file, nodes) -> ctx.err().println("new YAML entries in "
                + project.root().relativize(file) + ": " + String.join(", ", nodes)));
        // a file that could not be written did not change
        DocCounts counts = result.counts().withFilesChanged(result.counts().filesChanged() - unwritten.size());
        ctx.err().println((dryRun ? "dry run, nothing written: " : "") + counts.summary());
        if (!unwritten.isEmpty()) {
            throw OsmosisException.failure(unwritten.size() + " file(s) could not be written (see above): "
                    + String.join(", ", unwritten) + "; every other file is written.");
        }
        if (!files.problems().isEmpty()) {
            throw OsmosisException.failure("some YAML files could not be parsed (see above); they were left "
                    + "untouched and the nodes they document were skipped.");
        }
        if (command.write.check && !result.files().isEmpty()) {
            throw OsmosisException.failure("--check: " + result.files().size() + " file(s) "
                    + (dryRun ? "would change" : "changed") + ".");
        }
        return 0;
    }

    /** Temp files a killed run left in the folders this run writes (its schema files' and new files'). */
    private void removeStaleTemps(Project project, SchemaFiles files, ChangeSet.Result result) {
        List<Path> written = new ArrayList<>();
        files.files().forEach(f -> written.add(f.path()));
        files.problems().forEach(p -> written.add(p.file()));
        result.files().forEach(f -> written.add(f.path()));
        Path root = project.root().toAbsolutePath();
        for (Path stale : SchemaWriter.removeStaleTemps(written)) {
            ctx.err().println("removed " + (stale.startsWith(root) ? root.relativize(stale) : stale)
                    + ", a temp file left by an interrupted run");
        }
    }
}
