package dev.osmosis.lineage.columns;

import dev.osmosis.project.Manifest;
import dev.osmosis.project.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps a relation as compiled SQL names it back to the manifest node it is: compiled code has {@code ref()} and
 * {@code source()} replaced by the node's relation_name ({@code "db"."schema"."alias"}), which is matched whole
 * and by its last two and last part, because SQL may name a relation with fewer qualifiers.
 */
final class Relations {
    private final Map<String, List<String>> byName = new HashMap<>();

    Relations(Manifest manifest) {
        for (Node node : manifest.nodes().values()) {
            List<String> parts = parts(node);
            for (int from = 0; from < parts.size(); from++) {
                String key = String.join(".", parts.subList(from, parts.size()));
                byName.computeIfAbsent(key, k -> new ArrayList<>()).add(node.uniqueId());
            }
        }
    }

    /**
     * The nodes among {@code candidates} (a node's parents) that {@code relation} may name: the most qualified
     * match first; empty when none of them.
     */
    List<String> resolve(String relation, Set<String> candidates) {
        List<String> parts = List.of(relation.split("\\."));
        for (int from = 0; from < parts.size(); from++) {
            List<String> ids = byName.getOrDefault(String.join(".", parts.subList(from, parts.size())), List.of());
            List<String> among = ids.stream().filter(candidates::contains).toList();
            if (!among.isEmpty()) {
                return among;
            }
        }
        return List.of();
    }

    /** The node's relation name in parts, unquoted and lower-cased: relation_name, else database.schema.name. */
    private static List<String> parts(Node node) {
        String relation = node.relationName();
        List<String> parts = new ArrayList<>();
        if (relation != null && !relation.isBlank()) {
            StringBuilder part = new StringBuilder();
            boolean quoted = false;
            for (char ch : relation.strip().toCharArray()) {
                if (ch == '"' || ch == '`') {
                    quoted = !quoted;
                } else if (ch == '.' && !quoted) {
                    parts.add(SqlShapes.lower(part.toString().strip()));
                    part.setLength(0);
                } else {
                    part.append(ch);
                }
            }
            parts.add(SqlShapes.lower(part.toString().strip()));
            return parts;
        }
        for (String part : new String[] {node.database(), node.schema(), node.name()}) {
            if (part != null && !part.isBlank()) {
                parts.add(SqlShapes.lower(part));
            }
        }
        return parts;
    }
}
