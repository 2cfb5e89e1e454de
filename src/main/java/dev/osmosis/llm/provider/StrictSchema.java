package dev.osmosis.llm.provider;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * OpenAI's strict structured outputs accept only schemas where every object lists all its properties as required
 * and forbids additional ones. Asking for strict with any other schema is a 400, so we ask only when it fits.
 */
final class StrictSchema {
    private StrictSchema() {
    }

    static boolean isStrict(JsonNode schema) {
        if (schema == null || !schema.isObject()) {
            return false;
        }
        if ("object".equals(schema.path("type").asText()) || schema.has("properties")) {
            if (!schema.path("additionalProperties").isBoolean() || schema.path("additionalProperties").asBoolean()) {
                return false;
            }
            Set<String> required = new HashSet<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            for (Iterator<String> it = schema.path("properties").fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!required.contains(name) || !isStrictChild(schema.path("properties").path(name))) {
                    return false;
                }
            }
        }
        if (schema.has("items")) {
            return isStrictChild(schema.path("items"));
        }
        return true;
    }

    private static boolean isStrictChild(JsonNode child) {
        boolean structured = child.has("properties") || child.has("items")
                || "object".equals(child.path("type").asText());
        return !structured || isStrict(child);
    }
}
