package dev.osmosis.llm.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.llm.prompt.PromptView.SqlCut;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Which SQL a prompt shows and what survives the cut.
 * <table>
 *   <caption>hard cases</caption>
 *   <tr><th>case</th><th>expected</th></tr>
 *   <tr><td>20,000-char compiled SQL, the asked column defined in its last CTE and final select</td>
 *       <td>those lines, the CTE header and from line kept; a first line says how much was cut</td></tr>
 *   <tr><td>a multi-line {@code case ... end as x}</td><td>the whole item kept</td></tr>
 *   <tr><td>short Jinja source naming the asked column, compiled SQL 20,000 chars</td><td>the source</td></tr>
 *   <tr><td>Jinja source whose macro produces the asked column (the source never names it)</td>
 *       <td>the compiled SQL, cut around the column</td></tr>
 *   <tr><td>no asked column named anywhere</td><td>the head, "-- [truncated N chars]" as before</td></tr>
 *   <tr><td>20,000 lines naming the asked column; a 4.5 MB one-line SQL, 200 asked columns</td>
 *       <td>cut in well under a second (were minutes: every definition rescanned the SQL)</td></tr>
 * </table>
 */
class SqlExcerptTest {

    /** A compiled model: a long staging CTE of filler columns, then the CTE and final select defining status. */
    static String longCompiledSql() {
        StringBuilder sql = new StringBuilder("with base as (\n    select\n");
        int i = 0;
        while (sql.length() < 19_000) {
            sql.append("        cast(null as text) as filler_column_").append(i++).append(",\n");
        }
        sql.append("        id\n    from \"db\".\"raw\".\"orders\"\n),\n")
                .append("final as (\n    select\n        id,\n        case\n            when state = 'P' then 'placed'\n")
                .append("            else 'other'\n        end as order_status,\n        amount_cents / 100.0 as amount\n")
                .append("    from base\n)\n")
                .append("select\n    id,\n    order_status,\n    amount\nfrom final");
        while (sql.length() < 20_000) {
            sql.append("\n-- padding comment line");
        }
        return sql.toString();
    }

    @Test
    void theLinesDefiningTheAskedColumnSurviveACutOf20000Chars() {
        String sql = longCompiledSql();
        assertTrue(sql.length() >= 20_000);
        SqlCut cut = SqlExcerpt.of(sql, "", List.of("order_status"), List.of(), 8_000);
        String text = cut.text();
        assertTrue(text.length() <= 8_000, "within the limit: " + text.length());
        assertTrue(cut.cutChars() > 12_000, "cut " + cut.cutChars());
        assertTrue(text.startsWith("-- [osmosis cut " + cut.cutChars() + " of " + sql.length()
                + " chars of this SQL; kept the lines that define order_status"), text.substring(0, 200));
        for (String line : List.of("final as (", "        case", "            when state = 'P' then 'placed'",
                "            else 'other'", "        end as order_status,", "    from base", "    order_status,",
                "from final")) {
            assertTrue(text.contains("\n" + line + "\n") || text.endsWith("\n" + line), "kept: " + line);
        }
        assertTrue(text.contains("with base as (\n    select\n"), "the head as room allows");
        assertTrue(text.matches("(?s).*\\n-- \\[\\.\\.\\. \\d+ lines cut]\\n.*"), "cut runs are marked");
        assertFalse(text.contains("filler_column_400,"), "the filler in between is cut");
    }

    @Test
    void aShortJinjaSourceThatNamesTheColumnIsPreferred() {
        String raw = "select id, {{ cents_to_dollars('amount_cents') }} as amount, order_status\n"
                + "from {{ ref('stg_orders') }}";
        SqlCut cut = SqlExcerpt.of(longCompiledSql(), raw, List.of("order_status"), List.of(), 8_000);
        assertEquals(0, cut.cutChars());
        assertTrue(cut.text().startsWith("-- [the Jinja source; its compiled SQL (" + longCompiledSql().length()
                + " chars) is longer and says the same about the columns asked]\n"), cut.text());
        assertTrue(cut.text().endsWith(raw));
    }

    @Test
    void aSourceWhoseMacroMakesTheColumnLosesToTheCompiledSql() {
        String raw = "select {{ fivetran_utils.fill_staging_columns(source_columns, get_columns()) }}\n"
                + "from {{ source('raw', 'orders') }}";
        SqlCut cut = SqlExcerpt.of(longCompiledSql(), raw, List.of("order_status"), List.of(), 8_000);
        assertFalse(cut.text().contains("fill_staging_columns"), "the source never names order_status");
        assertTrue(cut.text().contains("end as order_status,"));
    }

    @Test
    void forAModelDescriptionTheSourceMustNameTheColumnsTheCompiledSqlNames() {
        String compiled = "select id, status from orders -- " + "x".repeat(200);
        assertTrue(SqlExcerpt.of(compiled, "select * from {{ ref('orders') }}", List.of(), List.of("status"), 8_000)
                .text().startsWith("select id, status"), "a star hides the columns: the compiled SQL");
        assertTrue(SqlExcerpt.of(compiled, "select id, status from {{ ref('orders') }}", List.of(),
                List.of("status"), 8_000).text().startsWith("-- [the Jinja source"));
    }

