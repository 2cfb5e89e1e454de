package dev.osmosis.schema;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A file's own indentation, learnt from its first examples: nested mapping width, how far a block sequence sits
 * right of its key (0 for {@code columns:\n- name}), and the gap between a dash and its mapping's keys.
 */
record IndentStyle(int mapIndent, int seqOffset, int itemKeyOffset) {
    static final IndentStyle DEFAULT = new IndentStyle(2, 2, 2);

    static IndentStyle detect(SchemaTree tree) {
        MappingNode root = tree.rootMap();
        int[] found = {-1, -1, -1};
        if (root != null) {
            walk(tree, root, found, 0);
        }
        return new IndentStyle(found[0] > 0 ? found[0] : found[2] > 1 ? found[2] : 2, found[1] >= 0 ? found[1] : 2,
                found[2] > 0 ? found[2] : 2);
    }

    private static void walk(SchemaTree tree, Node node, int[] found, int depth) {
        if (depth > 12 || found[0] > 0 && found[1] >= 0 && found[2] > 0 || TextLayout.isFlow(node)) {
            return;
        }
        TextLayout layout = tree.layout();
        if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                int keyCol = layout.column(layout.start(t.getKeyNode()));
                Node v = t.getValueNode();
                if (TextLayout.isFlow(v) || layout.start(v) < layout.start(t.getKeyNode())) {
                    continue;
                }
                if (v instanceof MappingNode m && !m.getValue().isEmpty() && found[0] < 0) {
                    int d = layout.column(layout.start(m.getValue().get(0).getKeyNode())) - keyCol;
                    found[0] = d > 0 ? d : -1;
                } else if (v instanceof SequenceNode s && !s.getValue().isEmpty() && found[1] < 0) {
                    int d = layout.column(layout.start(s)) - keyCol;
                    found[1] = d >= 0 ? d : -1;
                }
                walk(tree, v, found, depth + 1);
            }
        } else if (node instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                if (item instanceof MappingNode m && !m.getValue().isEmpty() && !TextLayout.isFlow(m) && found[2] < 0) {
                    int d = layout.column(layout.start(m)) - layout.column(layout.start(seq));
                    found[2] = d > 0 ? d : -1;
                }
                walk(tree, item, found, depth + 1);
            }
        }
    }
}
