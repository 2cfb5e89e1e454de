package dev.osmosis.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the JSON object in a model's answer. Models wrap JSON in code fences, prepend "Here is the JSON:" or
 * append remarks even in JSON mode, so this tries the whole text, then each fenced block, then every balanced
 * {...} span, and returns the first object that has the schema's required top-level keys.
 */
public final class JsonExtractor {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonExtractor() {
    }

    /**
     * @param text   the model's answer
     * @param schema the expected JSON schema (its top-level {@code required} keys are checked), or null
     * @param source "provider model" for the error message
     * @throws LlmException MALFORMED_RESPONSE when no object of the expected shape is found
     */
    public static ObjectNode extract(String text, JsonNode schema, String source) {
        List<String> required = requiredKeys(schema);
        String missingReport = null;
        for (String candidate : candidates(text == null ? "" : text)) {
            JsonNode node = parse(candidate);
            if (node instanceof ObjectNode object) {
                List<String> missing = required.stream().filter(k -> !object.has(k)).toList();
                if (missing.isEmpty()) {
                    return object;
                }
                missingReport = "a JSON object without the required key(s) " + missing;
            }
        }
        String found = missingReport != null ? missingReport
                : (text == null || text.isBlank() ? "an empty answer" : "no JSON object");
        throw new LlmException(LlmException.Kind.MALFORMED_RESPONSE,
                source + " answered with " + found + " (answer starts: \"" + preview(text) + "\"). "
                        + "This is usually transient; if it persists, try --llm-json-mode, a larger --llm-max-tokens "
                        + "or another model.");
    }

    /** The first JSON object in a model's text: the whole text, a fenced block, or balanced braces in prose. */
    public static java.util.Optional<ObjectNode> firstObject(String text) {
        if (text == null || text.isBlank()) {
            return java.util.Optional.empty();
        }
        for (String candidate : candidates(text)) {
            if (parse(candidate) instanceof ObjectNode object) {
                return java.util.Optional.of(object);
            }
        }
        return java.util.Optional.empty();
    }

    static List<String> requiredKeys(JsonNode schema) {
        List<String> keys = new ArrayList<>();
        if (schema != null && schema.path("required").isArray()) {
            schema.path("required").forEach(k -> keys.add(k.asText()));
        }
        return keys;
    }

    private static List<String> candidates(String text) {
        List<String> out = new ArrayList<>();
        out.add(text.strip());
        int fence = text.indexOf("```");
        while (fence >= 0) {
            int bodyStart = text.indexOf('\n', fence);
            int end = bodyStart < 0 ? -1 : text.indexOf("```", bodyStart);
            if (end < 0) {
                break;
            }
            out.add(text.substring(bodyStart + 1, end).strip());
            fence = text.indexOf("```", end + 3);
        }
        for (int start = text.indexOf('{'); start >= 0; start = text.indexOf('{', start + 1)) {
            int end = matchingBrace(text, start);
            if (end > start) {
                out.add(text.substring(start, end + 1));
            }
        }
        return out;
    }

    /** Index of the brace closing the one at {@code start}, honouring strings and escapes; -1 if unbalanced. */
    private static int matchingBrace(String s, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static JsonNode parse(String candidate) {
        if (candidate.isEmpty() || candidate.charAt(0) != '{') {
            return null;
        }
        try {
            return MAPPER.readTree(candidate);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String preview(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= 80 ? flat : flat.substring(0, 80) + "...";
    }
}
