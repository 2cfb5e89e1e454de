package dev.osmosis.schema;

import java.math.BigDecimal;
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
import org.yaml.snakeyaml.nodes.Tag;

/** Reads composed YAML nodes: key lookup through merge keys ({@code <<: *x}) and conversion to plain Java values. */
final class NodeReader {
    private NodeReader() {
    }

    /** One key of a mapping as seen by a reader; {@code merged} when it only exists through a merge key. */
    record Entry(String key, NodeTuple tuple, boolean merged) {
        Node value() {
            return tuple.getValueNode();
        }
    }

    static boolean isMergeKey(NodeTuple tuple) {
        return tuple.getKeyNode() instanceof ScalarNode key
                && (Tag.MERGE.equals(key.getTag()) || "<<".equals(key.getValue()) && key.isPlain());
    }

    /** Keys in order; local keys first win over keys merged in through {@code <<}. */
    static Map<String, Entry> entries(MappingNode map) {
        Map<String, Entry> out = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            if (!isMergeKey(tuple) && tuple.getKeyNode() instanceof ScalarNode key) {
                out.putIfAbsent(key.getValue(), new Entry(key.getValue(), tuple, false));
            }
        }
        for (NodeTuple tuple : map.getValue()) {
            if (isMergeKey(tuple)) {
                List<Node> sources = tuple.getValueNode() instanceof SequenceNode seq ? seq.getValue()
                        : List.of(tuple.getValueNode());
                for (Node source : sources) {
                    if (source instanceof MappingNode merged) {
                        entries(merged).forEach((k, e) -> out.putIfAbsent(k, new Entry(k, e.tuple(), true)));
                    }
                }
            }
        }
        return out;
    }

    static Node get(MappingNode map, String key) {
        // The first local key wins, as in entries(); only a mapping with merge keys needs the full view. Scanning
        // avoids building a map per lookup (three lookups per column of a large file).
        boolean merges = false;
        for (NodeTuple tuple : map.getValue()) {
            if (isMergeKey(tuple)) {
                merges = true;
            } else if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return tuple.getValueNode();
            }
        }
        if (!merges) {
            return null;
        }
        Entry e = entries(map).get(key);
        return e == null ? null : e.value();
    }

    static String string(Node node) {
        if (node instanceof ScalarNode s && !Tag.NULL.equals(s.getTag())) {
            return s.getValue();
        }
        return null;
    }

    /** A plain Java view of a node: String, Boolean, Long, Double, null, List or Map (merge keys applied). */
    static Object toJava(Node node) {
        if (node == null) {
            return null;
        }
        if (node instanceof ScalarNode s) {
            return scalar(s);
        }
        if (node instanceof SequenceNode seq) {
            List<Object> out = new ArrayList<>();
            seq.getValue().forEach(n -> out.add(toJava(n)));
            return out;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        entries((MappingNode) node).forEach((k, e) -> out.put(k, toJava(e.value())));
        return out;
    }

    private static Object scalar(ScalarNode s) {
        String v = s.getValue();
        Tag tag = s.getTag();
        try {
            if (Tag.NULL.equals(tag)) {
                return null;
            }
            if (Tag.BOOL.equals(tag)) {
                return switch (v.toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "on", "y" -> Boolean.TRUE;
                    default -> Boolean.FALSE;
                };
            }
            if (Tag.INT.equals(tag)) {
                return Long.parseLong(v.replace("_", ""));
            }
            if (Tag.FLOAT.equals(tag)) {
                return Double.parseDouble(v.replace("_", ""));
            }
        } catch (NumberFormatException e) {
            return v;
        }
        return v;
    }

    /** Tags may be written as one string or a list. */
    static List<String> stringList(Node node) {
        Object value = toJava(node);
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(x -> out.add(String.valueOf(x)));
        } else if (value != null) {
            out.add(String.valueOf(value));
        }
        return out;
    }

    /** Normalises values so that 1 == 1L == 1.0 and maps compare by content, for no-op detection. */
    static Object normalize(Object value) {
        if (value instanceof Number n) {
            try {
                return new BigDecimal(n.toString()).stripTrailingZeros();
            } catch (NumberFormatException e) {
                return n.toString();
            }
        }
        if (value instanceof List<?> list) {
            return list.stream().map(NodeReader::normalize).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), normalize(v)));
            return out;
        }
        return value;
    }
}
