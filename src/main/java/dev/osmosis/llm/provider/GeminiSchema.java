package dev.osmosis.llm.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Gemini's {@code responseSchema} is an OpenAPI 3.0 subset: it rejects JSON-schema keys such as
 * {@code additionalProperties}, {@code $schema} or {@code const} with a 400, and spells types in upper case.
 * This keeps only the keys Gemini knows and translates the rest where there is an equivalent.
 */
final class GeminiSchema {
    private static final Set<String> COPIED = Set.of("format", "description", "nullable", "enum", "required",
            "minItems", "maxItems", "minimum", "maximum", "propertyOrdering", "title");

    private GeminiSchema() {
    }

    static ObjectNode convert(JsonNode schema) {
        ObjectNode out = Json.object();
        if (schema == null || !schema.isObject()) {
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode value = e.getValue();
            switch (key) {
                case "type" -> type(value, out);
                case "properties" -> {
                    ObjectNode props = out.putObject("properties");
                    value.properties().forEach(p -> props.set(p.getKey(), convert(p.getValue())));
                }
                case "items" -> out.set("items", convert(value));
                case "anyOf" -> {
                    ArrayNode any = out.putArray("anyOf");
                    value.forEach(v -> any.add(convert(v)));
                }
                case "const" -> out.putArray("enum").add(value);
                default -> {
                    if (COPIED.contains(key)) {
                        out.set(key, value);
                    }
                }
            }
        }
        return out;
    }

    /** {@code "string"} becomes {@code "STRING"}; {@code ["string", "null"]} becomes STRING plus nullable. */
    private static void type(JsonNode value, ObjectNode out) {
        if (value.isTextual()) {
            out.put("type", value.asText().toUpperCase(Locale.ROOT));
            return;
        }
        for (JsonNode t : value) {
            if ("null".equals(t.asText())) {
                out.put("nullable", true);
            } else if (!out.has("type")) {
                out.put("type", t.asText().toUpperCase(Locale.ROOT));
            }
        }
    }
}
