package dev.osmosis.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class JsonExtractorTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectNode SCHEMA = schema();

    private static ObjectNode schema() {
        ObjectNode s = MAPPER.createObjectNode();
        s.putArray("required").add("description");
        return s;
    }

    @Test
    void plainObject() {
        assertEquals("x", JsonExtractor.extract("{\"description\":\"x\"}", SCHEMA, "p m").path("description").asText());
    }

    @Test
    void codeFenceWithProse() {
        String text = "Sure! Here it is:\n```json\n{\"description\": \"Order id\"}\n```\nLet me know.";
        assertEquals("Order id", JsonExtractor.extract(text, SCHEMA, "p m").path("description").asText());
    }

    @Test
    void bracesInsideStringsAndAnEarlierWrongObject() {
        String text = "Example {\"other\": 1} then {\"description\": \"uses {braces} and \\\"quotes\\\"\"} end";
        assertEquals("uses {braces} and \"quotes\"",
                JsonExtractor.extract(text, SCHEMA, "p m").path("description").asText());
    }

    @Test
    void missingRequiredKeyIsMalformedAndSaysWhich() {
        LlmException e = assertThrows(LlmException.class, () -> JsonExtractor.extract("{\"desc\": 1}", SCHEMA, "p m"));
        assertEquals(LlmException.Kind.MALFORMED_RESPONSE, e.kind());
        assertTrue(e.getMessage().contains("[description]"), e.getMessage());
        assertTrue(e.getMessage().startsWith("p m"));
    }

    @Test
    void noObjectAtAll() {
        assertTrue(assertThrows(LlmException.class, () -> JsonExtractor.extract("", SCHEMA, "p m")).getMessage()
                .contains("empty answer"));
        assertTrue(assertThrows(LlmException.class, () -> JsonExtractor.extract("{broken", null, "p m")).getMessage()
                .contains("no JSON object"));
        assertTrue(assertThrows(LlmException.class, () -> JsonExtractor.extract("[1,2]", null, "p m")).getMessage()
                .contains("no JSON object"));
    }

    @Property(tries = 200)
    void anyObjectSurvivesSurroundingProse(@ForAll String before, @ForAll String value) throws Exception {
        ObjectNode o = MAPPER.createObjectNode().put("description", value);
        String prose = before.replace("{", "(").replace("`", "'");
        String text = prose + "\n```json\n" + MAPPER.writeValueAsString(o) + "\n```\n" + prose;
        assertEquals(value, JsonExtractor.extract(text, SCHEMA, "p m").path("description").asText());
    }
}
