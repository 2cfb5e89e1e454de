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
import dev.osmosis.docs.ConfigMigration;
import dev.osmosis.docs.FusionCompat;
import dev.osmosis.docs.YamlDocs;
import dev.osmosis.organize.Move;
import dev.osmosis.organize.OrganizePlan;
import dev.osmosis.organize.Organizer;
import dev.osmosis.schema.SchemaEntry;
import dev.osmosis.schema.SchemaFile;
import dev.osmosis.schema.SchemaFiles;
import dev.osmosis.schema.SchemaWriter;
import dev.osmosis.schema.YamlEdit;
import dev.osmosis.writes.ProjectLock;
import dev.osmosis.writes.WriteGate;
import dev.osmosis.text.TerminalText;
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
        command.dbtOsmosis.refuseWhatWouldChangeTheResult();
        command.dbtOsmosis.noteHarmless(ctx.err());
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
        ProjectOptions.WithFiles loaded = command.project.loadWithFiles(ctx);
        boolean writes = !command.write.dryRun && !Boolean.TRUE.equals(command.usage.dryRun);
        // taken before the (possibly long) synthesis, so a second run refuses at once rather than at its writes
        return ProjectLock.holding(loaded.project(), writes, () -> run(loaded));
    }

    private int run(ProjectOptions.WithFiles loaded) {
        Project project = loaded.project();
        command.dbtOsmosis.requireCatalog(project);
        DocSettings settings = command.docs.resolve(project.config());
        boolean underConfig = FusionCompat.enabled(command.fusion.fusionCompat, project.config(), project.manifest());
        Lineage lineage = Lineage.of(project.manifest());
        List<Node> selected = command.project.select(project, ctx);
        SchemaFiles onDisk = loaded.files();
        onDisk.problems().forEach(p -> ctx.err().println("error: " + TerminalText.escape(p.message())));
        Prepared prepared = prepare(project, onDisk, selected);
        SchemaFiles files = prepared.files();
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
                    + TerminalText.escape(String.join(", ", unreadable)));
        }
        NodeDocumenter documenter = NodeDocumenter.forProject(settings, lineage, project, state.docs().values(),
                command.refactor(), command.keepDocumentedColumns());
        if (command.synthesis.synthesize()) {
            return new SynthesisStep(ctx, command).run(project, lineage, documenter, ids, state,
                    (result, previewOnly) -> finish(project, prepared, state, result.after(), result.synthesized(),
                            result.unusableCount(), settings, underConfig, previewOnly));
        }
        Map<String, NodeDocs> after = DocumentationRun.run(lineage, ids, state.docs(), documenter);
        return finish(project, prepared, state, after, Set.of(), 0, settings, underConfig, false);
    }

    /** The files as the steps before documentation leave them, and what those steps did. */
    private record Prepared(SchemaFiles onDisk, SchemaFiles files, OrganizePlan plan, List<String> skipped) {
    }

    /**
     * `yaml refactor` first moves entries to the files their path templates name and, with an explicit
     * --fusion-compat, moves top-level tags/meta under config:. Both work on texts in memory; the documentation
     * step then edits those texts, and everything is written together at the end.
     */
    private Prepared prepare(Project project, SchemaFiles onDisk, List<Node> selected) {
        if (!command.refactor()) {
            return new Prepared(onDisk, onDisk, OrganizePlan.none(), List.of());
        }
        OrganizePlan plan = Organizer.plan(project, onDisk, selected);
        SchemaFiles files = onDisk.withTexts(plan.texts(), plan.emptied());
        List<String> skipped = new ArrayList<>(plan.skipped());
        if (Boolean.TRUE.equals(command.fusion.fusionCompat)) {
            ConfigMigration.Result migrated = ConfigMigration.run(entriesOf(project, files, selected));
            skipped.addAll(migrated.refused());
            Map<Path, String> texts = new java.util.TreeMap<>(plan.texts());
            texts.putAll(migrated.texts());
            files = files.withTexts(migrated.texts(), List.of());
            plan = new OrganizePlan(plan.moves(), texts, plan.emptied(), plan.skipped());
        }
        return new Prepared(onDisk, files, plan, skipped);
    }

    private static Map<SchemaFile, List<SchemaEntry>> entriesOf(Project project, SchemaFiles files,
                                                                List<Node> selected) {
        Map<SchemaFile, List<SchemaEntry>> byFile = new java.util.LinkedHashMap<>();
        for (Node node : selected) {
            if (project.isOwn(node)) {
                files.find(YamlDocs.ref(node), node).ifPresent(l ->
                        byFile.computeIfAbsent(l.file(), f -> new ArrayList<>()).add(l.entry()));
            }
        }
        return byFile;
    }

    /**
     * Applies the run's result to the files and reports it. {@code previewOnly} (an LLM dry run) writes and diffs
     * nothing: its "answers" are placeholders.
     */
    private int finish(Project project, Prepared prepared, DocState state, Map<String, NodeDocs> after,
                       Set<String> synthesized, int unusable, DocSettings settings, boolean underConfig,
                       boolean previewOnly) {
        ChangeSet.Result result = ChangeSet.build(project, prepared.files(), state, after, synthesized,
                settings.placeholders(), underConfig);
        result.warnings().forEach(w -> ctx.err().println("warning: " + TerminalText.escape(w)));
        prepared.skipped().forEach(w -> ctx.err().println("warning: " + TerminalText.escape(w)));
        boolean dryRun = command.write.dryRun || previewOnly;
        List<Move> moves = prepared.plan().moves();
        FileWrites output = new FileWrites(ctx, project.root(), new WriteGate(project.layout(), prepared.onDisk()));
        if (!dryRun) {
            removeStaleTemps(project, prepared.onDisk(), result);
        }
        // Files are patched and written a few at a time, so a large project's new texts are never all in memory; a
        // refactor's moves join files into groups written all or nothing, and then every file goes in one batch.
        int batch = prepared.plan().changesFiles() ? Integer.MAX_VALUE
                : 2 * Runtime.getRuntime().availableProcessors();
        int[] changed = new int[1];
        List<String> unwritten = new ArrayList<>();
        List<YamlEdit> refused = new ArrayList<>();
        ChangeSet.patch(project, prepared.files(), result.pending(), batch, patched -> {
            patched.warnings().forEach(w -> ctx.err().println("warning: " + TerminalText.escape(w)));
            refused.addAll(patched.refused());
            Map<Path, String> edited = new java.util.TreeMap<>();
            patched.changes().forEach(c -> edited.put(c.path(), command.dbtOsmosis.finalText(c.after())));
            List<FileWrites.Write> writes = FileWrites.of(prepared.onDisk(), prepared.plan(), edited);
            changed[0] += writes.size();
            if (!previewOnly && dryRun) {
                unwritten.addAll(output.preview(writes, moves));
            } else if (!previewOnly) {
                unwritten.addAll(output.apply(writes, moves));
            }
        });
        ctx.out().flush();
        result.newEntries().forEach((file, nodes) -> {
            String shown = project.root().relativize(file).toString().replace('\\', '/');
            if (!unwritten.contains(shown)) {
                ctx.err().println(TerminalText.escape("new YAML entries in " + shown + ": "
                        + String.join(", ", nodes)));
            }
        });
        int moved = output.made(moves, unwritten).size(); // a refused file's moves are not made
        if (moved > 0) {
            ctx.err().println(moved + " entr" + (moved == 1 ? "y" : "ies") + " moved");
        }
        reportRemoved(result.removed(), dryRun);
        // a file that could not be written did not change
        ctx.err().println((dryRun ? "dry run, nothing written: " : "")
                + result.counts().withoutRefused(refused).withFilesChanged(changed[0] - unwritten.size())
                        .withAnswersUnusable(unusable).summary());
        if (!unwritten.isEmpty()) {
            throw OsmosisException.failure(unwritten.size() + " file(s) " + (dryRun ? "would not be" : "could not be")
                    + " written (see above): " + String.join(", ", unwritten) + "; every other file is "
                    + (dryRun ? "shown." : "written."));
        }
        if (!prepared.onDisk().problems().isEmpty()) {
            throw OsmosisException.failure("some YAML files could not be parsed (see above); they were left "
                    + "untouched and the nodes they document were skipped.");
        }
        if (!result.skipped().isEmpty()) {
            throw OsmosisException.failure(result.skipped().size() + " node(s) skipped (see above): "
                    + String.join(", ", result.skipped()) + "; every other change is "
                    + (dryRun ? "shown." : "written."));
        }
        if (!prepared.skipped().isEmpty()) {
            throw OsmosisException.failure(prepared.skipped().size() + " entr" + (prepared.skipped().size() == 1
                    ? "y was" : "ies were") + " left in place (see the warnings above); everything else is done.");
        }
        if (command.write.check && changed[0] > 0) {
            throw OsmosisException.failure("--check: " + changed[0] + " file(s) "
                    + (dryRun ? "would change" : "changed") + ".");
        }
        return 0;
    }

    /**
     * Names every column refactor removes, with the start of its description and what else it carried, so nothing
     * a person wrote goes without a word; the hint to keep them comes only when one was documented.
     */
    private void reportRemoved(List<dev.osmosis.docs.RemovedColumn> removed, boolean dryRun) {
        if (removed.isEmpty()) {
            return;
        }
        boolean documented = removed.stream().anyMatch(dev.osmosis.docs.RemovedColumn::isDocumented);
        ctx.err().println((dryRun ? "would remove " : "removed ") + removed.size() + " column"
                + (removed.size() == 1 ? "" : "s") + " the catalog lacks"
                + (documented ? " (keep documented ones with --keep-documented-columns)" : "") + ":");
        removed.forEach(c -> ctx.err().println("  " + c.describe()));
    }

    /** Temp files a killed run left in the folders this run writes (its schema files' and new files'). */
    private void removeStaleTemps(Project project, SchemaFiles files, ChangeSet.Result result) {
        List<Path> written = new ArrayList<>();
        files.files().forEach(f -> written.add(f.path()));
        files.problems().forEach(p -> written.add(p.file()));
        result.pending().forEach(f -> written.add(f.path()));
        Path root = project.root().toAbsolutePath();
        for (Path stale : SchemaWriter.removeStaleTemps(written)) {
            ctx.err().println(TerminalText.escape("removed " + (stale.startsWith(root) ? root.relativize(stale) : stale)
                    + ", a temp file left by an interrupted run"));
        }
    }
}
