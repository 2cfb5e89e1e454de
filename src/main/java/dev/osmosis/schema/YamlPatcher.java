package dev.osmosis.schema;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Applies {@link YamlEdit}s to a schema file's text by splicing new text into exactly the ranges that change;
 * every other byte is kept. Edits that touch the same spot are applied in later rounds on the re-parsed text,
 * so any list of edits composes in order.
 */
public final class YamlPatcher {
    /** An edit that was not made, and why. */
    public record Refusal(YamlEdit edit, String reason) {
    }

    /** The new text and the edits refused (target missing, or inside a shared anchor/alias). */
    public record Result(String text, List<Refusal> refused) {
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
        String text = rounds(file.path(), file.text(), others, refused);
        if (!reorders.isEmpty()) {
            text = rounds(file.path(), text, reorders, refused);
        }
        return new Result(text, refused);
    }

    /**
     * Applies the edits in rounds and returns the new text. Each round composes the text's node tree (a
     * {@link SchemaFile} keeps none); most files take one round, and no tree is composed without edits.
     */
    private static String rounds(Path path, String original, List<YamlEdit> edits, List<Refusal> refused) {
        String text = original;
        List<YamlEdit> pending = new ArrayList<>(edits);
        while (!pending.isEmpty()) {
            SchemaTree current = SchemaFile.tree(path, text);
            EditPlanner planner = new EditPlanner(path, current);
            AcceptedSplices accepted = new AcceptedSplices();
            List<YamlEdit> next = new ArrayList<>();
            List<Refusal> failed = new ArrayList<>();
            // The edits an edit turns into are planned right after it: pushed in front of the rest, in order
            // (inserting them into the middle of a list of thousands moved the rest each time).
            java.util.ArrayDeque<YamlEdit> work = new java.util.ArrayDeque<>(pending);
            while (!work.isEmpty()) {
                YamlEdit edit = work.pollFirst();
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
