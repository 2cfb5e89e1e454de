package dev.osmosis.llm.prompt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the JSON object in a model's text answer: the whole text, a fenced code block, or the first balanced
 * {...} in surrounding prose. Models in JSON mode still wrap answers in ```json fences or add a sentence;
 * structured output does not, but the cache and fallbacks may hand us either.
 */
final class JsonExtraction {
    // ObjectMapper is thread-safe once configured and this one is never reconfigured
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern FENCE = Pattern.compile("```[A-Za-z0-9_-]*\\s*\\n?(.*?)```", Pattern.DOTALL);

    private JsonExtraction() {
    }

    static Optional<JsonNode> object(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Optional<JsonNode> whole = parseObject(text.strip());
        if (whole.isPresent()) {
            return whole;
        }
        Matcher fence = FENCE.matcher(text);
        while (fence.find()) {
            Optional<JsonNode> inFence = parseObject(fence.group(1).strip());
            if (inFence.isPresent()) {
                return inFence;
            }
        }
        for (int start = text.indexOf('{'); start >= 0; start = text.indexOf('{', start + 1)) {
            int end = matchingBrace(text, start);
            if (end > start) {
                Optional<JsonNode> found = parseObject(text.substring(start, end + 1));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<JsonNode> parseObject(String candidate) {
        if (!candidate.startsWith("{")) {
            return Optional.empty();
        }
        try {
            JsonNode node = MAPPER.readTree(candidate);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** Index of the brace closing the one at {@code start}, skipping braces inside JSON strings; -1 if none. */
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
}
