package dev.osmosis.project;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** What the warehouse reported in catalog.json: the real columns of each node and source, in table order. */
public record Catalog(Map<String, Table> tables) {
    public static final Catalog EMPTY = new Catalog(Map.of());

    public Catalog {
        tables = Collections.unmodifiableMap(new TreeMap<>(tables));
    }

    public Optional<Table> table(String uniqueId) {
        return Optional.ofNullable(tables.get(uniqueId));
    }

    public boolean isEmpty() {
        return tables.isEmpty();
    }

    /**
     * One relation; {@code comment} is the warehouse's table comment, if any. {@code inferred} tables come from
     * dbt Fusion's static analysis rather than the warehouse: good enough to add columns and types, not to call a
     * YAML column stale.
     */
    public record Table(String uniqueId, String comment, List<CatalogColumn> columns, boolean inferred) {
        public Table {
            columns = List.copyOf(columns);
        }

        public Table(String uniqueId, String comment, List<CatalogColumn> columns) {
            this(uniqueId, comment, columns, false);
        }

        public Optional<CatalogColumn> column(String name) {
            return columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
        }
    }

    /** A warehouse column: its name as the warehouse spells it, type, 1-based position and comment. */
    public record CatalogColumn(String name, String type, int index, String comment) {
    }
}
