package dev.osmosis.schema;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Turns one {@link YamlEdit} into splices against one parsed text, or into simpler edits (for existing targets). */
final class EditPlanner {
    /** Either splices to apply now, or edits to run instead of this one. */
    record Plan(List<Splice> splices, List<YamlEdit> instead) {
        static Plan of(List<Splice> splices) {
            return new Plan(splices, null);
        }

        static Plan of(Splice splice) {
            return new Plan(List.of(splice), null);
        }

        static Plan replaceWith(List<YamlEdit> edits) {
            return new Plan(List.of(), edits);
        }
    }

    private final Path path;
    private final SchemaTree tree;
    private final Emitter emitter;
    private final ValueSetter values;
    private final SequenceEdits sequences;

    /** {@code tree}: the parsed text the splices apply to; {@code path} names the file in messages. */
    EditPlanner(Path path, SchemaTree tree) {
        this.path = path;
        this.tree = tree;
        this.emitter = new Emitter(IndentStyle.detect(tree));
        this.values = new ValueSetter(tree, emitter);
        this.sequences = new SequenceEdits(tree.layout(), values, emitter);
    }

    Plan plan(YamlEdit edit) {
        if (edit instanceof YamlEdit.SetValue set) {
            return setValue(set);
        }
        if (edit instanceof YamlEdit.RemoveKey remove) {
            return removeKey(remove);
        }
        if (edit instanceof YamlEdit.AddColumn add) {
            return addColumn(add);
        }
        if (edit instanceof YamlEdit.RemoveColumn remove) {
            return removeColumn(remove);
        }
        if (edit instanceof YamlEdit.ReorderColumns reorder) {
            return reorder(reorder);
        }
        return new EntryAdder(path, tree, values, sequences).plan((YamlEdit.AddEntry) edit);
    }

    private SchemaTree.EntryLoc entry(EntryRef ref) {
        SchemaTree.EntryLoc loc = tree.findEntry(ref);
        if (loc == null) {
            throw new SchemaEditException(path + ": no " + ref + " in this file");
        }
        return loc;
    }

    private Plan setValue(YamlEdit.SetValue set) {
        SchemaTree.EntryLoc entry = entry(set.entry());
        if (set.column() == null) {
            return Plan.of(values.set(entry.node(), entry.path(), set.path(), set.value(), set.entry().toString()));
        }
        SchemaTree.ColumnLoc col = tree.findColumn(entry, set.column());
        if (col == null) {
            throw new SchemaEditException(path + ": " + set.entry() + " has no column " + set.column());
        }
        return Plan.of(values.set(col.node(), col.path(), set.path(), set.value(),
                set.entry() + " column " + col.name()));
    }

    private Plan removeKey(YamlEdit.RemoveKey remove) {
        SchemaTree.EntryLoc entry = entry(remove.entry());
        KeyRemover remover = new KeyRemover(tree, values);
        if (remove.column() == null) {
            return Plan.of(remover.remove(entry.node(), entry.path(), remove.path(), remove.entry().toString()));
        }
        SchemaTree.ColumnLoc col = tree.findColumn(entry, remove.column());
        return col == null ? Plan.of(List.of())
                : Plan.of(remover.remove(col.node(), col.path(), remove.path(), remove.entry() + " column " + col.name()));
    }

    private Plan addColumn(YamlEdit.AddColumn add) {
        SchemaTree.EntryLoc entry = entry(add.entry());
        SchemaTree.ColumnLoc existing = tree.findColumn(entry, add.column());
        if (existing != null) {
            List<YamlEdit> sets = new ArrayList<>();
            add.fields().forEach((k, v) -> {
                if (v instanceof Map<?, ?> map && !map.isEmpty()) {
                    // a config: or meta: mapping merges into the column's own, never replaces it
                    map.forEach((mk, mv) -> sets.add(new YamlEdit.SetValue(add.entry(), existing.name(),
                            List.of(k, (String) mk), mv)));
                } else {
                    sets.add(new YamlEdit.SetValue(add.entry(), existing.name(), List.of(k), v));
                }
            });
            return Plan.replaceWith(sets);
        }
        Map<String, Object> item = newItem(add);
        String what = add.entry().toString();
        if (tree.isShared(entry.path())) {
            throw values.refused(what, entry.node());
        }
        if (NodeReader.get(entry.node(), "columns") instanceof SequenceNode seq && !seq.getValue().isEmpty()) {
            List<Node> path = new ArrayList<>(entry.path());
            path.add(seq);
            if (tree.isShared(path)) {
                throw values.refused(what + " columns", seq);
            }
            return Plan.of(sequences.append(seq, inSiblingOrder(item, seq)));
        }
        return Plan.of(values.set(entry.node(), entry.path(), List.of("columns"), List.of(item), what));
    }

