package dev.osmosis.llm.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.llm.LlmResponse;
import org.junit.jupiter.api.Test;

class PlainAnswerTest {
    @Test
    void cleansWhatModelsWrap() {
        assertEquals("The order status.", PlainAnswer.clean("  \"The order status.\"  "));
        assertEquals("The order status.", PlainAnswer.clean("Description: The order status."));
        assertEquals("The order status.", PlainAnswer.clean("Column description: \"The order status.\""));
        assertEquals("The order status.", PlainAnswer.clean("```text\nThe order status.\n```"));
        assertEquals("One row per order. Built from stg_orders.",
                PlainAnswer.clean("One row per order.\n\n  Built from   stg_orders.\n"));
        assertEquals("The order status.", PlainAnswer.clean("**Description:** The order status."));
        assertEquals("The order status.", PlainAnswer.clean("- The order status."));
        assertEquals("The order status.", PlainAnswer.clean("“The order status.”"));
        assertEquals("The order status.", PlainAnswer.clean("{\"description\": \"The order status.\"}"));
        assertEquals("{\"other\": 1}", PlainAnswer.clean("{\"other\": 1}"));
    }

    @Test
    void stripsTheSubjectLabelOnlyWhenGiven() {
        assertEquals("Current status.", PlainAnswer.clean("`status`: Current status.", "status"));
        assertEquals("Current status.", PlainAnswer.clean("STATUS - Current status.", "status"));
        assertEquals("status: Current status.", PlainAnswer.clean("status: Current status."));
        assertEquals("Status of the order.", PlainAnswer.clean("Status of the order.", "status"));
        LlmResponse r = new LlmResponse("order_total: 'Sum of payments.'", null, null, null, null, 1, "p", "m", false);
        assertEquals("Sum of payments.", PlainAnswer.of(r, "order_total"));
        assertEquals("order_total: 'Sum of payments.'", PlainAnswer.of(r));
    }

    @Test
    void keepsQuotesThatAreNotWrapping() {
        assertEquals("\"Gross\" minus \"net\"", PlainAnswer.clean("\"Gross\" minus \"net\""));
        assertEquals("'a' or 'b'", PlainAnswer.clean("'a' or 'b'"));
    }

    @Test
    void placeholdersBecomeEmpty() {
        for (String p : new String[] {null, "", "  ", "TBD", "n/a", "Not documented.", "<description>",
                "\"Pending further documentation\"", "...", "Description: none"}) {
            assertEquals("", PlainAnswer.clean(p), String.valueOf(p));
        }
        assertTrue(PlainAnswer.isPlaceholder(null));
        assertFalse(PlainAnswer.isPlaceholder("Unknown values are mapped to 0."));
    }
}
