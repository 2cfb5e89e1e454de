package dev.osmosis.llm.provider;

import dev.osmosis.llm.RateLimits;
import dev.osmosis.llm.RateLimits.Budget;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import okhttp3.Headers;

/**
 * Reads the budget a provider announces with every response:
 * <ul>
 *   <li>OpenAI, Azure: {@code x-ratelimit-limit|remaining|reset-requests|tokens}, resets as Go durations
 *       ("6m0s", "1s", "20ms"; Azure sends bare seconds);</li>
 *   <li>OpenRouter: unsuffixed {@code x-ratelimit-limit|remaining|reset} (requests), the reset as epoch
 *       milliseconds;</li>
 *   <li>Anthropic: {@code anthropic-ratelimit-requests|tokens|input-tokens|output-tokens-limit|remaining|reset},
 *       resets as RFC 3339 instants.</li>
 * </ul>
 * A value that does not parse is ignored: a quirky proxy must never fail a call that succeeded.
 */
public final class RateLimitHeaders {
    private static final Map<Budget, String> OPENAI = Map.of(Budget.REQUESTS, "requests", Budget.TOKENS, "tokens");
    private static final Map<Budget, String> ANTHROPIC = Map.of(Budget.REQUESTS, "requests", Budget.TOKENS,
            "tokens", Budget.INPUT_TOKENS, "input-tokens", Budget.OUTPUT_TOKENS, "output-tokens");

    private RateLimitHeaders() {
    }

    public static RateLimits parse(Headers headers, long nowEpochMillis) {
        Map<Budget, RateLimits.Window> out = new EnumMap<>(Budget.class);
        ANTHROPIC.forEach((budget, name) -> put(out, budget, headers.get("anthropic-ratelimit-" + name + "-limit"),
                headers.get("anthropic-ratelimit-" + name + "-remaining"),
                instant(headers.get("anthropic-ratelimit-" + name + "-reset"), nowEpochMillis)));
        OPENAI.forEach((budget, name) -> put(out, budget, headers.get("x-ratelimit-limit-" + name),
                headers.get("x-ratelimit-remaining-" + name), RetryAfter.goDuration(headers.get("x-ratelimit-reset-"
                        + name))));
        if (!out.containsKey(Budget.REQUESTS)) {
            put(out, Budget.REQUESTS, headers.get("x-ratelimit-limit"), headers.get("x-ratelimit-remaining"),
                    epoch(headers.get("x-ratelimit-reset"), nowEpochMillis));
        }
        return out.isEmpty() ? RateLimits.NONE : new RateLimits(out);
    }

    private static void put(Map<Budget, RateLimits.Window> out, Budget budget, String limit, String remaining,
                            Duration reset) {
        long l = number(limit);
        // Azure answers -1 when a budget does not apply to the endpoint: that announces nothing.
        if (l > 0 && !out.containsKey(budget)) {
            out.put(budget, new RateLimits.Window(l, number(remaining), reset));
        }
    }

    private static long number(String value) {
        if (value == null) {
            return -1;
        }
        try {
            return Math.max(-1, Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** RFC 3339, e.g. 2025-08-11T23:47:12Z. */
    static Duration instant(String value, long nowEpochMillis) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long at = OffsetDateTime.parse(value.strip()).toInstant().toEpochMilli();
            return Duration.ofMillis(Math.max(0, at - nowEpochMillis));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Epoch milliseconds (OpenRouter) or seconds, told apart by size. */
    static Duration epoch(String value, long nowEpochMillis) {
        long n = number(value);
        if (n < 0) {
            return null;
        }
        long at = n > 100_000_000_000L ? n : n * 1000;
        return Duration.ofMillis(Math.max(0, at - nowEpochMillis));
    }
}
