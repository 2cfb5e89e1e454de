package dev.osmosis.eval;

/**
 * One human-written description the eval blanks and asks the model for again.
 *
 * @param nodeId       the node's unique id
 * @param nodeName     the node's name as users know it
 * @param resourceType "model", "seed", "snapshot"
 * @param column       the column's name, or "" for the node's own description
 * @param humanText    the person's text, {@code {{ doc() }}} references rendered: what the answer is graded against
 */
public record HoldOut(String nodeId, String nodeName, String resourceType, String column, String humanText) {
    public HoldOut {
        column = column == null ? "" : column;
    }

    /** The key synthesis reports gaps by: "nodeId|column", "nodeId|" for the node's description. */
    public String key() {
        return nodeId + "|" + column;
    }

    public boolean isNodeDescription() {
        return column.isEmpty();
    }

    /** "stg_orders.order_id", or "stg_orders" for the node's description. */
    public String shown() {
        return column.isEmpty() ? nodeName : nodeName + "." + column;
    }
}
