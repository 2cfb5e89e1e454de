package dev.osmosis.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Key/value splices on one parsed text: replace a value node's text, or add a key to a mapping. */
final class ValueSetter {
    private final SchemaTree tree;
    private final TextLayout layout;
    private final Emitter emitter;
    private final String eol;

    ValueSetter(SchemaTree tree, Emitter emitter) {
        this.tree = tree;
        this.layout = tree.layout();
        this.emitter = emitter;
        this.eol = layout.eol();
    }

    String eol() {
        return eol;
    }

    /** Splices setting {@code keys} under {@code map}; {@code path} = nodes from root to map (for alias checks). */
    List<Splice> set(MappingNode map, List<Node> path, List<String> keys, Object value, String what) {
        if (tree.isShared(path)) {
            throw refused(what, map);
        }
        String key = keys.get(0);
        NodeReader.Entry existing = NodeReader.entries(map).get(key);
        List<String> rest = keys.subList(1, keys.size());
        if (existing == null) {
            return List.of(insertKey(map, key, nest(rest, value), "keys@" + id(map), false));
        }
        if (existing.merged()) {
            throw new SchemaEditException("refusing to edit " + what + ": key '" + key
                    + "' comes from a YAML merge key (<<: *anchor) at line " + line(map) + "; edit it by hand");
        }
        Node node = existing.value();
        List<Node> deeper = new ArrayList<>(path);
        deeper.add(node);
        if (tree.isShared(deeper)) {
            throw refused(what, node);
        }
        if (rest.isEmpty()) {
            return replace(existing.tuple(), value, keyColumn(map), TextLayout.isFlow(map));
        }
        if (node instanceof MappingNode child) {
            return set(child, deeper, rest, value, what);
        }
        if (NodeReader.toJava(node) == null) {
            return replace(existing.tuple(), nest(rest, value), keyColumn(map), TextLayout.isFlow(map));
        }
        throw new SchemaEditException("cannot set " + String.join(".", keys) + " on " + what + ": '" + key
                + "' at line " + line(node) + " is not a mapping");
    }

