package dev.osmosis.docs;

import dev.osmosis.OsmosisException;
import dev.osmosis.project.Node;
import dev.osmosis.project.Project;
import dev.osmosis.schema.EntryRef;
import dev.osmosis.schema.SchemaEntry;
import dev.osmosis.schema.SchemaFile;
import dev.osmosis.schema.SchemaFiles;
import dev.osmosis.schema.YamlEdit;
import dev.osmosis.schema.YamlPatcher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * From the docs before and after a run to new file texts: edits grouped per file, applied by the in-place patcher.
 * Nothing is written here; the caller prints diffs, checks, or writes.
 */
public final class ChangeSet {
    /** One file's text before and after; {@code before} is empty for a file osmosis creates. */
    public record FileChange(Path path, String before, String after) {
    }

    /** The edits planned for one file (which may not exist yet). */
    public record FileEdits(Path path, List<YamlEdit> edits) {
    }

    /**
     * One batch of patched files: those whose text changed, an edit left undone per warning, and the edits the
     * patcher refused (so that the summary counts only what changed: {@link DocCounts#withoutRefused}).
     */
    public record Patched(List<FileChange> changes, List<String> warnings, List<YamlEdit> refused) {
        public Patched {
            changes = List.copyOf(changes);
            warnings = List.copyOf(new java.util.LinkedHashSet<>(warnings)); // one line per distinct problem
            refused = List.copyOf(refused);
        }
    }

    /**
     * {@code newEntries}: nodes that had no YAML entry, by the file their new entry goes to. {@code skipped}: nodes
     * whose changes could not be placed (their file is broken, or no file for them can be resolved inside their
     * package); each has a warning, and the run ends with exit 1. {@code removed}: the columns refactor removes,
     * by node, in YAML order, so the run can name each.
     */
    public record Result(List<FileEdits> pending, DocCounts counts, List<String> warnings,
                         Map<Path, List<String>> newEntries, List<String> skipped, List<RemovedColumn> removed) {
        public Result {
            pending = List.copyOf(pending);
            removed = List.copyOf(removed);
            warnings = List.copyOf(new java.util.LinkedHashSet<>(warnings)); // one line per distinct problem
            skipped = List.copyOf(skipped);
            newEntries = java.util.Collections.unmodifiableMap(new TreeMap<>(newEntries));
        }
    }

    private ChangeSet() {
    }

