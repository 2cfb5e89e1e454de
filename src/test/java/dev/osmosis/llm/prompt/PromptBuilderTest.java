package dev.osmosis.llm.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osmosis.llm.LlmRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptBuilderTest {
    private final PromptBuilder builder = new PromptBuilder(PromptTemplates.defaults(), 0.2, 900);

    @Test
    void bulkRequestIsLabelledAndCarriesAStrictSchema() {
        LlmRequest r = builder.bulk(Fixtures.orders());
        assertEquals("bulk", r.operation());
        assertEquals("model.shop.orders", r.nodeId());
        assertEquals(PromptBuilder.SCHEMA_NAME, r.schemaName());
        assertEquals(0.2, r.temperature());
        assertEquals(900, r.maxOutputTokens());
        assertTrue(r.wantsJson());
        JsonNode s = r.jsonSchema();
        // null is the model's "unknown" (ADR 0714): strict structured output needs it in the type
        assertEquals("{\"type\":\"object\",\"properties\":{\"model_description\":{\"type\":[\"string\",\"null\"]},"
                + "\"columns\":{\"type\":\"object\",\"properties\":{\"status\":{\"type\":[\"string\",\"null\"]},"
                + "\"order_total\":{\"type\":[\"string\",\"null\"]}},\"required\":[\"status\",\"order_total\"],"
                + "\"additionalProperties\":false}},\"required\":[\"model_description\",\"columns\"],"
                + "\"additionalProperties\":false}", s.toString());
        assertTrue(r.system().contains("JSON"));
        assertTrue(r.user().contains("order_total"));
    }

    @Test
    void schemaFollowsWhatIsAsked() {
        JsonNode onlyColumns = PromptBuilder.bulkSchema(List.of("a", "a", "B"), false);
        assertFalse(onlyColumns.get("properties").has("model_description"));
        assertEquals("[\"a\",\"B\"]", onlyColumns.at("/properties/columns/required").toString());
        assertEquals("[\"columns\"]", onlyColumns.get("required").toString());
        JsonNode onlyModel = PromptBuilder.bulkSchema(List.of(), true);
        assertFalse(onlyModel.get("properties").has("columns"));
        assertEquals("[\"model_description\"]", onlyModel.get("required").toString());
        PromptContext nothing = Fixtures.orders().withGaps(List.of(), false);
        assertThrows(IllegalArgumentException.class, () -> builder.bulk(nothing));
    }

    /** Issue 18.2: a rejected text the model gave again is named in every default template that asks for it. */
    @Test
    void defaultTemplatesNameARejectedTextOnlyWhenThereIsOne() {
        PromptContext plain = Fixtures.orders();
        PromptContext told = plain.withGaps(List.of(plain.gaps().get(0).withRejected("Old status text."),
                plain.gaps().get(1)), true).withRejectedDescription("Old orders text.");

        String bulk = Fixtures.unfenced(builder.bulk(told).user());
        assertTrue(bulk.contains("  - status (varchar)\n    A reviewer rejected this one; write a different one, not a "
                + "light rewording: Old status text.\n  - order_total"), bulk);
        assertTrue(bulk.contains("rewording: Old orders text."), bulk);
        assertEquals(1, bulk.split("A reviewer rejected", -1).length - 2, "order_total has none: " + bulk);
        assertTrue(Fixtures.unfenced(builder.modelDescription(told).user()).contains(
                "A reviewer rejected this description of \"orders\": Old orders text.\nWrite a different"));
        assertTrue(Fixtures.unfenced(builder.column(told, told.gaps().get(0)).user()).contains(
                "A reviewer rejected this description of \"status\": Old status text.\nWrite a different"));
        assertFalse(builder.column(told, told.gaps().get(1)).user().contains("rejected"));
        for (String prompt : List.of(builder.bulk(plain).user(), builder.modelDescription(plain).user(),
                builder.column(plain, plain.gaps().get(0)).user())) {
            assertFalse(prompt.contains("rejected"), prompt);
        }
        Map<String, Object> v = PromptView.of(told.withColumn(told.gaps().get(0)));
        assertEquals("Old status text.", Fixtures.unfenced(v.get("column_rejected")));
        assertEquals(true, v.get("has_column_rejected"));
        assertEquals("Old orders text.", Fixtures.unfenced(v.get("rejected_description")));
    }

    @Test
    void modelAndColumnRequestsArePlainText() {
        PromptContext ctx = Fixtures.orders();
        LlmRequest model = builder.modelDescription(ctx);
        assertEquals("model", model.operation());
        assertFalse(model.wantsJson());
        assertEquals("model.shop.orders", model.nodeId());
        assertTrue(model.user().contains("Reply with the model description only."));

        LlmRequest column = new PromptBuilder(PromptTemplates.defaults()).column(ctx, ctx.gaps().get(0));
        assertEquals("column", column.operation());
        assertNull(column.jsonSchema());
        assertNull(column.temperature());
        assertTrue(column.user().contains("Describe the column \"status\" (varchar)"));
    }

    @Test
    void nodeIdFallsBackToTheName() {
        PromptContext noId = new PromptContext("", "bare", null, null, null, null, null, null, null, true, null,
                null, null, null);
        assertEquals("bare", builder.modelDescription(noId).nodeId());
    }
}
