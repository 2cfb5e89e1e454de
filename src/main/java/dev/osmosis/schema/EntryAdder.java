package dev.osmosis.schema;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Plans {@link YamlEdit.AddEntry}: a new item under models/seeds/snapshots, or a table under its source. */
final class EntryAdder {
    private final Path path;
    private final SchemaTree tree;
    private final ValueSetter values;
    private final SequenceEdits sequences;

    EntryAdder(Path path, SchemaTree tree, ValueSetter values, SequenceEdits sequences) {
        this.path = path;
        this.tree = tree;
        this.values = values;
        this.sequences = sequences;
    }

    EditPlanner.Plan plan(YamlEdit.AddEntry add) {
        EntryRef ref = add.entry();
        if (tree.findEntry(ref) != null) {
            return EditPlanner.Plan.replaceWith(updates(add));
        }
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("name", ref.name());
        add.fields().forEach((k, v) -> {
            if (!k.equals("name")) {
                item.put(k, v);
            }
        });
        if (ref.kind() == EntryKind.SOURCE) {
            MappingNode source = tree.findSource(ref.sourceName());
            if (source != null) {
                List<Node> path = List.of(tree.rootMap(), NodeReader.get(tree.rootMap(), "sources"), source);
                return EditPlanner.Plan.of(appendTo(source, path, "tables", item, false, ref));
            }
            Map<String, Object> newSource = new LinkedHashMap<>();
            newSource.put("name", ref.sourceName());
            newSource.put("tables", List.of(item));
            return EditPlanner.Plan.of(appendToRoot("sources", newSource, ref));
        }
        return EditPlanner.Plan.of(appendToRoot(ref.kind().yamlKey(), item, ref));
    }

    /** An existing entry: set its fields and add its missing columns, so adding twice changes nothing. */
    private static List<YamlEdit> updates(YamlEdit.AddEntry add) {
        List<YamlEdit> edits = new ArrayList<>();
        add.fields().forEach((k, v) -> {
            if (k.equals("columns") && v instanceof List<?> cols) {
                for (Object c : cols) {
                    if (c instanceof Map<?, ?> m && m.get("name") instanceof String name) {
                        Map<String, Object> fields = new LinkedHashMap<>();
                        m.forEach((ck, cv) -> {
                            if (!"name".equals(ck)) {
                                fields.put((String) ck, cv);
                            }
                        });
                        edits.add(new YamlEdit.AddColumn(add.entry(), name, fields));
                    }
                }
            } else if (!k.equals("name")) {
                edits.add(new YamlEdit.SetValue(add.entry(), null, List.of(k), v));
            }
        });
        return edits;
    }

    private List<Splice> appendToRoot(String key, Map<String, Object> item, EntryRef ref) {
        MappingNode root = tree.rootMap();
        if (root != null) {
            return appendTo(root, List.of(root), key, item, true, ref);
        }
        String text = tree.layout().text();
        if (hasContent(text)) {
            throw new SchemaEditException(path + ": cannot add " + ref
                    + ": the file's top level is not a mapping of dbt keys");
        }
        String eol = values.eol();
        Emitter emitter = new Emitter(IndentStyle.DEFAULT);
        List<String> lines = new ArrayList<>();
        lines.add("version: 2");
        lines.add("");
        lines.addAll(emitter.keyValue(key, List.of(item), 0));
        String body = String.join(eol, lines) + eol;
        int start = tree.layout().contentStart();
        if (text.substring(start).isBlank()) {
            return List.of(new Splice(start, text.length(), body, null));
        }
        String prefix = endsWithBreak(text) ? eol : eol + eol;
        return List.of(new Splice(text.length(), text.length(), prefix + body, null));
    }

    private static boolean endsWithBreak(String text) {
        return !text.isEmpty() && TextLayout.isBreak(text.charAt(text.length() - 1));
    }

    /** True when the text holds anything besides whitespace, comments and document markers. */
    private static boolean hasContent(String text) {
        return text.lines().map(String::strip).map(l -> l.startsWith("\uFEFF") ? l.substring(1) : l)
                .anyMatch(l -> !l.isEmpty() && !l.startsWith("#") && !l.equals("---") && !l.equals("..."));
    }

    private List<Splice> appendTo(MappingNode map, List<Node> path, String key, Map<String, Object> item,
            boolean blankBefore, EntryRef ref) {
        Node node = NodeReader.get(map, key);
        if (node instanceof SequenceNode seq && !seq.getValue().isEmpty()) {
            List<Node> deeper = new ArrayList<>(path);
            deeper.add(seq);
            if (tree.isShared(deeper)) {
                throw values.refused("'" + key + "' to add " + ref, seq);
            }
            return List.of(sequences.append(seq, item));
        }
        if (node == null) {
            if (tree.isShared(path)) {
                throw values.refused(ref.toString(), map);
            }
            return List.of(values.insertKey(map, key, List.of(item), "keys@" + values.id(map), blankBefore));
        }
        return values.set(map, path, List.of(key), List.of(item), ref.toString());
    }
}
