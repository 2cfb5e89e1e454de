package dev.osmosis.lineage.columns;

/**
 * Where an output column of a query comes from: a column of a relation the query reads.
 *
 * @param relation the relation as the SQL names it, unquoted and lower-cased ("analytics.hubspot.stg_email")
 * @param column   the column's name as the SQL spells it, unquoted
 * @param how      what the query does to it on the way
 */
public record Origin(String relation, String column, Derivation how) {

    /** What a query does to a column between reading it and returning it, weakest first. */
    public enum Derivation {
        /** returned as it is, possibly under another name */
        DIRECT,
        /** cast to another type ({@code cast(x as int)}, {@code x::int}) */
        CAST,
        /** an expression of this one column ({@code coalesce(x, 0)}, {@code lower(x)}) */
        COMPUTED;

        /** The stronger of the two: a cast of a computed value is computed. */
        Derivation then(Derivation outer) {
            return compareTo(outer) >= 0 ? this : outer;
        }
    }

    Origin through(Derivation outer) {
        return new Origin(relation, column, how.then(outer));
    }
}
