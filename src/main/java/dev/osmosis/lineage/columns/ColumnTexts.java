package dev.osmosis.lineage.columns;

import java.util.Map;

/** A node's columns as documented now: name to description, "" when undocumented (placeholders count as such). */
@FunctionalInterface
public interface ColumnTexts {
    /** In the node's order; empty when the node is unknown or lists no columns. */
    Map<String, String> columns(String uniqueId);
}
