package dev.osmosis.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The judge's verdict on one answer, or why there is none. A judge's answer is model output and untrusted: only a
 * JSON object whose {@code score} is a whole number from 0 to 3 (and whose {@code reason}, when present, is a
 * string) is a grade; anything else is "ungraded" and counted as such, never guessed into a score.
 *
 * @param score  0 to 3, or null when ungraded
 * @param reason the judge's reason (cut to {@link #MAX_REASON} characters), or why the answer was not usable
 */
public record Grade(Integer score, String reason) {
    public static final int MAX_SCORE = 3;
    /** A reason is one sentence; a longer text is cut so a runaway judge cannot flood the report. */
    public static final int MAX_REASON = 300;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public Grade {
        reason = cut(reason == null ? "" : reason.strip());
    }

    public static Grade ungraded(String why) {
        return new Grade(null, why);
    }

    public boolean graded() {
        return score != null;
    }

    /** Parses a judge's answer: the JSON object alone, optionally in one Markdown code fence. */
    public static Grade parse(String answer) {
        String text = unfenced(answer == null ? "" : answer.strip());
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return ungraded("the judge's answer is not a JSON object");
        }
        if (json == null || !json.isObject()) {
            return ungraded("the judge's answer is not a JSON object");
        }
        JsonNode score = json.get("score");
        if (score == null || !score.isIntegralNumber() || !score.canConvertToInt()
                || score.intValue() < 0 || score.intValue() > MAX_SCORE) {
            return ungraded("the judge's score is not a whole number from 0 to " + MAX_SCORE);
        }
        JsonNode reason = json.get("reason");
        if (reason != null && !reason.isTextual() && !reason.isNull()) {
            return ungraded("the judge's reason is not a text");
        }
        return new Grade(score.intValue(), reason == null || reason.isNull() ? "" : reason.textValue());
    }

    /** The body of a single ```json ... ``` fence, as many models wrap JSON; the text itself otherwise. */
    private static String unfenced(String text) {
        if (!text.startsWith("```") || !text.endsWith("```") || text.length() < 6) {
            return text;
        }
        String body = text.substring(3, text.length() - 3);
        int newline = body.indexOf('\n');
        if (newline < 0) {
            return text;
        }
        String language = body.substring(0, newline).strip();
        return language.isEmpty() || language.equalsIgnoreCase("json") ? body.substring(newline + 1).strip() : text;
    }

    private static String cut(String s) {
        if (s.length() <= MAX_REASON) {
            return s;
        }
        // never half a surrogate pair: the cut text is shown on a terminal
        int end = Character.isHighSurrogate(s.charAt(MAX_REASON - 1)) ? MAX_REASON - 1 : MAX_REASON;
        return s.substring(0, end) + "...";
    }
}
