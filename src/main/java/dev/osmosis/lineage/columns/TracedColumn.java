package dev.osmosis.lineage.columns;

/**
 * An ancestor column a column derives from.
 *
 * @param uniqueId     the ancestor node's unique id
 * @param node         its display name ("stg_orders", "source_name.table_name")
 * @param resourceType "model", "source", ...
 * @param column       the ancestor's column name, as its node spells it
 * @param description  its documentation as it stands (empty when undocumented)
 * @param via          how the column was traced to it ("renamed from category, through stg_x_tmp"; empty when it
 *                     passes straight through under its own name)
 * @param hops         generations up: 1 for a direct parent
 */
public record TracedColumn(String uniqueId, String node, String resourceType, String column, String description,
                           String via, int hops) {
}
