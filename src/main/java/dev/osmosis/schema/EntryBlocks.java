package dev.osmosis.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Moves whole entries between files as text: {@link #cut} takes an entry's item (with the comment lines above it)
 * out of one file and {@link #paste} puts the same lines into another, shifted only to the target's indentation.
 * Every other byte of both files is kept.
 */
public final class EntryBlocks {
    /**
     * The lines of one sequence item, shifted so its dash sits in column 0, joined with "\n".
     *
     * @param dashOffset how far the dash sat right of the key owning the sequence, reused when a new key is written
     */
    public record Block(String name, String text, int dashOffset) {
    }

    /** The file's text without the item, and the item. */
    public record Cut(String text, Block block) {
    }

    private final SchemaFile file;
    private final SchemaTree tree;
    private final TextLayout layout;
    private final ValueSetter values;
    private final SequenceEdits sequences;

    private EntryBlocks(SchemaFile file) {
        this.file = file;
        this.tree = file.tree();
        this.layout = tree.layout();
        Emitter emitter = new Emitter(IndentStyle.detect(tree));
        this.values = new ValueSetter(tree, emitter);
        this.sequences = new SequenceEdits(layout, values, emitter);
    }

    /** Cuts a model, seed or snapshot item, or one table of a source. */
    public static Cut cut(SchemaFile file, EntryRef ref) {
        EntryBlocks b = new EntryBlocks(file);
        SchemaTree.EntryLoc loc = b.tree.findEntry(ref);
        if (loc == null) {
            throw new SchemaEditException(file.path() + ": no " + ref + " in this file");
        }
        List<Node> path = loc.path();
        MappingNode owner = (MappingNode) path.get(path.size() - 3);
        return b.cutItem(owner, ref.kind() == EntryKind.SOURCE ? "tables" : ref.kind().yamlKey(), loc.seq(),
                loc.node(), path, loc.name());
    }

    /** Cuts a whole {@code sources:} item, with all its tables. */
    public static Cut cutSource(SchemaFile file, String sourceName) {
        EntryBlocks b = new EntryBlocks(file);
        MappingNode source = b.tree.findSource(sourceName);
        if (source == null) {
            throw new SchemaEditException(file.path() + ": no source " + sourceName + " in this file");
        }
        MappingNode root = b.tree.rootMap();
        SequenceNode seq = (SequenceNode) NodeReader.get(root, "sources");
        return b.cutItem(root, "sources", seq, source, List.of(root, seq, source),
                NodeReader.string(NodeReader.get(source, "name")));
    }

    /** True when the file has a {@code sources:} item named {@code sourceName}. */
    public static boolean hasSource(SchemaFile file, String sourceName) {
        return file.tree().findSource(sourceName) != null;
    }

    /** True when a source item holds nothing but its name and tables (it can merge into another file's source). */
    public static boolean isBareSource(SchemaFile file, String sourceName) {
        MappingNode source = file.tree().findSource(sourceName);
        return source != null && NodeReader.entries(source).keySet().stream()
                .allMatch(k -> k.equals("name") || k.equals("tables"));
    }

    /** True when the file declares nothing: no top-level key but {@code version}. */
    public static boolean isEmpty(SchemaFile file) {
        MappingNode root = file.tree().rootMap();
        if (root == null) {
            return file.text().isBlank();
        }
        return NodeReader.entries(root).keySet().stream().allMatch(k -> k.equals("version"));
    }

    /** Puts {@code block} under the top-level {@code key} (models, seeds, snapshots or sources) of {@code file}. */
    public static String paste(SchemaFile file, String key, Block block) {
        EntryBlocks b = new EntryBlocks(file);
        MappingNode root = b.tree.rootMap();
        if (root == null) {
            return b.newFile(key, block);
        }
        return b.pasteUnder(root, List.of(root), key, block);
    }

    /** Puts a table's {@code block} under the {@code tables:} of the file's source {@code sourceName}. */
    public static String pasteTable(SchemaFile file, String sourceName, Block block) {
        EntryBlocks b = new EntryBlocks(file);
        MappingNode source = b.tree.findSource(sourceName);
        if (source == null) {
            throw new SchemaEditException(file.path() + ": no source " + sourceName + " in this file");
        }
        MappingNode root = b.tree.rootMap();
        return b.pasteUnder(source, List.of(root, NodeReader.get(root, "sources"), source), "tables", block);
    }

    private Cut cutItem(MappingNode owner, String key, SequenceNode seq, Node item, List<Node> path, String name) {
        if (TextLayout.isFlow(seq)) {
            throw new SchemaEditException(file.path() + ": '" + key + "' is a flow-style list ([...]); osmosis "
                    + "moves block-style items only, so move " + name + " by hand");
        }
        if (tree.isShared(path)) {
            throw values.refused(name, item);
        }
        int start = sequences.blockStart(item);
        int end = layout.lineEnd(values.nodeEnd(item));
        int dash = sequences.dash(item);
        int dashCol = layout.column(dash);
        int keyCol = layout.column(layout.start(keyTuple(owner, key).getKeyNode()));
        Block block = new Block(name, shift(layout.text().substring(start, end), dashCol), dashCol - keyCol);
        int index = indexOf(seq, item);
        Splice removal = seq.getValue().size() >= 2 ? sequences.remove(seq, index) : values.removeKey(owner, key, file.path());
        return new Cut(YamlPatcher.splice(layout.text(), List.of(removal)), block);
    }

    private String pasteUnder(MappingNode map, List<Node> path, String key, Block block) {
        if (TextLayout.isFlow(map) || tree.isShared(path)) {
            throw new SchemaEditException(file.path() + ": cannot add " + block.name() + " near line "
                    + (map.getStartMark().getLine() + 1) + " (flow style or a YAML alias); move it by hand");
        }
        String eol = layout.eol();
        Node value = NodeReader.get(map, key);
        if (value == null) {
            int keyCol = values.keyColumn(map);
            String lines = Emitter.pad(keyCol) + key + ":" + eol + indent(block.text(), keyCol + block.dashOffset(), eol);
            int at = layout.lineEnd(values.nodeEnd(map.getValue().get(map.getValue().size() - 1).getValueNode()));
            boolean blank = map == tree.rootMap();
            return YamlPatcher.splice(layout.text(), List.of(new Splice(at, at, eol + (blank ? eol : "") + lines,
                    null)));
        }
        if (!(value instanceof SequenceNode seq) || seq.getValue().isEmpty() || TextLayout.isFlow(seq)) {
            throw new SchemaEditException(file.path() + ": '" + key + "' near line " + (value.getStartMark().getLine()
                    + 1) + " is not a block list of entries; move " + block.name() + " by hand");
        }
        List<Node> items = seq.getValue();
        String lines = indent(block.text(), layout.column(sequences.dash(items.get(0))), eol);
        boolean blank = items.size() >= 2 && sequences.hasBlankLine(values.nodeEnd(items.get(0)),
                sequences.dash(items.get(1)));
        String gap = eol + (blank ? eol : "");
        int at = insertionIndex(items, block.name());
        Splice splice;
        if (at < items.size()) {
            int start = sequences.blockStart(items.get(at));
            splice = new Splice(start, start, lines + gap, null);
        } else {
            int end = layout.lineEnd(values.nodeEnd(items.get(items.size() - 1)));
            splice = new Splice(end, end, gap + lines, null);
        }
        return YamlPatcher.splice(layout.text(), List.of(splice));
    }

    /** Keeps the target's order: an alphabetical list gets the entry in its place, any other list at its end. */
    private static int insertionIndex(List<Node> items, String name) {
        List<String> names = new ArrayList<>();
        for (Node item : items) {
            String n = item instanceof MappingNode m ? NodeReader.string(NodeReader.get(m, "name")) : null;
            if (n == null) {
                return items.size();
            }
            names.add(n.toLowerCase(Locale.ROOT));
        }
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        if (!sorted.equals(names)) {
            return items.size();
        }
        String wanted = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).compareTo(wanted) > 0) {
                return i;
            }
        }
        return items.size();
    }

    /** A file with no mapping yet (new, or only comments): `version: 2`, then the key and the block. */
    private String newFile(String key, Block block) {
        String text = layout.text();
        if (text.lines().anyMatch(l -> !l.isBlank() && !l.strip().startsWith("#") && !l.strip().equals("---"))) {
            throw new SchemaEditException(file.path() + ": its top level is not a mapping of dbt keys; move "
                    + block.name() + " by hand");
        }
        String eol = layout.eol();
        String body = "version: 2" + eol + eol + key + ":" + eol + indent(block.text(), block.dashOffset(), eol) + eol;
        return text.isBlank() ? text.substring(0, layout.contentStart()) + body
                : text + (text.endsWith("\n") ? "" : eol) + body;
    }

    private static NodeTuple keyTuple(MappingNode map, String key) {
        for (NodeTuple t : map.getValue()) {
            if (key.equals(NodeReader.string(t.getKeyNode()))) {
                return t;
            }
        }
        throw new SchemaEditException("no key '" + key + "' near line " + (map.getStartMark().getLine() + 1));
    }

    private static int indexOf(SequenceNode seq, Node item) {
        List<Node> items = seq.getValue();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == item) {
                return i;
            }
        }
        throw new IllegalStateException("item not in its sequence");
    }

    /** Lines with up to {@code col} leading spaces removed, joined with "\n" (line endings are the target's). */
    private static String shift(String text, int col) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\r\n|\n|\r", -1)) {
            int spaces = 0;
            while (spaces < col && spaces < line.length() && line.charAt(spaces) == ' ') {
                spaces++;
            }
            out.add(line.substring(spaces));
        }
        return String.join("\n", out);
    }

    private static String indent(String text, int col, String eol) {
        String pad = Emitter.pad(col);
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            out.add(line.isEmpty() ? line : pad + line);
        }
        return String.join(eol, out);
    }
}
