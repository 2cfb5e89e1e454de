package dev.osmosis.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Hard cases for finding the JSON object in a model's answer:
 * <table>
 *   <caption>answers and what the extractor must do</caption>
 *   <tr><th>answer</th><th>expected</th></tr>
 *   <tr><td>a bare object, a fenced one, one in prose</td><td>found</td></tr>
 *   <tr><td>an earlier object without the required keys; braces and quotes in strings</td><td>the right one</td></tr>
 *   <tr><td>any garbage before and after (braces, quotes, backslashes, fences, ESC, bidi)</td><td>found</td></tr>
 *   <tr><td>100,000 '{'; 20,000 nested braces; 50,000 open objects; each followed by the object</td>
 *       <td>well under a second, the object still found</td></tr>
 *   <tr><td>ESC in the answer</td><td>escaped in the error message</td></tr>
 * </table>
 */
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

    /** The object is found whatever surrounds it: no prose before or after it can hide it. */
    @Property(tries = 1000)
    void anyGarbageAroundTheObjectIsSkipped(@ForAll("garbage") String before, @ForAll("garbage") String after,
                                            @ForAll String value) throws Exception {
        String object = MAPPER.writeValueAsString(MAPPER.createObjectNode().put("k9", value));
        assertEquals(value, JsonExtractor.extract(before + object + after, K9, "p m").path("k9").asText());
    }

    /** Garbage without digits, so it never holds a "k9" key of its own. */
    @Provide
    Arbitrary<String> garbage() {
        return Arbitraries.strings().withChars("{}[]\"\\:, \n\tab`\u001b\u202e").ofMaxLength(60);
    }

    /** One pass finds what scanning on from every brace in turn (the former, quadratic way) found. */
    @Property(tries = 1000)
    void findsWhatTheBraceByBraceScanFinds(@ForAll("pieces") String text) {
        assertEquals(bruteForce(text, List.of()), JsonExtractor.firstObject(text));
        assertEquals(bruteForce(text, List.of("k9")).map(o -> o.path("k9")),
                extractOrEmpty(text).map(o -> o.path("k9")));
    }

    @Provide
    Arbitrary<String> pieces() {
        return Arbitraries.of("{", "}", "\"", "\\", " ", "\n", ":", ",", "x", "1", "[", "]", "```", "```json\n",
                        "{\"a\":1}", "{\"k9\":\"v\"}", "{\"k9\":", "\"k9\"", "{ }", "{\"a\":{\"k9\":2}}")
                .list().ofMaxSize(30).map(l -> String.join("", l));
    }

    /**
     * Each took 10 to 40 seconds scanned brace by brace (20,000 nested braces also took 535 MB); one pass takes a
     * few hundred milliseconds at most on a loaded machine, hence the generous bound.
     */
    @Test
    void hostileAnswersTakeLinearTime() {
        String object = "{\"description\": \"found\"}";
        List<String> hostile = List.of("{".repeat(100_000), "{".repeat(20_000) + "}".repeat(20_000),
                "{\"a\":".repeat(50_000), "{\"a\":\"".repeat(50_000), "\"{".repeat(100_000),
                "{{ env_var('X') }}".repeat(10_000));
        for (String h : hostile) {
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertEquals("found",
                    JsonExtractor.extract(h + object, SCHEMA, "p m").path("description").asText()),
                    () -> "slow on " + h.substring(0, 20) + "... of " + h.length() + " characters");
        }
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertEquals(LlmException.Kind.MALFORMED_RESPONSE,
                assertThrows(LlmException.class, () -> JsonExtractor.extract("{".repeat(100_000), SCHEMA, "p m"))
                        .kind()));
    }

    @Test
    void theAnswerQuotedInTheErrorShowsNoTerminalControls() {
        LlmException e = assertThrows(LlmException.class,
                () -> JsonExtractor.extract("\u001b[2K\u001b[1Gnot json \u202e", SCHEMA, "p m"));
        assertTrue(e.getMessage().contains("\\u001B[2K\\u001B[1Gnot json \\u202E"), e.getMessage());
        assertTrue(e.getMessage().chars().noneMatch(c -> c == 0x1b || c == 0x202e), e.getMessage());
    }

    private static final ObjectNode K9 = (ObjectNode) MAPPER.createObjectNode().set("required",
            MAPPER.createArrayNode().add("k9"));

    private static Optional<ObjectNode> extractOrEmpty(String text) {
        try {
            return Optional.of(JsonExtractor.extract(text, K9, "p m"));
        } catch (LlmException e) {
            return Optional.empty();
        }
    }

    /** The former extractor: whole text, fenced blocks, then a scan from every '{' on (quadratic; small texts). */
    private static Optional<ObjectNode> bruteForce(String text, List<String> required) {
        List<String> candidates = new ArrayList<>();
        candidates.add(text.strip());
        int fence = text.indexOf("```");
        while (fence >= 0) {
            int bodyStart = text.indexOf('\n', fence);
            int end = bodyStart < 0 ? -1 : text.indexOf("```", bodyStart);
            if (end < 0) {
                break;
            }
            candidates.add(text.substring(bodyStart + 1, end).strip());
            fence = text.indexOf("```", end + 3);
        }
        for (int start = text.indexOf('{'); start >= 0; start = text.indexOf('{', start + 1)) {
            int depth = 0;
            boolean inString = false;
            for (int i = start; i < text.length(); i++) {
                char c = text.charAt(i);
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
                    candidates.add(text.substring(start, i + 1));
                    break;
                }
            }
        }
        for (String c : candidates) {
            if (!c.startsWith("{")) {
                continue;
            }
            try {
                JsonNode node = MAPPER.readTree(c);
                if (node instanceof ObjectNode o && required.stream().allMatch(o::has)) {
                    return Optional.of(o);
                }
            } catch (JsonProcessingException e) {
                // not an object: the next candidate
            }
        }
        return Optional.empty();
    }
}
