package dev.osmosis.review;

import dev.osmosis.schema.EntryRef;
import dev.osmosis.usage.NodeCall;
import java.nio.file.Path;
import java.util.List;

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
 */
public record ReviewItem(String uniqueId, String node, String folder, EntryRef entry, String column, String text,
                         List<String> metaPath, Path file, int line, ReviewStatus status, String reviewedOn,
                         NodeCall call) {
    public ReviewItem {
        metaPath = List.copyOf(metaPath);
    }

    /** "orders" for the node's description, "orders.customer_id" for a column: what --accept takes. */
    public String selector() {
        return column == null ? node : node + "." + column;
    }

    public ReviewItem withCall(NodeCall c) {
        return new ReviewItem(uniqueId, node, folder, entry, column, text, metaPath, file, line, status, reviewedOn,
                c);
    }
}
