package dev.osmosis.llm.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.llm.prompt.PromptContext.Column;
import dev.osmosis.llm.prompt.PromptContext.Parent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptViewTest {

    private static PromptContext withSqlAndParents(String sql, List<Parent> parents, PromptLimits limits) {
        return new PromptContext("model.p.m", "m", "model", "", "", "The model.", sql, List.of(),
                List.of(Column.gap("a", "int")), false, parents, "", null, limits);
    }

    @Test
    void shortSqlIsKeptWhole() {
        Map<String, Object> v = PromptView.of(withSqlAndParents("\n select 1 \n", List.of(), null));
        assertEquals("select 1", Fixtures.unfenced(v.get("sql")));
        assertEquals(false, v.get("sql_truncated"));
        assertEquals(0, v.get("sql_truncated_chars"));
    }

    @Test
    void longSqlIsCutAtALineEndWithAMarker() {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            sql.append("select ").append(i).append(" as column_number_").append(i).append(" union all\n");
        }
        String full = sql.toString().strip();
        Map<String, Object> v = PromptView.of(withSqlAndParents(full, List.of(),
                PromptLimits.DEFAULTS.withMaxSqlChars(500)));
        String text = Fixtures.unfenced(v.get("sql"));
        int cut = (int) v.get("sql_truncated_chars");
        assertEquals(true, v.get("sql_truncated"));
        String kept = text.substring(0, text.indexOf("\n-- [truncated "));
        assertTrue(kept.length() <= 500);
        assertTrue(full.startsWith(kept));
        assertTrue(kept.endsWith("union all"), "cut at a line end");
        assertEquals(full.length() - kept.length(), cut);
        assertTrue(text.endsWith("\n-- [truncated " + cut + " chars]"));
    }

    @Test
    void sqlWithoutNearbyNewlineIsCutExactly() {
        String full = "select " + "x, ".repeat(1000) + "1";
        String text = Fixtures.unfenced(PromptView.of(withSqlAndParents(full, List.of(),
                PromptLimits.DEFAULTS.withMaxSqlChars(100))).get("sql"));
        assertEquals(full.substring(0, 100).stripTrailing() + "\n-- [truncated " + (full.length() - 100) + " chars]",
                text);
    }

    @Test
    void parentsAreBoundedByCountAndTheNoteSaysSo() {
        List<Parent> parents = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            parents.add(new Parent("p" + i, "model", "Parent " + i, List.of(new Column("c", "", "doc"))));
        }
        Map<String, Object> v = PromptView.of(withSqlAndParents("select 1", parents,
                new PromptLimits(8000, 10, 40, 6000, 600)));
        assertEquals(10, ((List<?>) v.get("parents")).size());
        assertEquals("upstream documentation shortened for length: 3 more parents not shown", v.get("parents_note"));
        assertEquals(true, v.get("has_parents_note"));
    }

    @Test
    void parentColumnsAreBoundedPreferringThoseTheSqlMentions() {
        List<Column> cols = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            cols.add(new Column("col_" + i, "int", "Documented " + i));
        }
        cols.add(new Column("undocumented", "int", " "));
        PromptContext ctx = withSqlAndParents("select col_55, COL_59 from p", List.of(new Parent("p", "source", "",
                cols)), new PromptLimits(8000, 10, 40, 6000, 600));
        Map<String, Object> v = PromptView.of(ctx);
        @SuppressWarnings("unchecked")
        Map<String, Object> p = ((List<Map<String, Object>>) v.get("parents")).get(0);
        @SuppressWarnings("unchecked")
        List<String> names = ((List<Map<String, Object>>) p.get("columns")).stream()
                .map(c -> (String) c.get("name")).toList();
        assertEquals(40, names.size());
        assertTrue(names.contains("col_55") && names.contains("col_59"), "columns the SQL uses come first");
        assertFalse(names.contains("col_40"));
        assertEquals("col_0", names.get(0), "shown in the parent's order");
        assertEquals("col_59", names.get(39));
        assertEquals(20, p.get("columns_omitted"));
        assertEquals(true, p.get("has_columns_omitted"));
        assertEquals("", p.get("description"));
        assertEquals(false, p.get("has_description"));
        assertEquals("upstream documentation shortened for length: 20 documented columns not shown",
                v.get("parents_note"));
    }

    @Test
    void characterBudgetIsSharedAcrossParentsAndDescriptionsAreClipped() {
        String longDoc = "x".repeat(80);
        List<Parent> parents = List.of(
                new Parent("a", "model", "y".repeat(50), List.of(new Column("a1", "", longDoc), new Column("a2", "", longDoc))),
                new Parent("b", "model", "", List.of(new Column("b1", "", longDoc), new Column("b2", "", "short"))));
        Map<String, Object> v = PromptView.of(withSqlAndParents("select 1", parents,
                new PromptLimits(8000, 10, 40, 200, 20)));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> ps = (List<Map<String, Object>>) v.get("parents");
        assertEquals("y".repeat(20) + " [...]", Fixtures.unfenced(ps.get(0).get("description")));
        // budget 200: a's description (26) + a1 (82) leaves 92; a2 (82) fits, then b1 no longer fits but b2 does
        assertEquals(2, ((List<?>) ps.get(0).get("columns")).size());
        assertEquals(1, ((List<?>) ps.get(1).get("columns")).size());
        assertEquals(1, ps.get(1).get("columns_omitted"));
        assertEquals("upstream documentation shortened for length: 1 documented column not shown",
                v.get("parents_note"));
    }

    @Test
    void aParentWithoutDescriptionNeverShowsTheModelsDescription(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("model_user.mustache"),
                "{{#parents}}[{{name}}|{{description}}|{{data_type}}{{#columns}}({{name}}:{{description}}){{/columns}}]{{/parents}}");
        PromptContext ctx = withSqlAndParents("select 1",
                List.of(new Parent("p", null, null, List.of(new Column("c", null, "doc")))), null);
        String out = PromptTemplates.load(dir, null, Map.of()).render(PromptKey.MODEL_USER, ctx);
        assertEquals("[p||(c:doc)]", out);
    }

    @Test
    void perColumnVariablesAreFlatAndNested() {
        PromptContext ctx = Fixtures.orders();
        Map<String, Object> none = PromptView.of(ctx);
        assertEquals(false, none.get("has_column"));
        assertEquals("", none.get("column_name"));
        Map<String, Object> one = PromptView.of(ctx.withColumn(new Column("status", "varchar", "old")));
        assertEquals(true, one.get("has_column"));
        assertEquals("status", one.get("column_name"));
        assertEquals("varchar", one.get("column_data_type"));
        assertEquals("old", one.get("column_description"));
        assertEquals("status", ((Map<?, ?>) one.get("column")).get("name"));
        assertEquals("status, order_total", one.get("gap_names"));
        assertEquals(2, one.get("gap_count"));
        assertEquals(5, one.get("column_count"));
        assertEquals("model.shop.orders", one.get("unique_id"));
    }
}
