package dev.osmosis.llm.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class GeminiSchemaTest {
    @Test
    void keepsWhatGeminiKnowsAndTranslatesTheRest() throws Exception {
        JsonNode schema = new ObjectMapper().readTree("""
                {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
                 "additionalProperties": false, "required": ["columns"],
                 "properties": {
                   "columns": {"type": "array", "items": {"type": "object", "additionalProperties": false,
                     "properties": {"name": {"type": "string"}, "note": {"type": ["string", "null"]},
                                    "kind": {"const": "column"}}}},
                   "either": {"anyOf": [{"type": "integer"}, {"type": "boolean"}]}}}
                """);
        JsonNode g = GeminiSchema.convert(schema);
        assertEquals("OBJECT", g.path("type").asText());
        assertFalse(g.has("$schema"));
        assertFalse(g.has("additionalProperties"));
        JsonNode item = g.path("properties").path("columns").path("items");
        assertEquals("ARRAY", g.path("properties").path("columns").path("type").asText());
        assertFalse(item.has("additionalProperties"));
        assertEquals("STRING", item.path("properties").path("note").path("type").asText());
        assertTrue(item.path("properties").path("note").path("nullable").asBoolean());
        assertEquals("column", item.path("properties").path("kind").path("enum").path(0).asText());
        assertEquals("BOOLEAN", g.path("properties").path("either").path("anyOf").path(1).path("type").asText());
        assertEquals("columns", g.path("required").path(0).asText());
        assertEquals(0, GeminiSchema.convert(null).size());
    }

    @Test
    void strictOnlyWhenEveryObjectIsClosedAndFullyRequired() throws Exception {
        ObjectMapper m = new ObjectMapper();
        assertTrue(StrictSchema.isStrict(m.readTree(
                "{\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"a\"],"
                        + "\"properties\":{\"a\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}}}")));
        assertFalse(StrictSchema.isStrict(m.readTree(
                "{\"type\":\"object\",\"additionalProperties\":false,\"required\":[],\"properties\":{\"a\":{}}}")));
        assertFalse(StrictSchema.isStrict(m.readTree("{\"type\":\"object\",\"properties\":{}}")));
        assertFalse(StrictSchema.isStrict(m.readTree(
                "{\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"a\"],"
                        + "\"properties\":{\"a\":{\"type\":\"object\",\"properties\":{}}}}")));
        assertFalse(StrictSchema.isStrict(null));
    }
}
