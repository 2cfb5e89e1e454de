package dev.osmosis.llm.prompt;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PromptViewMentionsTest {
    @Test
    void aColumnIsMentionedOnlyAsAWholeWord() {
        String sql = "select o.order_id, customer_id as cid\nfrom orders o -- order_id_2";
        assertTrue(PromptView.mentions(sql, "order_id"));
        assertTrue(PromptView.mentions(sql, "CUSTOMER_ID"));
        assertTrue(PromptView.mentions(sql, "cid"));
        assertTrue(PromptView.mentions(sql, "order_id_2"));
        assertFalse(PromptView.mentions(sql, "id"));
        assertFalse(PromptView.mentions(sql, "order"));
        assertFalse(PromptView.mentions(sql, "ders"));
        assertFalse(PromptView.mentions(sql, ""));
    }
}
