package dev.osmosis.docs.synthesis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osmosis.docs.ColumnDocs;
import dev.osmosis.docs.NodeDocs;
import dev.osmosis.project.Catalog;
import dev.osmosis.project.Node;
import dev.osmosis.project.ResourceType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which YAML columns neither the catalog nor the SQL produces (ADR 0714). Wrongly calling a column stale leaves
 * a gap unfilled for good, so whenever the SQL cannot be read for names the answer is "can't tell".
 *
 * <table>
 *   <caption>Hard cases</caption>
 *   <tr><th>case</th><th>stale?</th></tr>
 *   <tr><td>catalog table lacks it, SQL never names it</td><td>yes</td></tr>
 *   <tr><td>catalog lacks it but the SQL names it (added since the last docs generate)</td><td>no</td></tr>
 *   <tr><td>catalog has it in another case (Snowflake upper case)</td><td>no</td></tr>
 *   <tr><td>no catalog, SQL without a star never names it</td><td>yes</td></tr>
 *   <tr><td>no catalog, {@code select *}, {@code t.*}, {@code * except}</td><td>can't tell</td></tr>
 *   <tr><td>no catalog, {@code count(*)} only</td><td>not a star: the SQL still tells</td></tr>
 *   <tr><td>no catalog, unrendered Jinja, Python model, snapshot, seed</td><td>can't tell</td></tr>
 *   <tr><td>a name inside a longer identifier ({@code note} in {@code notes})</td><td>not a mention</td></tr>
 *   <tr><td>a quoted YAML name ({@code '"Order ID"'}), a nested name ({@code address.city})</td><td>matched
 *   bare / by its head</td></tr>
 *   <tr><td>dbt Fusion's inferred catalog table</td><td>not evidence: judged as without a catalog</td></tr>
 * </table>
 */
class StaleColumnsTest {
    private static Node model(ResourceType type, String sql) {
        return new Node("model.p.m", type, "p", "m", null, "models/m.sql", null, "", List.of(), Map.of(), List.of(),
                List.of(), "", sql, "table", List.of("p", "m"), null, null, null, true);
    }

    private static NodeDocs docs(String... columns) {
        return new NodeDocs("model.p.m", ResourceType.MODEL, "m", "",
                Arrays.stream(columns).map(ColumnDocs::named).toList(), Map.of(), true);
    }

    private static Catalog.Table table(boolean inferred, String... columns) {
        List<Catalog.CatalogColumn> cols = new java.util.ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            cols.add(new Catalog.CatalogColumn(columns[i], "text", i + 1, null));
        }
        return new Catalog.Table("model.p.m", null, cols, inferred);
    }

    private static Set<String> stale(ResourceType type, String sql, Catalog.Table table, String... columns) {
        return StaleColumns.of(model(type, sql), docs(columns), table);
    }

    private static final String SQL = "select o.id, o.status as order_status, count(*) as notes\n"
            + "from orders o -- select * was slower\ngroup by 1, 2";

    @Test
    void withACatalogTheCatalogOrTheSqlProducesIt() {
        Catalog.Table t = table(false, "ID", "ORDER_STATUS", "NOTES");
        assertEquals(Set.of("legacy_flag"), stale(ResourceType.MODEL, SQL, t, "id", "order_status", "notes",
                "legacy_flag"));
        assertEquals(Set.of(), stale(ResourceType.MODEL, SQL, table(false, "id"), "id", "status"),
                "named in the SQL though the catalog is older");
        assertEquals(Set.of("note"), stale(ResourceType.MODEL, "select * from x", table(false, "id"), "id", "note"),
                "the catalog says what the star expanded to");
        assertEquals(Set.of("amount"), stale(ResourceType.SEED, "", table(false, "id"), "id", "amount"),
                "a seed: the catalog alone");
    }

    @Test
    void withoutACatalogOnlySqlThatCanBeReadForNamesDecides() {
        assertEquals(Set.of("note", "legacy_flag"), stale(ResourceType.MODEL, SQL, null, "id", "order_status",
                "notes", "note", "legacy_flag"), "count(*) is no star; note is not notes");
        for (String sql : List.of("select * from orders", "select o.* from orders o",
                "select distinct *\nfrom x", "select id, o.* except (a) from orders o",
                "select {{ dbt_utils.star(ref('x')) }} from y", "{% set x = 1 %}select id from y",
                "def model(dbt, session):\n    return dbt.ref('x')", "")) {
            assertEquals(Set.of(), stale(ResourceType.MODEL, sql, null, "id", "note"), sql);
        }
        assertEquals(Set.of(), stale(ResourceType.SNAPSHOT, "select id from orders", null, "id", "dbt_valid_from"),
                "dbt adds a snapshot's columns");
        assertEquals(Set.of("note"), stale(ResourceType.MODEL, SQL, table(true, "id", "note"), "id", "note"),
                "an inferred (Fusion) table is no evidence that a column exists");
    }

    @Test
    void quotedAndNestedNamesAreMatchedBare() {
        String sql = "select \"Order ID\", address, `amount` from x";
        assertEquals(Set.of("gone"), stale(ResourceType.MODEL, sql, null, "\"Order ID\"", "address.city",
                "`amount`", "gone"));
    }
}
