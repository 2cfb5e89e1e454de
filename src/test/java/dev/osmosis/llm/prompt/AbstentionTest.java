package dev.osmosis.llm.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osmosis.llm.LlmResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The model's "I cannot tell" (ADR 0714), and what is not one.
 *
 * <table>
 *   <caption>Hard cases</caption>
 *   <tr><th>answer</th><th>why it matters</th></tr>
 *   <tr><td>UNKNOWN in fences, quotes, behind a label</td><td>models wrap the sentinel like any answer</td></tr>
 *   <tr><td>"This column is not produced by the model's SQL."</td><td>a stale column's answer, seen in the
 *   blind study: was written as a description</td></tr>
 *   <tr><td>"Always null." for {@code cast(null as text)}</td><td>a package compiled against an empty
 *   warehouse: the meaning sits upstream</td></tr>
 *   <tr><td>"Always null when the payment failed."</td><td>a conditional null describes the data: kept</td></tr>
 *   <tr><td>JSON null / missing key in a bulk answer</td><td>abstained / asked again per column</td></tr>
 * </table>
 */
class AbstentionTest {
    @ParameterizedTest
    @ValueSource(strings = {"UNKNOWN", "unknown.", "`UNKNOWN`", "\"UNKNOWN\"", "Description: UNKNOWN",
            "```\nUNKNOWN\n```", "note: UNKNOWN",
            "This column is not produced by the model's SQL.",
            "This column is not present in the SQL, so its meaning cannot be described.",
            "The column does not appear in the model's SQL.",
            "Always null.", "This column is always null.", "Always NULL; it is cast from a null literal.",
            "A hard-coded null cast to text.", "The value is cast(null as TEXT) in the compiled SQL.",
            "The meaning of this column cannot be determined from the input.",
            "Insufficient information to describe this column."})
    void nonAnswersAreAbstentions(String answer) {
        assertTrue(Abstention.isAbstention(answer, "note"), answer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Null when the order never shipped.", "Always null when the payment failed.",
            "Always null for orders placed before the 2019 migration.",
            "Identifier of the customer; unknown for guest checkouts.", "Unknown-status flag set by the fraud check.",
            "Whether the SQL filter excluded the row.", "Order total in cents, from the payments source.", ""})
    void descriptionsAreNot(String answer) {
        assertFalse(Abstention.isAbstention(answer, "note"), answer);
    }

    @Test
    void nullIsNotAnAnswerAtAll() {
        assertFalse(Abstention.isAbstention(null));
    }

    private static LlmResponse json(String json) throws Exception {
        return new LlmResponse(json, new ObjectMapper().readTree(json), null, "stop", null, 1, "fake", "fake", false);
    }

    @Test
    void aBulkNullIsAnAbstentionAndAMissingKeyIsNot() throws Exception {
        BulkAnswer a = BulkAnswer.parse(json("{\"model_description\": null, \"columns\": {\"status\": \"Order status.\","
                + " \"note\": null, \"flag\": \"UNKNOWN\", \"legacy\": \"Always null.\"}}"),
                List.of("status", "note", "flag", "legacy", "total"), true);
        assertEquals(Map.of("status", "Order status."), a.columns());
        assertEquals(List.of("note", "flag", "legacy"), a.abstainedColumns());
        assertEquals(List.of("total"), a.missingColumns(), "left out: asked again per column");
        assertTrue(a.modelDescriptionAbstained());
        assertFalse(a.modelDescriptionMissing(), "an abstention is an answer");
        assertNull(a.modelDescription());
    }

    @Test
    void theArrayShapeAbstainsToo() throws Exception {
        BulkAnswer a = BulkAnswer.parse(json("{\"columns\": [{\"name\": \"note\", \"description\": null},"
                + " {\"name\": \"status\", \"description\": \"Order status.\"}]}"), List.of("note", "status"), false);
        assertEquals(List.of("note"), a.abstainedColumns());
        assertEquals(Map.of("status", "Order status."), a.columns());
        assertTrue(a.complete());
    }
}