    /**
     * The columns of {@code run} (AddColumn edits of one entry, in order, the only column edits it gets this round)
     * as one new {@code columns:} list, when the entry has no {@code columns} key; null when that does not apply
     * and the edits are planned one by one. One by one, the first creates the list and each other waits for the next
     * round, which composes the whole file again to append it: this writes in one round the text those two rounds
     * write. So it applies only where the second round's text is certain: distinct names (else an append turns
     * into setting the column's keys), one-line values (whose text does not depend on the indentation the next
     * round would learn from the file), and a dash-to-key gap the next round would reuse (1 to 8).
     */
    Plan newColumnList(List<YamlEdit.AddColumn> run) {
        YamlEdit.AddColumn first = run.get(0);
        SchemaTree.EntryLoc entry = tree.findEntry(first.entry());
        int gap = emitter.style().itemKeyOffset();
        if (entry == null || NodeReader.get(entry.node(), "columns") != null || tree.isShared(entry.path())
                || TextLayout.isFlow(entry.node()) || gap < 1 || gap > 8) {
            return null;
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        List<Map<String, Object>> items = new ArrayList<>();
        for (YamlEdit.AddColumn add : run) {
            Map<String, Object> item = newItem(add);
            if (!names.add(lower(add.column())) || !item.values().stream().allMatch(Emitter::isInline)) {
                return null;
            }
            items.add(item);
        }
        List<Object> list = new ArrayList<>();
        list.add(items.get(0));
        List<String> firstKeys = new ArrayList<>(items.get(0).keySet());
        items.subList(1, items.size()).forEach(item -> list.add(inKeyOrder(item, firstKeys)));
        return Plan.of(values.set(entry.node(), entry.path(), List.of("columns"), list, first.entry().toString()));
    }

    /** The item a new column is written as: its name, then its fields. */
    private static Map<String, Object> newItem(YamlEdit.AddColumn add) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("name", add.column());
        add.fields().forEach((k, v) -> {
            if (!k.equals("name")) {
                item.put(k, v);
            }
        });
        return item;
    }

    /**
     * A new column's keys in the order the file's own columns use (description before data_type when they put it
     * so), so injected columns read like their neighbours; keys no sibling has keep their place after those.
     */
    private static Map<String, Object> inSiblingOrder(Map<String, Object> item, SequenceNode columns) {
        List<String> order = new ArrayList<>();
        for (Node column : columns.getValue()) {
            if (column instanceof MappingNode map) {
                for (NodeTuple t : map.getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode k && !order.contains(k.getValue())) {
                        order.add(k.getValue());
                    }
                }
            }
        }
        return inKeyOrder(item, order);
    }

    /** {@code item}'s keys sorted by their place in {@code order}; keys it lacks keep their order after those. */
    private static Map<String, Object> inKeyOrder(Map<String, Object> item, List<String> order) {
        List<String> keys = new ArrayList<>(item.keySet());
        keys.sort(java.util.Comparator.comparingInt(k -> order.contains(k) ? order.indexOf(k) : order.size()));
        Map<String, Object> sorted = new LinkedHashMap<>();
        keys.forEach(k -> sorted.put(k, item.get(k)));
        return sorted;
    }

    private Plan removeColumn(YamlEdit.RemoveColumn remove) {
        SchemaTree.EntryLoc entry = entry(remove.entry());
        SchemaTree.ColumnLoc col = tree.findColumn(entry, remove.column());
        if (col == null) {
            return Plan.of(List.of());
        }
        if (tree.isShared(col.path())) {
            throw values.refused(remove.entry() + " column " + col.name(), col.node());
        }
        if (col.seq().getValue().size() == 1) {
            List<Splice> emptied = values.set(entry.node(), entry.path(), List.of("columns"), List.of(),
                    remove.entry().toString());
            return Plan.of(emptied.size() == 1 ? List.of(sequences.keepDetachedComments(col.seq(), emptied.get(0)))
                    : emptied);
        }
        return Plan.of(sequences.remove(col.seq(), col.index()));
    }

    private Plan reorder(YamlEdit.ReorderColumns reorder) {
        SchemaTree.EntryLoc entry = entry(reorder.entry());
        List<SchemaTree.ColumnLoc> cols = tree.columns(entry);
        if (cols.size() < 2) {
            return Plan.of(List.of());
        }
        SequenceNode seq = cols.get(0).seq();
        if (cols.size() != seq.getValue().size() || tree.isShared(cols.get(0).path().subList(0,
                cols.get(0).path().size() - 1))) {
            throw new SchemaEditException(path + ": cannot reorder the columns of " + reorder.entry()
                    + ": some items are not plain named columns (aliases?); edit it by hand");
        }
        List<Integer> order = new ArrayList<>();
        for (String name : reorder.order()) {
            SchemaTree.ColumnLoc c = SchemaTree.matchByName(cols.stream()
                    .filter(x -> !order.contains(x.index())).toList(), SchemaTree.ColumnLoc::name, name);
            if (c != null) {
                order.add(c.index());
            }
        }
        for (SchemaTree.ColumnLoc c : cols) {
            if (!order.contains(c.index())) {
                order.add(c.index());
            }
        }
        boolean same = true;
        for (int i = 0; i < order.size(); i++) {
            same &= order.get(i) == i;
        }
        if (same) {
            return Plan.of(List.of());
        }
        if (sequences.grouped(seq)) {
            throw new SchemaEditException("its columns are grouped (blank lines or comments between some of them), "
                    + "so osmosis keeps the author's order; sort them by hand, or remove the blank lines between "
                    + "them to let refactor sort");
        }
        return Plan.of(sequences.reorder(seq, order));
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    static boolean isMap(Node node) {
        return node instanceof MappingNode;
    }
}
