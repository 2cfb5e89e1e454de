package dev.osmosis.usage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds the smallest value that satisfies a JSON schema's types and required keys, so a dry run's caller can
 * parse its answer and carry on exactly as after a real call.
 */
final class JsonPlaceholder {
    static final String TEXT = "(dry run: not generated)";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private JsonPlaceholder() {
    }

    static JsonNode forSchema(JsonNode schema) {
        return value(schema, 0);
    }

    private static JsonNode value(JsonNode schema, int depth) {
        if (schema == null || !schema.isObject() || depth > 20) {
            return F.textNode(TEXT);
        }
        JsonNode enumValues = schema.path("enum");
        if (enumValues.isArray() && !enumValues.isEmpty()) {
            return enumValues.get(0);
        }
        JsonNode anyOf = schema.has("anyOf") ? schema.get("anyOf") : schema.get("oneOf");
        if (anyOf != null && anyOf.isArray() && !anyOf.isEmpty()) {
            return value(anyOf.get(0), depth + 1);
        }
        String type = typeOf(schema);
        return switch (type) {
            case "object" -> object(schema, depth);
            case "array" -> {
                var array = F.arrayNode();
                for (int i = 0; i < schema.path("minItems").asInt(0); i++) {
                    array.add(value(schema.path("items"), depth + 1));
                }
                yield array;
            }
            case "integer", "number" -> F.numberNode(schema.path("minimum").asInt(0));
            case "boolean" -> F.booleanNode(false);
            case "null" -> F.nullNode();
            default -> F.textNode(TEXT);
        };
    }

    private static ObjectNode object(JsonNode schema, int depth) {
        ObjectNode o = F.objectNode();
        JsonNode properties = schema.path("properties");
        for (JsonNode required : schema.path("required")) {
            o.set(required.asText(), value(properties.get(required.asText()), depth + 1));
        }
        return o;
    }

    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) { // ["string", "null"]: take the first non-null type
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
            return "null";
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : "string";
    }
}
