package dev.osmosis.docs;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;

/**
 * The default case of injected column names. Warehouses that fold unquoted identifiers to upper case (Snowflake,
 * Oracle, Db2, ...) report a column the author wrote as {@code customer_id} as {@code CUSTOMER_ID}; there the
 * all-uppercase name is written in lower case when the node's YAML (or, for a node without columns, the
 * project's YAML) writes lower-case names. Everywhere else (DuckDB, Postgres, BigQuery, ...) an uppercase name
 * was written that way on purpose and is kept. --output-to-lower / --output-to-upper override both.
 *
 * @param adapterFoldsToUpper    the manifest's adapter_type folds unquoted identifiers to upper case
 * @param projectWritesLowerCase most column names in the project's YAML have lower-case letters
 */
public record NameFolding(boolean adapterFoldsToUpper, boolean projectWritesLowerCase) {
    /** Names as the warehouse reports them (unknown adapter). */
    public static final NameFolding AS_REPORTED = new NameFolding(false, true);

    /** dbt adapter types whose warehouses store unquoted identifiers in upper case. */
    static final Set<String> UPPER_FOLDING_ADAPTERS = Set.of("snowflake", "oracle", "db2", "exasol", "netezza",
            "firebird");

    public static boolean foldsToUpper(String adapterType) {
        return adapterType != null && UPPER_FOLDING_ADAPTERS.contains(adapterType.toLowerCase(Locale.ROOT));
    }

    public static NameFolding of(String adapterType, Collection<NodeDocs> docs) {
        return foldsToUpper(adapterType) ? new NameFolding(true, writesLowerCase(docs)) : AS_REPORTED;
    }

    /** The name to write for a warehouse column added to {@code node}. */
    String name(String warehouseName, NodeDocs node, DocSettings.NameCase outputCase) {
        if (outputCase != DocSettings.NameCase.AUTO || !adapterFoldsToUpper || !isUpper(warehouseName)
                || warehouseName.equals(warehouseName.toLowerCase(Locale.ROOT))) {
            return outputCase.apply(warehouseName);
        }
        long upper = node.columns().stream().filter(c -> isUpper(c.name())).count();
        long lower = node.columns().size() - upper;
        boolean writeLower = node.columns().isEmpty() ? projectWritesLowerCase : lower >= upper;
        return writeLower ? warehouseName.toLowerCase(Locale.ROOT) : warehouseName;
    }

    private static boolean isUpper(String name) {
        return name.equals(name.toUpperCase(Locale.ROOT));
    }

    /** Whether most column names written in the project's YAML have lower-case letters (true when there are none). */
    static boolean writesLowerCase(Collection<NodeDocs> docs) {
        long lower = 0;
        long upper = 0;
        for (NodeDocs d : docs) {
            if (!d.inYaml()) {
                continue;
            }
            for (ColumnDocs c : d.columns()) {
                if (isUpper(c.name())) {
                    upper++;
                } else {
                    lower++;
                }
            }
        }
        return lower >= upper;
    }
}
