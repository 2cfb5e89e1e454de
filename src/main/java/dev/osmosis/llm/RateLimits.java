package dev.osmosis.llm;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The budget a provider announced in the headers of one response (OpenAI, Azure and OpenRouter
 * {@code x-ratelimit-*}, Anthropic {@code anthropic-ratelimit-*}). Every limit is per minute, as all of these
 * providers document them. Empty when the response carried none (Gemini, local servers, a dry run).
 *
 * @param budgets what was announced for each kind of budget
 */
public record RateLimits(Map<Budget, Window> budgets) {
    /** What a call spends. */
    public enum Budget { REQUESTS, TOKENS, INPUT_TOKENS, OUTPUT_TOKENS }

    /**
     * One announced budget.
     *
     * @param limit     units per minute
     * @param remaining units left now, or -1 when not announced
     * @param reset     time until the budget is full again, or null when not announced
     */
    public record Window(long limit, long remaining, Duration reset) {
    }

    public static final RateLimits NONE = new RateLimits(Map.of());

    public RateLimits {
        budgets = budgets.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(budgets));
    }

    public boolean announced() {
        return !budgets.isEmpty();
    }
}
