package dev.osmosis.llm.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osmosis.llm.LlmRequest;
import java.util.List;
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
        assertEquals("{\"type\":\"object\",\"properties\":{\"model_description\":{\"type\":\"string\"},"
                + "\"columns\":{\"type\":\"object\",\"properties\":{\"status\":{\"type\":\"string\"},"
                + "\"order_total\":{\"type\":\"string\"}},\"required\":[\"status\",\"order_total\"],"
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
