package dev.osmosis.docs.synthesis;

import dev.osmosis.docs.ColumnDocs;
import dev.osmosis.docs.NodeDocs;
import dev.osmosis.docs.Placeholders;
import dev.osmosis.lineage.columns.ColumnTexts;
import dev.osmosis.lineage.columns.ColumnTracer;
import dev.osmosis.lineage.columns.TracedColumn;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The nearest documented ancestor columns of each gap of a node, traced through the compiled SQL and undocumented
 * intermediates ({@link ColumnTracer}), as the docs stand in this run (text inherited or synthesized upstream
 * included). Each gap's prompt shows them.
 *
 * @param byColumn gap column name to its traced ancestors, nearest first (absent or empty: none found)
 */
record GapAncestry(Map<String, List<TracedColumn>> byColumn) {
    static final GapAncestry NONE = new GapAncestry(Map.of());

    GapAncestry {
        byColumn = Map.copyOf(byColumn);
    }

    /**
     * Traces every undocumented column of {@code docs} but the {@code stale} ones, which are never asked for;
     * {@code docsOf} gives any node's docs as they stand.
     */
    static GapAncestry trace(ColumnTracer tracer, NodeDocs docs, Set<String> stale, Function<String, NodeDocs> docsOf,
                             Placeholders placeholders) {
        Map<String, Map<String, String>> memo = new HashMap<>();
        ColumnTexts texts = id -> memo.computeIfAbsent(id, k -> texts(docsOf.apply(k), placeholders));
        Map<String, List<TracedColumn>> traced = new LinkedHashMap<>();
        for (ColumnDocs c : docs.columns()) {
            if (!placeholders.isDocumented(c.description()) && !stale.contains(c.name())) {
                List<TracedColumn> found = tracer.nearestDocumented(docs.uniqueId(), c.name(), texts);
                if (!found.isEmpty()) {
                    traced.put(c.name(), found);
                }
            }
        }
        return new GapAncestry(traced);
    }

    private static Map<String, String> texts(NodeDocs docs, Placeholders placeholders) {
        if (docs == null) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        docs.columns().forEach(c -> out.put(c.name(),
                placeholders.isDocumented(c.description()) ? c.description() : ""));
        return out;
    }

    /** The traced ancestors of gap {@code column}: unique ids and column names for facts about them too. */
    List<TracedColumn> of(String column) {
        return byColumn.getOrDefault(column, List.of());
    }
}
