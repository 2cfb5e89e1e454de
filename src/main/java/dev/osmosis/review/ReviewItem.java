package dev.osmosis.review;

import dev.osmosis.schema.EntryRef;
import dev.osmosis.usage.NodeCall;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One AI-written description: a node's own ({@code column} null) or a column's.
 *
 * @param uniqueId   the dbt node
 * @param node       the node as a selector names it ("orders", "raw.orders")
 * @param metaPath   the mapping holding the mark: ["meta"] or ["config", "meta"]
 * @param file       the schema YAML, as the project resolves it
 * @param line       1-based line of the entry's or column's {@code name}
 * @param reviewedOn the review date, or null while pending
 * @param call       the ledger's last call for the node (model and time), or null when unknown
 * @param meta       the description's meta (top level and config merged): what a rejection adds to
 */
public record ReviewItem(String uniqueId, String node, String folder, EntryRef entry, String column, String text,
                         List<String> metaPath, Path file, int line, ReviewStatus status, String reviewedOn,
                         NodeCall call, Map<String, Object> meta) {
    public ReviewItem {
        metaPath = List.copyOf(metaPath);
        meta = Collections.unmodifiableMap(new LinkedHashMap<>(meta));
    }

    /** "orders" for the node's description, "orders.customer_id" for a column: what --accept takes. */
    public String selector() {
        return column == null ? node : node + "." + column;
    }

    public ReviewItem withCall(NodeCall c) {
        return new ReviewItem(uniqueId, node, folder, entry, column, text, metaPath, file, line, status, reviewedOn,
                c, meta);
    }
}
