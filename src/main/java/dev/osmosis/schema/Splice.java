package dev.osmosis.schema;

/**
 * Replace chars [start, end) of the text with {@code text}. Splices of one group (appending keys to one mapping,
 * items to one sequence) may share an insertion point and are applied in edit order; any other overlap or touch
 * defers the later edit to the next round, as does a second splice with the same claim (the same new key).
 */
record Splice(int start, int end, String text, String group, String claim) {
    Splice(int start, int end, String text, String group) {
        this(start, end, text, group, null);
    }

    boolean conflictsWith(Splice other) {
        if (claim != null && claim.equals(other.claim)) {
            return true; // e.g. two edits both creating the same new key
        }
        if (group != null && group.equals(other.group) && start == end && other.start == other.end
                && start == other.start) {
            return false;
        }
        return start <= other.end && other.start <= end;
    }
}
