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

class BulkAnswerTest {
    private static final List<String> ASKED = List.of("status", "Order_Total", "ordered_at");

    private static LlmResponse text(String text) {
        return new LlmResponse(text, null, null, "stop", null, 1, "fake", "fake", false);
    }

    private static LlmResponse json(String json) throws Exception {
        return new LlmResponse(json, new ObjectMapper().readTree(json), null, "stop", null, 1, "fake", "fake", false);
    }

    private static final String ANSWER = "{\"model_description\": \"One row per order.\", \"columns\": {"
            + "\"status\": \"Current order status.\", \"order_total\": \"Sum of successful payments.\", "
            + "\"ordered_at\": \"When the order was placed.\"}}";

    @Test
    void structuredAnswerFillsEveryRequestedColumn() throws Exception {
        BulkAnswer a = BulkAnswer.parse(json(ANSWER), ASKED, true);
        assertEquals(Map.of("status", "Current order status.", "Order_Total", "Sum of successful payments.",
                "ordered_at", "When the order was placed."), a.columns());
        assertEquals(List.of("status", "Order_Total", "ordered_at"), List.copyOf(a.columns().keySet()),
                "request order, requested spelling");
        assertEquals("One row per order.", a.modelDescription());
        assertTrue(a.missingColumns().isEmpty());
        assertTrue(a.complete());
        assertNull(a.problem());
    }

    @Test
    void aModelDescriptionUnderDescriptionIsAcceptedLikeModelDescription() throws Exception {
        BulkAnswer wrapped = BulkAnswer.parse(json("{\"description\": \"One row per order.\", \"columns\": {"
                + "\"status\": \"Current order status.\"}}"), List.of("status"), true);
        assertEquals("One row per order.", wrapped.modelDescription());
        assertTrue(wrapped.complete());
        BulkAnswer flat = BulkAnswer.parse(text("{\"description\": \"One row per order.\", \"status\": \"Now.\"}"),
                List.of("status"), true);
        assertEquals("One row per order.", flat.modelDescription());
        assertEquals(Map.of("status", "Now."), flat.columns());
        // A flat answer whose columns include one named description: that key is the column, not the model.
        BulkAnswer column = BulkAnswer.parse(text("{\"description\": \"Free text of the ticket.\"}"),
                List.of("description"), true);
        assertEquals(Map.of("description", "Free text of the ticket."), column.columns());
        assertNull(column.modelDescription());
        assertTrue(column.modelDescriptionMissing());
    }

    @Test
    void fencedAndProseWrappedJsonIsFound() {
        String fenced = "Here you go:\n```json\n" + ANSWER + "\n```\nLet me know!";
        assertTrue(BulkAnswer.parse(text(fenced), ASKED, true).complete());
        String prose = "Sure! {not json} The answer is " + ANSWER + " -- hope it helps {\"x\": }";
        assertTrue(BulkAnswer.parse(text(prose), ASKED, true).complete());
        String braceInString = "{\"columns\": {\"status\": \"Uses {curly} and \\\"quotes\\\"\"}} trailing";
        assertEquals("Uses {curly} and \"quotes\"",
                BulkAnswer.parse(text("Answer: " + braceInString), ASKED).columns().get("status"));
    }

    @Test
    void inventedColumnsAreIgnoredAndMissingOnesReported() {
        String answer = "{\"columns\": {\"STATUS\": \"  Order status.  \", \"made_up\": \"Invented.\", "
                + "\"ordered_at\": \"TBD\", \"order_total\": \"\"}}";
        BulkAnswer a = BulkAnswer.parse(text(answer), ASKED, true);
        assertEquals(Map.of("status", "Order status."), a.columns());
        assertEquals(List.of("Order_Total", "ordered_at"), a.missingColumns());
        assertTrue(a.modelDescriptionMissing());
        assertNull(a.modelDescription());
        assertFalse(a.complete());
    }

    @Test
    void exactKeyWinsOverCaseInsensitiveOne() {
        String answer = "{\"columns\": {\"id\": \"lower\", \"ID\": \"upper\"}}";
        assertEquals("upper", BulkAnswer.parse(text(answer), List.of("ID")).columns().get("ID"));
        assertEquals("lower", BulkAnswer.parse(text(answer), List.of("Id")).columns().get("Id"));
    }

    @Test
    void arrayShapeAndObjectValuesAreAccepted() {
        String array = "{\"model_description\": \"\\\"Orders.\\\"\", \"columns\": ["
                + "{\"name\": \"status\", \"description\": \"Description: Status.\"},"
                + "{\"column\": \"`ordered_at`\", \"description\": \"Placed at.\"},"
                + "{\"name\": \"order_total\"}, 42]}";
        BulkAnswer a = BulkAnswer.parse(text(array), ASKED, true);
        assertEquals(Map.of("status", "Status.", "ordered_at", "Placed at."), a.columns());
        assertEquals("Orders.", a.modelDescription());
        assertEquals(List.of("Order_Total"), a.missingColumns());

        String nested = "{\"columns\": {\"status\": {\"description\": \"Nested.\"}, \"ordered_at\": 3}}";
        assertEquals(Map.of("status", "Nested."), BulkAnswer.parse(text(nested), ASKED).columns());
    }

    @Test
    void flatObjectWithoutColumnsWrapperIsAccepted() {
        String flat = "{\"modelDescription\": \"Orders.\", \"status\": \"Status.\"}";
        BulkAnswer a = BulkAnswer.parse(text(flat), ASKED, false);
        assertEquals(Map.of("status", "Status."), a.columns());
        assertEquals("Orders.", a.modelDescription());
        assertFalse(a.modelDescriptionMissing(), "not wanted, so not missing");
    }

    @Test
    void noJsonAtAllLeavesEverythingMissing() {
        BulkAnswer a = BulkAnswer.parse(text("I cannot help with that."), ASKED, true);
        assertEquals(ASKED, a.missingColumns());
        assertTrue(a.modelDescriptionMissing());
        assertEquals("no JSON object in the answer", a.problem());
        assertTrue(BulkAnswer.parse(text(""), ASKED).columns().isEmpty());
        assertTrue(BulkAnswer.parse(text("```\n[1, 2]\n```"), ASKED).problem() != null);
    }

    @Test
    void parseWithContextUsesItsGaps() {
        BulkAnswer a = BulkAnswer.parse(text("{\"columns\": {\"status\": \"S.\"}}"), Fixtures.orders());
        assertEquals(List.of("order_total"), a.missingColumns());
        assertTrue(a.modelDescriptionMissing());
    }
}
