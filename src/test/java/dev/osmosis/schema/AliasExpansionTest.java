package dev.osmosis.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Schema files whose aliases would blow up when read:
 * <table>
 *   <caption>files and outcomes</caption>
 *   <tr><th>file</th><th>outcome</th></tr>
 *   <tr><td>"billion laughs": 9 levels of 9 aliases (out of memory after 20 s before)</td>
 *       <td>refused at once, naming the file and line</td></tr>
 *   <tr><td>10^6 values through 6 levels of 10 aliases</td><td>refused</td></tr>
 *   <tr><td>an alias inside the value it names</td><td>refused: "endless"</td></tr>
 *   <tr><td>column definitions shared through anchors and merge keys, 300 times</td><td>read as before</td></tr>
 * </table>
 */
class AliasExpansionTest {
    private static final Path P = Path.of("models/staging/schema.yml");

    /** A model whose meta holds {@code levels} anchors, each a list of {@code width} aliases of the one before. */
    static String laughs(int levels, int width) {
        StringBuilder b = new StringBuilder("version: 2\nmodels:\n  - name: stg_customers\n    meta:\n");
        b.append("      l0: &l0 [").append(String.join(",", java.util.Collections.nCopies(width, "\"lol\"")))
                .append("]\n");
        for (int i = 1; i < levels; i++) {
            b.append("      l").append(i).append(": &l").append(i).append(" [")
                    .append(String.join(",", java.util.Collections.nCopies(width, "*l" + (i - 1)))).append("]\n");
        }
        return b.append("    columns:\n      - name: customer_id\n").toString();
    }

    @Test
    void aBillionLaughsFileIsRefusedAtOnce() {
        SchemaParseException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(SchemaParseException.class, () -> SchemaFile.parse(P, laughs(9, 9))));
        assertTrue(e.getMessage().startsWith(P + ":10: cannot be read: its aliases"), e.getMessage());
        assertTrue(e.getMessage().contains("billion laughs"), e.getMessage());
        assertTrue(e.getMessage().endsWith("(osmosis left it untouched)"), e.getMessage());
        assertEquals(P, e.file());
    }

    @Test
    void aMillionValuesThroughAliasesIsRefused() {
        SchemaParseException e = assertThrows(SchemaParseException.class, () -> SchemaFile.parse(P, laughs(6, 10)));
        assertTrue(e.getMessage().contains("more than " + AliasExpansion.MAX_ADDED + " values"), e.getMessage());
        assertEquals(9, e.line(), "the first anchor that alone repeats too much: l4, over 10^5 values");
    }

    @Test
    void anAliasInsideItsOwnValueIsRefusedAsEndless() {
        SchemaParseException e = assertThrows(SchemaParseException.class, () -> SchemaFile.parse(P,
                "version: 2\nmodels:\n  - name: m\n    meta: &a {self: *a}\n"));
        assertTrue(e.getMessage().contains("endless"), e.getMessage());
        assertTrue(e.getMessage().startsWith(P + ":4: cannot be read"), e.getMessage());
    }

    @Test
    void sharedColumnDefinitionsReadAsBefore() {
        StringBuilder b = new StringBuilder("version: 2\nx-defaults: &defaults\n  data_type: text\n  meta: "
                + "{owner: data, tier: [1, 2, 3]}\nmodels:\n  - name: wide\n    columns:\n");
        for (int i = 0; i < 300; i++) {
            b.append("      - <<: *defaults\n        name: c").append(i).append('\n');
        }
        SchemaEntry wide = SchemaFile.parse(P, b.toString()).find(EntryRef.model("wide")).orElseThrow();
        assertEquals(300, wide.columns().size());
        assertEquals("text", wide.columns().get(299).dataType());
        assertEquals(List.of(1L, 2L, 3L), wide.columns().get(0).meta().get("tier"));
    }
}
