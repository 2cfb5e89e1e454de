package dev.osmosis.schema;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/** The splice removing one key (and the mappings it leaves empty) from an entry's or column's mapping. */
record KeyRemover(SchemaTree tree, ValueSetter values) {

    /** {@code path} = nodes from the root to {@code owner}, for the shared-anchor check. */
    List<Splice> remove(MappingNode owner, List<Node> path, List<String> keys, String what) {
        List<MappingNode> maps = new ArrayList<>();
        List<NodeTuple> tuples = new ArrayList<>();
        List<Node> nodes = new ArrayList<>(path);
        MappingNode map = owner;
        for (int i = 0; i < keys.size(); i++) {
            NodeReader.Entry found = NodeReader.entries(map).get(keys.get(i));
            if (found == null) {
                return List.of();
            }
            if (found.merged()) {
                throw new SchemaEditException("refusing to edit " + what + ": key '" + keys.get(i)
                        + "' comes from a YAML merge key (<<: *anchor) at line " + values.line(map)
                        + "; edit it by hand");
            }
            maps.add(map);
            tuples.add(found.tuple());
            nodes.add(found.value());
            if (i + 1 < keys.size()) {
                if (!(found.value() instanceof MappingNode child)) {
                    return List.of();
                }
                map = child;
            }
        }
        if (tree.isShared(nodes)) {
            throw values.refused(what, map);
        }
        int level = keys.size() - 1;
        while (level > 0 && maps.get(level).getValue().size() == 1) {
            level--; // the key is all its mapping holds: remove the mapping's own key instead
        }
        Splice cut = removeTuple(maps.get(level), tuples.get(level), what);
        // one removal per mapping and round: a second one must see what the first left, or the pair could leave
        // an empty `meta:` behind that neither would have pruned
        return List.of(new Splice(cut.start(), cut.end(), "", null, "remove@" + values.id(maps.get(level))));
    }

    private Splice removeTuple(MappingNode map, NodeTuple tuple, String what) {
        TextLayout layout = tree.layout();
        List<NodeTuple> all = map.getValue();
        int index = all.indexOf(tuple);
        if (TextLayout.isFlow(map)) {
            if (all.size() == 1) {
                return new Splice(layout.start(map) + 1, layout.contentEnd(map) - 1, "", null);
            }
            return index > 0
                    ? new Splice(values.tupleEnd(all.get(index - 1)), values.tupleEnd(tuple), "", null)
                    : new Splice(layout.start(tuple.getKeyNode()), layout.start(all.get(1).getKeyNode()), "", null);
        }
        int keyStart = layout.start(tuple.getKeyNode());
        int lineStart = layout.lineStart(keyStart);
        if (!layout.text().substring(lineStart, keyStart).isBlank()) {
            throw new SchemaEditException("refusing to edit " + what + ": the key '" + NodeReader.string(
                    tuple.getKeyNode()) + "' shares line " + values.line(tuple.getKeyNode())
                    + " with other YAML; edit it by hand");
        }
        int end = layout.lineEnd(values.tupleEnd(tuple));
        int next = layout.nextLineStart(end);
        if (next > end) {
            return new Splice(lineStart, next, "", null);
        }
        // the last line of a file without a final line break: take the break before it instead
        String text = layout.text();
        int start = lineStart;
        if (start > 0) {
            start--;
            if (text.charAt(start) == '\n' && start > 0 && text.charAt(start - 1) == '\r') {
                start--;
            }
        }
        return new Splice(start, end, "", null);
    }
}
