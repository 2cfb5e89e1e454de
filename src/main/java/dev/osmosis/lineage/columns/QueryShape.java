package dev.osmosis.lineage.columns;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns a query (or a relation it reads) returns, as far as the SQL tells: asked for a column name, the
 * origins of that column, or nothing when the SQL does not say.
 */
sealed interface QueryShape {

    /** The origins of the output column {@code column} (any case); empty when unknown. */
    List<Origin> origins(String column);

    /** A table or view outside the query: every column name passes through as itself. */
    record Relation(String name) implements QueryShape {
        @Override
        public List<Origin> origins(String column) {
            return List.of(new Origin(name, column, Origin.Derivation.DIRECT));
        }
    }

    /**
     * A select: its named output columns (keys lower-cased) plus what its {@code *} / {@code t.*} items pass
     * through, consulted only for names the select does not list itself.
     */
    record Select(Map<String, List<Origin>> named, List<QueryShape> stars) implements QueryShape {
        @Override
        public List<Origin> origins(String column) {
            List<Origin> listed = named.get(column.toLowerCase(Locale.ROOT));
            if (listed != null) {
                return listed;
            }
            List<Origin> out = new ArrayList<>();
            stars.forEach(s -> out.addAll(s.origins(column)));
            return out;
        }
    }

    /** A relation whose columns the SQL does not tell (a table function, VALUES, an unsupported construct). */
    record Opaque() implements QueryShape {
        @Override
        public List<Origin> origins(String column) {
            return List.of();
        }
    }
}
