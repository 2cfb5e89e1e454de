package dev.osmosis.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.osmosis.text.TerminalText;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the JSON object in a model's answer. Models wrap JSON in code fences, prepend "Here is the JSON:" or
 * append remarks even in JSON mode, so this tries the whole text, then each fenced block, then every balanced
 * {...} span, and returns the first object that has the schema's required top-level keys. Linear in the answer's
 * length whatever it holds ({@link BraceSpans}).
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
        String answer = text == null ? "" : text;
        for (BraceSpans.Span candidate : candidates(answer)) {
            JsonNode node = parse(answer, candidate);
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
        for (BraceSpans.Span candidate : candidates(text)) {
            if (parse(text, candidate) instanceof ObjectNode object) {
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

    /**
     * Where an object may be, in the order tried: the whole text, each fenced block, each balanced {...} span.
     * Ranges rather than substrings: a hostile answer has as many spans as braces, and only the ones tried are cut.
     */
    private static List<BraceSpans.Span> candidates(String text) {
        List<BraceSpans.Span> out = new ArrayList<>();
        out.add(stripped(text, 0, text.length()));
        int fence = text.indexOf("```");
        while (fence >= 0) {
            int bodyStart = text.indexOf('\n', fence);
            int end = bodyStart < 0 ? -1 : text.indexOf("```", bodyStart);
            if (end < 0) {
                break;
            }
            out.add(stripped(text, bodyStart + 1, end));
            fence = text.indexOf("```", end + 3);
        }
        out.addAll(BraceSpans.of(text));
        return out;
    }

    private static BraceSpans.Span stripped(String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return new BraceSpans.Span(start, end);
    }

    private static JsonNode parse(String text, BraceSpans.Span span) {
        if (span.start() >= span.end() || text.charAt(span.start()) != '{') {
            return null;
        }
        try {
            return MAPPER.readTree(text.substring(span.start(), span.end()));
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String preview(String text) {
        if (text == null) {
            return "";
        }
        String head = text.strip();
        String flat = (head.length() <= 400 ? head : head.substring(0, 400)).replaceAll("\\s+", " ");
        // the answer is the model's: the message reaches a terminal and a CI log
        return TerminalText.escape(flat.length() <= 80 ? flat : flat.substring(0, 80) + "...");
    }
}
