package dev.osmosis.schema;

import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Refuses a schema file whose aliases would blow up when read. SnakeYAML composes an alias as the very node its
 * anchor names, so a "billion laughs" file (an anchor of nine aliases of an anchor of nine aliases...) composes in
 * milliseconds into a small graph; but osmosis reads meta, tags and config into plain values, copying the node at
 * every alias: 10^9 values, out of memory after 20 seconds. PyYAML, which dbt uses, shares them and never copies.
 * An alias whose node contains it (an endless value) is refused too, with its own reason.
 *
 * <p>Counting is linear in the nodes of the graph: each node's expanded size is computed once.
 */
final class AliasExpansion {
    /** Values aliases may add when copied. Reusing column definitions through anchors adds a few thousand. */
    static final long MAX_ADDED = 100_000;
    /** Sizes saturate here, so that nested aliases cannot overflow a long. */
    private static final long SATURATED = 1L << 40;

    private final Map<Node, Long> sizes = new IdentityHashMap<>();
    private final Path path;
    /** The innermost node that alone expands beyond the limit: where the message points. */
    private Node firstTooLarge;

    private AliasExpansion(Path path) {
        this.path = path;
    }

    /** @throws SchemaParseException when the aliases of {@code root} would add more than {@link #MAX_ADDED} values */
    static void check(Path path, Node root) {
        if (root == null) {
            return;
        }
        AliasExpansion count = new AliasExpansion(path);
        long expanded = count.size(root);
        long added = expanded - count.sizes.size();
        if (added > MAX_ADDED) {
            Node at = count.firstTooLarge != null ? count.firstTooLarge : root;
            throw SchemaParseException.unreadable(path, at.getStartMark().getLine() + 1, "its aliases (*name) "
                    + "repeat more than " + MAX_ADDED + " values (like a \"billion laughs\" file), which would take "
                    + "all memory to read; write the values out or use fewer nested aliases");
        }
    }

    private long size(Node node) {
        Long known = sizes.get(node);
        if (known != null) {
            if (known < 0) {
                throw SchemaParseException.unreadable(path, node.getStartMark().getLine() + 1, "an alias inside the "
                        + "value it names (like `meta: &a {self: *a}`) makes that value endless");
            }
            return known;
        }
        sizes.put(node, -1L);
        long total = 1;
        if (node instanceof MappingNode map) {
            for (NodeTuple tuple : map.getValue()) {
                total = Math.min(SATURATED, total + size(tuple.getKeyNode()) + size(tuple.getValueNode()));
            }
        } else if (node instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                total = Math.min(SATURATED, total + size(item));
            }
        }
        sizes.put(node, total);
        if (total > MAX_ADDED && firstTooLarge == null) {
            firstTooLarge = node;
        }
        return total;
    }
}
