package dev.osmosis.llm.provider;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Headers;

/**
 * The delay a server asks for before the next try, from whichever signal it sends: {@code retry-after-ms},
 * {@code retry-after} (seconds or an HTTP date), Gemini's {@code RetryInfo.retryDelay} in the error body, or
 * OpenAI's {@code x-ratelimit-reset-requests/-tokens} ("1s", "6m0s", "20ms").
 */
public final class RetryAfter {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|us|µs|ns|h|m|s)?");

    private RetryAfter() {
    }

    /** Null when the response carries no usable delay. */
    public static Duration parse(Headers headers, JsonNode errorBody, long nowEpochMillis) {
        Duration ms = millis(headers.get("retry-after-ms"));
        if (ms != null) {
            return ms;
        }
        Duration ra = retryAfterHeader(headers.get("retry-after"), nowEpochMillis);
        if (ra != null) {
            return ra;
        }
        Duration gemini = geminiRetryInfo(errorBody);
        if (gemini != null) {
            return gemini;
        }
        Duration requests = goDuration(headers.get("x-ratelimit-reset-requests"));
        Duration tokens = goDuration(headers.get("x-ratelimit-reset-tokens"));
        if (requests == null) {
            return tokens;
        }
        return tokens == null || requests.compareTo(tokens) >= 0 ? requests : tokens;
    }

    private static Duration millis(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofMillis(Math.round(Double.parseDouble(value.strip())));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Duration retryAfterHeader(String value, long nowEpochMillis) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofMillis(Math.round(Double.parseDouble(value.strip()) * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                long at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()
                        .toEpochMilli();
                return Duration.ofMillis(Math.max(0, at - nowEpochMillis));
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static Duration geminiRetryInfo(JsonNode body) {
        if (body == null) {
            return null;
        }
        for (JsonNode detail : body.path("error").path("details")) {
            if (detail.path("@type").asText().endsWith("RetryInfo")) {
                return goDuration(detail.path("retryDelay").asText(null));
            }
        }
        return null;
    }

    /** Parses "1s", "6m0s", "20ms", "8.64s", "1h2m3s" and bare seconds ("60"); null if it is none of these. */
    static Duration goDuration(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        Matcher m = PART.matcher(v);
        double nanos = 0;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                return null;
            }
            end = m.end();
            double n = Double.parseDouble(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            nanos += n * switch (unit) {
                case "h" -> 3.6e12;
                case "m" -> 6e10;
                case "ms" -> 1e6;
                case "us", "µs" -> 1e3;
                case "ns" -> 1;
                default -> 1e9;
            };
        }
        return end == v.length() && end > 0 ? Duration.ofNanos(Math.round(nanos)) : null;
    }
}
