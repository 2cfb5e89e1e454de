package dev.osmosis.docs;

import dev.osmosis.project.Catalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The extra steps of `yaml refactor`: drop YAML columns the warehouse no longer has, sync data_type from the
 * catalog, and sort columns (catalog order or alphabetical).
 */
final class Refactoring {
    private final DocSettings settings;
    private final boolean keepDocumented;

    /** {@code keepDocumented}: --keep-documented-columns, a stale column that is {@link RemovedColumn#documented} stays. */
    Refactoring(DocSettings settings, boolean keepDocumented) {
        this.settings = settings;
        this.keepDocumented = keepDocumented;
    }

    NodeDocs apply(NodeDocs node, Catalog.Table table) {
        if (table == null || table.columns().isEmpty()) {
            // Without warehouse columns nothing says a column is stale or what order it has.
            return settings.sortBy().equals("alphabetical") ? sorted(node, Map.of()) : node;
        }
        Map<String, Catalog.CatalogColumn> byName = new HashMap<>();
        table.columns().forEach(c -> byName.put(c.name().toLowerCase(Locale.ROOT), c));
        List<ColumnDocs> kept = new ArrayList<>();
        for (ColumnDocs c : node.columns()) {
            Catalog.CatalogColumn warehouse = byName.get(c.name().toLowerCase(Locale.ROOT));
            if (warehouse == null) {
                if (table.inferred() || keepDocumented && RemovedColumn.documented(c, settings.placeholders())) {
                    kept.add(c); // Fusion's inference may miss a column; only a warehouse says it is gone
                }
                continue;
            }
            String type = DataTypes.format(warehouse.type(), settings);
            // the YAML's own spelling of the same type (int for integer) stays: only a changed type is synced
            boolean sync = !settings.skipAddDataTypes() && type != null && !type.equalsIgnoreCase(
                    c.dataType() == null ? "" : c.dataType()) && !DataTypes.sameType(c.dataType(), type);
            kept.add(sync ? c.withDataType(type) : c);
        }
        Map<String, Integer> index = new HashMap<>();
        table.columns().forEach(c -> index.put(c.name().toLowerCase(Locale.ROOT), c.index()));
        return sorted(node.withColumns(kept), index);
    }

    private NodeDocs sorted(NodeDocs node, Map<String, Integer> catalogIndex) {
        List<ColumnDocs> columns = new ArrayList<>(node.columns());
        Comparator<ColumnDocs> order = settings.sortBy().equals("alphabetical")
                ? Comparator.comparing(c -> c.name().toLowerCase(Locale.ROOT))
                : Comparator.comparingInt(c -> catalogIndex.getOrDefault(c.name().toLowerCase(Locale.ROOT),
                        Integer.MAX_VALUE));
        columns.sort(order);
        return columns.equals(node.columns()) ? node : node.withColumns(columns);
    }
}