    /**
     * {@code synthesized}: (node id, column or "" for the model description) pairs an LLM wrote in this run.
     * {@code underConfig}: new tags and meta go under {@code config:} ({@link FusionCompat}).
     */
    public static Result build(Project project, SchemaFiles files, DocState state, Map<String, NodeDocs> after,
                               Set<String> synthesized, Placeholders placeholders, boolean underConfig) {
        Map<Path, List<YamlEdit>> editsByFile = new TreeMap<>();
        List<String> warnings = new ArrayList<>();
        Map<Path, List<String>> newEntries = new TreeMap<>();
        List<String> skipped = new ArrayList<>();
        List<RemovedColumn> removed = new ArrayList<>();
        int[] counts = new int[9];
        FolderConvention convention = new FolderConvention(project, files, state);
        for (Map.Entry<String, NodeDocs> e : after.entrySet()) {
            NodeDocs before = state.docs().get(e.getKey());
            NodeDocs now = e.getValue();
            if (before == null || before.equals(now)) {
                continue;
            }
            Node node = project.manifest().node(e.getKey()).orElseThrow();
            SchemaFiles.Located located = state.entry(e.getKey()).orElse(null);
            Path file;
            try {
                file = located != null ? located.file().path() : EntryPlacement.target(project, node, convention);
            } catch (OsmosisException placement) {
                warnings.add("skipped " + node.displayName() + ": " + placement.getMessage());
                skipped.add(node.displayName());
                continue;
            }
            if (files.isBroken(file) || files.isBroken(node)) {
                warnings.add("skipped " + node.displayName() + ": " + (files.isBroken(file)
                        ? project.root().relativize(file) : "the YAML file documenting it") + " could not be parsed");
                skipped.add(node.displayName());
                continue;
            }
            SchemaEntry entry = located == null ? null : located.entry();
            if (located == null) {
                newEntries.computeIfAbsent(file, f -> new ArrayList<>()).add(node.displayName());
            }
            EntryRef ref = located == null ? YamlDocs.ref(node) : entry.ref();
            editsByFile.computeIfAbsent(file, f -> new ArrayList<>()).addAll(DocEdits.between(ref, entry, before,
                    now, underConfig));
            count(e.getKey(), before, now, located == null, synthesized, placeholders, counts);
            if (located != null) {
                removed.addAll(removedColumns(node, before, now, placeholders));
            }
        }
        removed.sort(java.util.Comparator.comparing(RemovedColumn::node)); // stable: columns stay in YAML order
        List<FileEdits> pending = new ArrayList<>();
        editsByFile.forEach((path, edits) -> pending.add(new FileEdits(path, List.copyOf(edits))));
        DocCounts docCounts = new DocCounts(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5],
                counts[6], counts[7], counts[8], 0, 0);
        return new Result(pending, docCounts, warnings, newEntries, skipped, removed);
    }

    /** The columns of {@code before} that {@code now} no longer has (names compared exactly, as the counts do). */
    private static List<RemovedColumn> removedColumns(Node node, NodeDocs before, NodeDocs now,
                                                      Placeholders placeholders) {
        Set<String> kept = new java.util.HashSet<>();
        now.columns().forEach(c -> kept.add(c.name()));
        List<RemovedColumn> out = new ArrayList<>();
        for (ColumnDocs c : before.columns()) {
            if (!kept.contains(c.name())) {
                out.add(RemovedColumn.of(node.displayName(), c, placeholders));
            }
        }
        return out;
    }

    /**
     * Patches the files {@code batch} at a time (in parallel within a batch: {@link YamlPatcher} is pure) and hands
     * each batch's changed files, in path order, to {@code sink} before patching the next, so that only one batch's
     * new texts are held at once (a large project's are over 100 MB). The sink is called at least once.
     */
    public static void patch(Project project, SchemaFiles files, List<FileEdits> pending, int batch,
                             Consumer<Patched> sink) {
        int size = Math.max(1, batch);
        for (int from = 0; from == 0 || from < pending.size(); from += size) {
            List<FileEdits> slice = pending.subList(Math.min(from, pending.size()),
                    Math.min(pending.size(), from + size));
            List<YamlPatcher.Result> results = slice.parallelStream()
                    .map(f -> YamlPatcher.patch(files.fileOrEmpty(f.path()), f.edits())).toList();
            List<FileChange> changes = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            List<YamlEdit> refused = new ArrayList<>();
            for (int i = 0; i < slice.size(); i++) {
                SchemaFile file = files.fileOrEmpty(slice.get(i).path());
                YamlPatcher.Result patched = results.get(i);
                patched.refused().forEach(r -> {
                    warnings.add(project.root().relativize(file.path()) + ": left " + target(r.edit())
                            + " unchanged: " + r.reason());
                    refused.add(r.edit());
                });
                if (!patched.text().equals(file.text())) {
                    changes.add(new FileChange(file.path(), file.text(), patched.text()));
                }
            }
            sink.accept(new Patched(changes, warnings, refused));
        }
    }

    /** What an edit would have changed: the column and key, so a warning names exactly what was left. */
    static String target(YamlEdit edit) {
        String entry = edit.entry().toString();
        if (edit instanceof YamlEdit.SetValue set) {
            return entry + (set.column() == null ? "" : " column " + set.column()) + " " + String.join(".",
                    set.path());
        } else if (edit instanceof YamlEdit.AddColumn add) {
            return entry + " column " + add.column();
        } else if (edit instanceof YamlEdit.RemoveColumn remove) {
            return entry + " column " + remove.column();
        } else if (edit instanceof YamlEdit.ReorderColumns) {
            return entry + " column order";
        }
        return entry;
    }

    private static void count(String id, NodeDocs before, NodeDocs now, boolean created, Set<String> synthesized,
                              Placeholders placeholders, int[] counts) {
        Map<String, ColumnDocs> was = new HashMap<>();
        before.columns().forEach(c -> was.put(c.name(), c));
        Map<String, ColumnDocs> is = new LinkedHashMap<>();
        now.columns().forEach(c -> is.put(c.name(), c));
        for (ColumnDocs c : now.columns()) {
            ColumnDocs old = was.get(c.name());
            if (old == null) {
                counts[0]++;
            }
            boolean newlyDocumented = placeholders.isDocumented(c.description())
                    && !c.description().equals(old == null ? "" : old.description());
            boolean byLlm = synthesized.contains(id + "|" + c.name());
            if (newlyDocumented && byLlm) {
                counts[2]++;
            } else if (newlyDocumented && c.origin() != null) {
                counts[1]++;
            }
            if (old != null && c.dataType() != null && !c.dataType().equals(old.dataType())) {
                counts[5]++;
            }
            // an abstention record is the run's bookkeeping, named in its own line, not merged meta
            if (old != null && !byLlm && (!old.tags().equals(c.tags())
                    || !Abstentions.cleared(old.meta()).equals(Abstentions.cleared(c.meta())))) {
                counts[7]++;
            }
        }
        for (ColumnDocs c : before.columns()) {
            if (!is.containsKey(c.name())) {
                counts[4]++;
            }
        }
        if (synthesized.contains(id + "|") && !before.description().equals(now.description())) {
            counts[3]++;
        }
        List<String> keptBefore = before.columns().stream().map(ColumnDocs::name).filter(is::containsKey).toList();
        List<String> keptNow = now.columns().stream().map(ColumnDocs::name).filter(was::containsKey).toList();
        if (!keptBefore.equals(keptNow)) {
            counts[6]++;
        }
        if (created) {
            counts[8]++;
        }
    }
}
