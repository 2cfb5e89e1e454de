package dev.osmosis.docs.grounding;

import dev.osmosis.project.DataTest;
import dev.osmosis.project.Manifest;
import dev.osmosis.project.Node;
import dev.osmosis.project.RefText;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a project states about a column besides its description, one short line each, for a prompt: its generic
 * tests (not_null, unique, the accepted value set, what a relationships test says it points to, a package's test
 * with its arguments) and the column's meta (Fivetran-style {@code meta} keys the project keeps). Column names
 * match case-insensitively: tests often carry the lower-case name of an upper-case warehouse column.
 */
final class ColumnFacts {
    /** Facts per column; the rest is left out so one column's many tests do not crowd the prompt. */
    static final int MAX_FACTS = 10;
    static final int MAX_FACT_CHARS = 240;
    static final int MAX_VALUES = 25;
    static final int MAX_VALUE_CHARS = 80;
    /** Arguments every generic test has, which say nothing about the column. */
    private static final Set<String> PLUMBING = Set.of("column_name", "model");

    private final Manifest manifest;
    private final Map<String, List<DataTest>> byColumn = new HashMap<>();
    private final Set<String> ignoredMetaKeys;

    /** {@code ignoredMetaKeys}: meta keys that are osmosis's own bookkeeping (the review mark), never facts. */
    ColumnFacts(Manifest manifest, Collection<String> ignoredMetaKeys) {
        this.manifest = manifest;
        this.ignoredMetaKeys = Set.copyOf(ignoredMetaKeys);
        for (DataTest t : manifest.tests()) {
            if (t.column() != null) {
                byColumn.computeIfAbsent(key(t.attachedNode(), t.column()), k -> new ArrayList<>()).add(t);
            } else if (t.kwargs().get("combination_of_columns") instanceof List<?> columns) {
                // a model-level test that still speaks of named columns (dbt_utils.unique_combination_of_columns)
                columns.forEach(c -> byColumn.computeIfAbsent(key(t.attachedNode(), String.valueOf(c)),
                        k -> new ArrayList<>()).add(t));
            }
        }
    }

    /** The facts about column {@code column} of node {@code nodeId}, whose current meta is {@code meta}. */
    List<String> of(String nodeId, String column, Map<String, Object> meta) {
        Set<String> facts = new LinkedHashSet<>();
        for (DataTest t : byColumn.getOrDefault(key(nodeId, column), List.of())) {
            facts.add(clip(describe(t), MAX_FACT_CHARS));
        }
        if (meta != null) {
            meta.forEach((k, v) -> {
                if (!isOsmosisKey(k) && v != null) {
                    facts.add(clip("meta " + k + ": " + value(v), MAX_FACT_CHARS));
                }
            });
        }
        return facts.stream().limit(MAX_FACTS).toList();
    }

    /**
     * The facts of an ancestor column (another node's), each prefixed "upstream stg_orders.status: ", for a
     * column traced to it; its meta is the manifest's. Empty when the node is unknown.
     */
    List<String> upstream(String nodeId, String column) {
        Node node = manifest.node(nodeId).orElse(null);
        if (node == null) {
            return List.of();
        }
        Map<String, Object> meta = node.column(column).map(dev.osmosis.project.Column::meta).orElse(Map.of());
        String prefix = "upstream " + node.displayName() + "." + column + ": ";
        return of(nodeId, column, meta).stream().map(f -> prefix + f).toList();
    }

    private boolean isOsmosisKey(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return ignoredMetaKeys.contains(key) || k.startsWith("osmosis") || k.startsWith("dbt-osmosis")
                || k.startsWith("dbt_osmosis");
    }

    static String describe(DataTest t) {
        Map<String, Object> kwargs = t.kwargs();
        if (t.namespace() == null || t.namespace().isBlank()) {
            switch (t.name()) {
                case "not_null":
                    return "tested not_null: never null";
                case "unique":
                    return "tested unique: no two rows share a value";
                case "accepted_values":
                    return "tested accepted_values: one of " + values(kwargs.get("values"));
                case "relationships":
                    return "tested relationships: points to " + target(kwargs.get("to")) + "."
                            + value(kwargs.getOrDefault("field", "id"));
                default:
                    break;
            }
        }
        List<String> args = new ArrayList<>();
        kwargs.forEach((k, v) -> {
            if (!PLUMBING.contains(k) && v != null) {
                args.add(k + " " + value(v));
            }
        });
        return "tested " + t.qualifiedName() + (args.isEmpty() ? "" : ": " + String.join(", ", args));
    }

    /** "'placed', 'shipped'", at most {@link #MAX_VALUES} of them and how many more. */
    private static String values(Object v) {
        if (!(v instanceof List<?> list)) {
            return value(v);
        }
        List<String> shown = new ArrayList<>();
        for (Object item : list.subList(0, Math.min(list.size(), MAX_VALUES))) {
            shown.add(item instanceof String s ? "'" + clip(s, MAX_VALUE_CHARS) + "'" : value(item));
        }
        int more = list.size() - shown.size();
        return String.join(", ", shown) + (more > 0 ? " (and " + more + " more)" : "");
    }

    /** "customers" for {@code ref('customers')}, "raw.orders" for {@code source('raw', 'orders')}. */
    private static String target(Object to) {
        return RefText.parse(to).map(RefText::displayName).orElseGet(() -> value(to == null ? "?" : to));
    }

    private static String value(Object v) {
        if (v instanceof List<?> list) {
            return clip("[" + String.join(", ", list.stream().map(ColumnFacts::value).toList()) + "]",
                    MAX_VALUE_CHARS);
        }
        if (v instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            map.forEach((k, x) -> parts.add(k + ": " + value(x)));
            return clip("{" + String.join(", ", parts) + "}", MAX_VALUE_CHARS);
        }
        return clip(String.valueOf(v).strip().replaceAll("\\s+", " "), MAX_VALUE_CHARS);
    }

    private static String key(String nodeId, String column) {
        return nodeId + "\u0000" + column.toLowerCase(Locale.ROOT);
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max).stripTrailing() + " [...]";
    }
}
