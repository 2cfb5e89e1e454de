package dev.osmosis.schema;

/**
 * Replace chars [start, end) of the text with {@code text}. Splices of one group (appending keys to one mapping,
 * items to one sequence) may share an insertion point and are applied in edit order; any other overlap or touch
 * defers the later edit to the next round.
 */
record Splice(int start, int end, String text, String group) {
    boolean conflictsWith(Splice other) {
        if (group != null && group.equals(other.group) && start == end && other.start == other.end
                && start == other.start) {
            return false;
        }
        return start <= other.end && other.start <= end;
    }
}
