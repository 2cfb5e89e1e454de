package dev.osmosis.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The line that names a removed column, and the rule --keep-documented-columns keeps by. */
class RemovedColumnTest {
    private static ColumnDocs column(String description, Map<String, Object> extras, Map<String, Object> meta,
                                     List<String> tags) {
        return new ColumnDocs("c", description, "text", tags, meta, extras, null);
    }

    @Test
    void aLongDescriptionIsCutOnOneLineWithTestsConstraintsMetaAndTags() {
        ColumnDocs c = column("The status of the payment\nas the processor reports it, mapped to our own codes",
                Map.of("data_tests", List.of("not_null", Map.of("accepted_values", Map.of("values", List.of("a")))),
                        "constraints", List.of(Map.of("type", "not_null"))),
                Map.of("owner", "finance"), List.of("pii"));

        RemovedColumn removed = RemovedColumn.of("stg_payments", c, Placeholders.DEFAULT);

        assertEquals("stg_payments.c \"The status of the payment as the processor reports it,…\" "
                + "(tests: not_null, accepted_values; constraints; meta; tags)", removed.describe());
        assertTrue(removed.isDocumented());
    }

    @Test
    void terminalEscapesInTheRepositorysTextAreNotPrinted() {
        RemovedColumn removed = RemovedColumn.of("m", column("red \u001b[31mtext\u0007", Map.of(), Map.of(),
                List.of()), Placeholders.DEFAULT);

        assertFalse(removed.describe().chars().anyMatch(Character::isISOControl), removed.describe());
    }

    @Test
    void documentedMeansAPersonsWorkNotAPlaceholderOrAType() {
        assertFalse(RemovedColumn.documented(column("", Map.of(), Map.of(), List.of()), Placeholders.DEFAULT));
        assertFalse(RemovedColumn.documented(column("Not documented.", Map.of("quote", true), Map.of(), List.of()),
                Placeholders.DEFAULT));
        assertTrue(RemovedColumn.documented(column("", Map.of("tests", List.of("unique")), Map.of(), List.of()),
                Placeholders.DEFAULT));
        assertTrue(RemovedColumn.documented(column("", Map.of(), Map.of(), List.of("pii")), Placeholders.DEFAULT));
        assertEquals("m.c", RemovedColumn.of("m", column("Undefined", Map.of(), Map.of(), List.of()),
                Placeholders.DEFAULT).describe(), "a placeholder is not shown as a description");
    }
}
