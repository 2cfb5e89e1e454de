package dev.osmosis.llm.prompt;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.llm.prompt.PromptView.SqlCut;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever the SQL, the asked column and the limit: the excerpt shows only lines of the SQL, in their order, plus
 * marker lines; it stays within the limit but for its marker lines; and a SQL within the limit is shown whole.
 */
class SqlExcerptProperties {

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