    @Test
    void aSourceAlmostAsLongAsAFittingCompiledSqlIsNotWorthIt() {
        String compiled = "select id, status from \"db\".\"main\".\"orders\"";
        String raw = "select id, status from {{ ref('orders') }}";
        assertEquals(compiled, SqlExcerpt.of(compiled, raw, List.of("status"), List.of(), 8_000).text());
        assertTrue(SqlExcerpt.of(compiled, raw, List.of("status"), List.of(), 40).text()
                .startsWith("-- [the Jinja source"), "but when the compiled SQL would be cut, every char counts");
    }

    @Test
    void withoutADefiningLineTheHeadIsKeptAsBefore() {
        String sql = longCompiledSql();
        SqlCut cut = SqlExcerpt.of(sql, "", List.of("not_in_the_sql"), List.of(), 1_000);
        assertTrue(cut.text().endsWith("\n-- [truncated " + cut.cutChars() + " chars]"));
        assertTrue(sql.startsWith(cut.text().substring(0, cut.text().indexOf("\n-- [truncated"))));
    }

    @Test
    void aColumnNamedOnlyInAnExpressionKeepsTheLinesNamingIt() {
        String sql = "select\n" + "    x as filler,\n".repeat(400) + "    coalesce(total, 0) + 1 as other\nfrom t";
        assertEquals(List.of(401), SqlExcerpt.definingLines(sql.split("\n"), "total"));
        assertTrue(SqlExcerpt.of(sql, "", List.of("total"), List.of(), 500).text()
                .contains("coalesce(total, 0) + 1 as other"));
    }

    @Test
    void aHugeCompiledSqlIsCutInBoundedTime() {
        String naming = "select\n" + "  id + 1 as x,\n".repeat(20_000) + "  id as last_id\nfrom t";
        SqlCut cut = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> SqlExcerpt.of(naming, "", List.of("id"), List.of(), 8_000));
        assertTrue(cut.text().contains("  id as last_id") && cut.text().length() < 8_500, cut.text());

        StringBuilder oneLine = new StringBuilder("select\n");
        List<String> asked = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            oneLine.append("id + ").append(i).append(" as x").append(i).append(", ");
        }
        for (int i = 0; i < 200; i++) {
            asked.add("x" + i);
        }
        oneLine.append("\n  1 as z\nfrom t");
        SqlCut one = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> SqlExcerpt.of(oneLine.toString(), "", asked, List.of(), 8_000));
        assertTrue(one.cutChars() > 4_000_000 && one.text().length() < 8_500);
    }

    @Test
    void quotedAndQualifiedDefinitionsAreFound() {
        String[] lines = {"select", "  o.\"Status\",", "  lower(s) as status -- the state", "  statuses", "from o"};
        assertEquals(List.of(1, 2), SqlExcerpt.definingLines(lines, "status"));
    }

    /**
     * Whatever the SQL, the asked column and the limit: the excerpt shows only lines of the SQL, in their order,
     * plus marker lines; it stays within the limit but for its marker lines; a SQL within the limit is whole.
     */
    @Provide
    Arbitrary<List<String>> sqlLines() {
        Arbitrary<String> line = Arbitraries.oneOf(
                Arbitraries.of("with a as (", "select", "from t", ")", "", "  status,", "  x as status,",
                        "  case", "  when s = 1 then 'a'", "  end as status", "  t.status", "  amount,",
                        "final as (", "select * from final", "  lower(status) as other,", "-- status note"),
                Arbitraries.strings().withChars("abcdefghij_ ,()'=0123456789").ofMaxLength(90));
        return line.list().ofMinSize(0).ofMaxSize(400);
    }

    @Property(tries = 400)
    void theExcerptIsTheSqlsOwnLinesInOrderWithinTheLimit(@ForAll("sqlLines") List<String> lines,
                                                           @ForAll @IntRange(min = 50, max = 3000) int max,
                                                           @ForAll boolean askStatus) {
        String sql = String.join("\n", lines);
        SqlCut cut = SqlExcerpt.of(sql, "", askStatus ? List.of("status") : List.of(), List.of(), max);
        String stripped = sql.strip();
        if (stripped.length() <= max) {
            assertTrue(cut.text().equals(stripped) && cut.cutChars() == 0, "a SQL within the limit is whole");
            return;
        }
        assertTrue(cut.cutChars() > 0);
        int from = 0;
        int kept = 0;
        String[] original = stripped.split("\n", -1);
        for (String line : cut.text().split("\n", -1)) {
            if (line.startsWith("-- [osmosis cut ") || line.matches("-- \\[\\.\\.\\. \\d+ lines? cut]")
                    || line.matches("-- \\[truncated \\d+ chars]")) {
                continue;
            }
            int at = from;
            while (at < original.length && !original[at].startsWith(line)) {
                at++;
            }
            assertTrue(at < original.length, "not a line of the SQL, or out of order: '" + line + "'");
            from = at + 1;
            kept += line.length();
        }
        assertTrue(kept <= max, "kept " + kept + " of limit " + max);
    }
}