    private static Object nest(List<String> keys, Object value) {
        Object v = value;
        for (int i = keys.size() - 1; i >= 0; i--) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(keys.get(i), v);
            v = m;
        }
        return v;
    }

    /** Replaces the value of {@code tuple}; nothing when the new value equals the current one. */
    List<Splice> replace(NodeTuple tuple, Object value, int keyCol, boolean inFlow) {
        Node old = tuple.getValueNode();
        if (Objects.equals(NodeReader.normalize(NodeReader.toJava(old)), NodeReader.normalize(value))) {
            return List.of();
        }
        int colon = colonEnd(tuple.getKeyNode());
        boolean oldEmpty = old instanceof ScalarNode s && s.getValue().isEmpty() && s.isPlain();
        int oldStart = oldEmpty ? colon : layout.start(old);
        int oldEnd = oldEmpty ? colon : layout.contentEnd(old);
        String lead = oldEmpty ? " " : "";
        if (inFlow) {
            // a quoted value keeps its quotes in a flow mapping too ({name: a, description: ''})
            String kept = value instanceof String s && old instanceof ScalarNode os && !oldEmpty
                    ? keepStyle(s, os.getScalarStyle()) : null;
            return List.of(new Splice(oldStart, oldEnd, lead + (kept != null ? kept : Emitter.flow(value)), null));
        }
        List<Splice> appended = appendToList(old, value);
        if (appended != null) {
            return appended;
        }
        if (value instanceof String s && old instanceof ScalarNode os && !oldEmpty) {
            String kept = keepStyle(s, os.getScalarStyle());
            if (kept != null) {
                return List.of(new Splice(oldStart, oldEnd, kept, null));
            }
        }
        // a block stays a block for new text, but emptied it is "" (an empty block reads as a mistake)
        if (Emitter.isInline(value) && !(value instanceof String s && !s.isEmpty() && isBlockStyle(old)
                && YamlScalars.blockSafe(s))) {
            String text = value instanceof List<?> || value instanceof Map<?, ?> ? Emitter.flow(value)
                    : YamlScalars.inline(value, false);
            if (isBlockCollection(old)) {
                return List.of(new Splice(colon, layout.contentEnd(old), " " + text, null));
            }
            return List.of(new Splice(oldStart, oldEnd, lead + text, null));
        }
        if (value instanceof String s) {
            boolean folded = old instanceof ScalarNode os && os.getScalarStyle() == ScalarStyle.FOLDED;
            List<String> block = emitter.blockScalar(s, contentColumn(old, keyCol), keyCol, folded);
            return List.of(headerThenLines(oldStart, oldEnd, lead + block.get(0), block.subList(1, block.size())));
        }
        if (value instanceof List<?> list && TextLayout.isFlow(old) && list.stream().noneMatch(Map.class::isInstance)) {
            return List.of(new Splice(oldStart, oldEnd, lead + Emitter.flow(value), null));
        }
        List<String> lines = emitter.valueLines(value, keyCol);
        if (isBlockCollection(old)) {
            int keyLineEnd = layout.lineEnd(colon);
            return List.of(new Splice(keyLineEnd, layout.contentEnd(old), eol + String.join(eol, lines), null));
        }
        return List.of(headerThenLines(colon, oldEnd, "", lines));
    }

    /** A list that only grows keeps its existing items' text: the new items are appended. Null otherwise. */
    private List<Splice> appendToList(Node old, Object value) {
        if (!(old instanceof SequenceNode seq) || seq.getValue().isEmpty() || !(value instanceof List<?> list)) {
            return null;
        }
        Object current = NodeReader.normalize(NodeReader.toJava(old));
        List<?> now = (List<?>) current;
        if (list.size() <= now.size() || !NodeReader.normalize(list.subList(0, now.size())).equals(now)) {
            return null;
        }
        SequenceEdits sequences = new SequenceEdits(layout, this, emitter);
        List<Splice> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        Splice first = null;
        for (Object item : list.subList(now.size(), list.size())) {
            Splice s = sequences.append(seq, item);
            first = first == null ? s : first;
            text.append(s.text());
        }
        out.add(new Splice(first.start(), first.end(), text.toString(), null));
        return out;
    }

    /** Replaces [start, end) by {@code header}, keeps the rest of that line (a comment), then adds the lines. */
    private Splice headerThenLines(int start, int end, String header, List<String> lines) {
        int lineEnd = layout.lineEnd(end);
        String rest = layout.text().substring(end, lineEnd);
        String tail = rest.isBlank() ? "" : rest;
        return new Splice(start, lineEnd, header + tail + eol + String.join(eol, lines), null);
    }

    /** The same quoting as before when the new text fits it; null when another style is needed. */
    private static String keepStyle(String s, ScalarStyle style) {
        boolean oneLine = s.indexOf('\n') < 0;
        return switch (style) {
            case SINGLE_QUOTED -> oneLine && YamlScalars.canSingleQuote(s) ? YamlScalars.singleQuoted(s) : null;
            case DOUBLE_QUOTED -> oneLine ? YamlScalars.doubleQuoted(s) : null;
            default -> null;
        };
    }

    private static boolean isBlockStyle(Node node) {
        return node instanceof ScalarNode s
                && (s.getScalarStyle() == ScalarStyle.LITERAL || s.getScalarStyle() == ScalarStyle.FOLDED);
    }

    private static boolean isBlockCollection(Node node) {
        return (node instanceof MappingNode || node instanceof SequenceNode) && !TextLayout.isFlow(node);
    }

    /** Indentation of an existing block scalar's content, or key column + mapping indent. */
    private int contentColumn(Node old, int keyCol) {
        if (isBlockStyle(old)) {
            String text = layout.text();
            int i = layout.start(old) + 1;
            while (i < text.length() && "+-".indexOf(text.charAt(i)) >= 0) {
                i++;
            }
            if (i < text.length() && Character.isDigit(text.charAt(i))) {
                return keyCol + (text.charAt(i) - '0');
            }
            int line = layout.lineOf(layout.start(old)) + 1;
            int last = layout.lineOf(layout.contentEnd(old));
            for (; line <= last && line < layout.lineCount(); line++) {
                String l = layout.lineText(line);
                if (!l.isBlank()) {
                    return l.length() - l.stripLeading().length();
                }
            }
        }
        return keyCol + emitter.style().mapIndent();
    }

    /** Adds {@code key: value} as the mapping's last key, in the mapping's own style. */
    Splice insertKey(MappingNode map, String key, Object value, String group, boolean blankBefore) {
        List<NodeTuple> tuples = map.getValue();
        if (TextLayout.isFlow(map)) {
            String item = YamlScalars.inline(key, true) + ": " + Emitter.flow(value);
            if (tuples.isEmpty()) {
                int open = layout.start(map) + 1;
                return new Splice(open, open, item, group, group + ":" + key);
            }
            int end = tupleEnd(tuples.get(tuples.size() - 1));
            return new Splice(end, end, ", " + item, group, group + ":" + key);
        }
        int col = keyColumn(map);
        List<String> lines = emitter.keyValue(key, value, col);
        int after = tuples.size() - 1;
        if (after > 0 && !key.equals("columns") && isKey(tuples.get(after), "columns")) {
            after--; // keep a long columns list last, as dbt files usually do
        }
        after = besideItsNeighbour(tuples, key, after);
        int at = layout.lineEnd(tupleEnd(tuples.get(after)));
        return new Splice(at, at, eol + (blankBefore ? eol : "") + String.join(eol, lines), group,
                group + ":" + key);
    }

    /**
     * A data_type goes after the description (else the name), where dbt's own files and dbt-osmosis put it, not
     * after a tests: block at the end of the column: {@code after} is the tuple to insert behind otherwise.
     */
    private static int besideItsNeighbour(List<NodeTuple> tuples, String key, int after) {
        if (!key.equals("data_type")) {
            return after;
        }
        for (String neighbour : List.of("description", "name")) {
            for (int i = 0; i < tuples.size(); i++) {
                if (isKey(tuples.get(i), neighbour)) {
                    return i;
                }
            }
        }
        return after;
    }

    private static boolean isKey(NodeTuple tuple, String key) {
        return tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key);
    }

    /** End of a key/value pair's text; an alias value ends on its key's line. */
    int tupleEnd(NodeTuple tuple) {
        Node v = tuple.getValueNode();
        int keyEnd = layout.contentEnd(tuple.getKeyNode());
        int end = nodeEnd(v);
        return end < keyEnd ? layout.lineEnd(keyEnd) : end;
    }

    /** End of a node's text that also copes with aliases (their marks point at the anchor, earlier in the file). */
    int nodeEnd(Node node) {
        if (node instanceof MappingNode m && !m.getValue().isEmpty() && !TextLayout.isFlow(m)) {
            return tupleEnd(m.getValue().get(m.getValue().size() - 1));
        }
        if (node instanceof SequenceNode s && !s.getValue().isEmpty() && !TextLayout.isFlow(s)) {
            Node last = s.getValue().get(s.getValue().size() - 1);
            int end = nodeEnd(last);
            if (end < layout.start(s)) {
                throw new SchemaEditException("refusing to edit near line " + line(s)
                        + ": the sequence ends with an alias (*anchor); edit it by hand");
            }
            return end;
        }
        return layout.contentEnd(node);
    }

    /** Removes {@code key} and its value from a block mapping, with the line break (or blank line) before it. */
    /** Removes {@code key} and its value from a block mapping, with the line break (or blank lines) around it. */
    Splice removeKey(MappingNode map, String key, java.nio.file.Path file) {
        List<NodeTuple> tuples = map.getValue();
        NodeTuple tuple = tuples.stream().filter(t -> key.equals(NodeReader.string(t.getKeyNode()))).findFirst()
                .orElseThrow(() -> new SchemaEditException(file + ": no key '" + key + "' near line " + line(map)));
        int index = tuples.indexOf(tuple);
        int keyStart = layout.start(tuple.getKeyNode());
        if (TextLayout.isFlow(map) || !layout.text().substring(layout.lineStart(keyStart), keyStart).isBlank()) {
            throw new SchemaEditException(file + ": cannot remove '" + key + "' at line "
                    + (layout.lineOf(keyStart) + 1) + ": it shares its line with other text; edit it by hand");
        }
        int end = layout.lineEnd(nodeEnd(tuple.getValueNode()));
        if (index > 0) {
            return new Splice(layout.lineEnd(nodeEnd(tuples.get(index - 1).getValueNode())), end, "", null);
        }
        int next = layout.nextLineStart(end);
        while (next < layout.text().length() && layout.isBlankLine(layout.lineOf(next))
                && layout.nextLineStart(next) > next) {
            next = layout.nextLineStart(next);
        }
        return new Splice(layout.lineStart(keyStart), next, "", null);
    }

    int keyColumn(MappingNode map) {
        return map.getValue().isEmpty() ? 0 : layout.column(layout.start(map.getValue().get(0).getKeyNode()));
    }

    /** Offset just after the ':' that follows a key. */
    int colonEnd(Node key) {
        int i = layout.contentEnd(key);
        String text = layout.text();
        while (i < text.length() && text.charAt(i) != ':') {
            i++;
        }
        return Math.min(text.length(), i + 1);
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
    }

    /** A stable name for a node within this text (its start offset and type), for splice groups. */
    String id(Node node) {
        return layout.start(node) + node.getNodeId().name();
    }

    int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    SchemaEditException refused(String what, Node node) {
        return new SchemaEditException("refusing to edit " + what + ": it is inside a YAML anchor/alias shared "
                + "with other places (near line " + line(node) + "); edit it by hand");
    }
}
