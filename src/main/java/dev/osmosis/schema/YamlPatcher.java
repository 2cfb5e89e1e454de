package dev.osmosis.schema;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Applies {@link YamlEdit}s to a schema file's text by splicing new text into exactly the ranges that change;
 * every other byte is kept. Edits that touch the same spot are applied in later rounds on the re-parsed text,
 * so any list of edits composes in order.
 */
public final class YamlPatcher {
    /** An edit that was not made, and why. */
    public record Refusal(YamlEdit edit, String reason) {
    }

    /**
     * The new text, the edits refused (target missing, or inside a shared anchor/alias), and how many times the
     * text was composed into a node tree to plan them (a round each; what patching a file costs grows with it).
     */
    public record Result(String text, List<Refusal> refused, int rounds) {
        public Result {
            refused = List.copyOf(refused);
        }

        public boolean changed(SchemaFile original) {
            return !text.equals(original.text());
        }
    }

    private YamlPatcher() {
    }

    /**
     * The text after all edits.
     *
     * @throws SchemaEditException for the first edit that cannot be made (nothing is applied then)
     */
    public static String apply(SchemaFile file, List<? extends YamlEdit> edits) {
        Result result = patch(file, edits);
        if (!result.refused().isEmpty()) {
            throw new SchemaEditException(result.refused().get(0).reason());
        }
        return result.text();
    }

    /** The text after every edit that can be made, plus the edits refused (the caller reports them). */
    public static Result patch(SchemaFile file, List<? extends YamlEdit> edits) {
        // Reorders go last: planned earlier, a reorder sees the columns before the added ones exist, may find them
        // already in order and be dropped, leaving added columns at the end.
        List<YamlEdit> reorders = new ArrayList<>();
        List<YamlEdit> others = new ArrayList<>();
        edits.forEach(e -> (e instanceof YamlEdit.ReorderColumns ? reorders : others).add(e));
        List<Refusal> refused = new ArrayList<>();
        int[] rounds = new int[1];
        String text = rounds(file.path(), file.text(), others, refused, rounds);
        if (!reorders.isEmpty()) {
            text = rounds(file.path(), text, reorders, refused, rounds);
        }
        return new Result(text, refused, rounds[0]);
    }

    /**
     * Applies the edits in rounds and returns the new text. Each round composes the text's node tree (a
     * {@link SchemaFile} keeps none); most files take one round, and no tree is composed without edits.
     */
    private static String rounds(Path path, String original, List<YamlEdit> edits, List<Refusal> refused,
                                 int[] count) {
        String text = original;
        List<YamlEdit> pending = new ArrayList<>(edits);
        while (!pending.isEmpty()) {
            count[0]++;
            SchemaTree current = SchemaFile.tree(path, text);
            EditPlanner planner = new EditPlanner(path, current);
            AcceptedSplices accepted = new AcceptedSplices();
            List<YamlEdit> next = new ArrayList<>();
            List<Refusal> failed = new ArrayList<>();
            // The edits an edit turns into are planned right after it: pushed in front of the rest, in order
            // (inserting them into the middle of a list of thousands moved the rest each time).
            java.util.ArrayDeque<YamlEdit> work = new java.util.ArrayDeque<>(pending);
            Map<EntryRef, Integer> columnEdits = columnEditsByEntry(pending);
            while (!work.isEmpty()) {
                YamlEdit edit = work.pollFirst();
                List<YamlEdit.AddColumn> run = newColumnsRun(edit, work, columnEdits);
                EditPlanner.Plan merged = run.size() > 1 ? planner.newColumnList(run) : null;
                if (merged != null) {
                    run.subList(1, run.size()).forEach(r -> work.pollFirst());
                    if (merged.splices().stream().anyMatch(accepted::conflictsWith)) {
                        next.addAll(run);
                    } else {
                        merged.splices().forEach(accepted::add);
                    }
                    continue;
                }
                EditPlanner.Plan plan;
                try {
                    plan = planner.plan(edit);
                } catch (SchemaEditException e) {
                    failed.add(new Refusal(edit, e.getMessage()));
                    next.add(edit);
                    continue;
                }
                if (plan.instead() != null) {
                    for (int j = plan.instead().size() - 1; j >= 0; j--) {
                        work.addFirst(plan.instead().get(j));
                    }
                } else if (plan.splices().stream().anyMatch(accepted::conflictsWith)) {
                    next.add(edit);
                } else {
                    plan.splices().forEach(accepted::add);
                }
            }
            if (accepted.isEmpty()) {
                refused.addAll(failed);
                break;
            }
            text = splice(text, accepted.inOrder());
            pending = next;
        }
        return text;
    }

    /**
     * {@code edit} and the AddColumn edits of the same entry right behind it in {@code work}, when they are all the
     * column edits that entry gets this round (another could see the list they create); else just {@code edit}.
     */
    private static List<YamlEdit.AddColumn> newColumnsRun(YamlEdit edit, java.util.Deque<YamlEdit> work,
                                                          Map<EntryRef, Integer> columnEdits) {
        if (!(edit instanceof YamlEdit.AddColumn first)) {
            return List.of();
        }
        List<YamlEdit.AddColumn> run = new ArrayList<>();
        run.add(first);
        for (YamlEdit next : work) {
            if (!(next instanceof YamlEdit.AddColumn add) || !add.entry().equals(first.entry())) {
                break;
            }
            run.add(add);
        }
        return run.size() == columnEdits.getOrDefault(first.entry(), 0) ? run : List.of(first);
    }

    /**
     * How many of the edits touch each entry's columns (add, remove, reorder, or set or remove a column's key); an
     * entry that also gets an AddEntry is left out, as that edit can turn into column edits of its own.
     */
    private static Map<EntryRef, Integer> columnEditsByEntry(List<YamlEdit> edits) {
        Map<EntryRef, Integer> counts = new java.util.HashMap<>();
        java.util.Set<EntryRef> added = new java.util.HashSet<>();
        for (YamlEdit e : edits) {
            boolean column = e instanceof YamlEdit.AddColumn || e instanceof YamlEdit.RemoveColumn
                    || e instanceof YamlEdit.ReorderColumns || e instanceof YamlEdit.SetValue set && set.column() != null
                    || e instanceof YamlEdit.RemoveKey remove && remove.column() != null;
            if (column) {
                counts.merge(e.entry(), 1, Integer::sum);
            } else if (e instanceof YamlEdit.AddEntry) {
                added.add(e.entry());
            }
        }
        added.forEach(counts::remove);
        return counts;
    }

    /** Applies non-conflicting splices; same-point insertions keep their edit order. */
    static String splice(String text, List<Splice> splices) {
        List<Splice> ordered = new ArrayList<>(splices);
        ordered.sort(Comparator.comparingInt(Splice::start));
        StringBuilder b = new StringBuilder(text.length() + 256);
        int at = 0;
        for (Splice s : ordered) {
            b.append(text, at, s.start()).append(s.text());
            at = Math.max(at, s.end());
        }
        return b.append(text.substring(at)).toString();
    }
}
