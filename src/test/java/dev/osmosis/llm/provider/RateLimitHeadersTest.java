package dev.osmosis.llm.provider;

import static dev.osmosis.llm.LlmException.Kind.MALFORMED_RESPONSE;
import static dev.osmosis.llm.LlmException.Kind.RATE_LIMITED;
import static dev.osmosis.llm.LlmException.Kind.SERVER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.llm.CapturedStderr;
import dev.osmosis.llm.LlmClient;
import dev.osmosis.llm.LlmClients;
import dev.osmosis.llm.LlmException;
import dev.osmosis.llm.LlmProvider;
import dev.osmosis.llm.LlmResponse;
import dev.osmosis.llm.RateLimits;
import dev.osmosis.llm.RateLimits.Budget;
import dev.osmosis.llm.RateLimits.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import mockwebserver3.MockResponse;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The budget announced in recorded responses, and what a provider's own retry verdict and a stream turn into. */
class RateLimitHeadersTest extends ProviderTestBase {
    @RegisterExtension
    final CapturedStderr stderr = new CapturedStderr();

    private static RateLimits parse(String fixture, long nowEpochMillis) {
        return RateLimitHeaders.parse(Headers.of(Fixture.load(fixture).headers()), nowEpochMillis);
    }

    @Test
    void openAiAnnouncesRequestsAndTokensWithGoDurations() {
        RateLimits r = parse("openai/chat-basic-200.json", 0);
        assertEquals(new Window(10_000, 9_999, Duration.ofMillis(6)), r.budgets().get(Budget.REQUESTS));
        assertEquals(new Window(50_000_000, 49_999_992, Duration.ZERO), r.budgets().get(Budget.TOKENS));
        assertEquals(new Window(200, 199, Duration.ofMillis(300)),
                parse("openai/error-429-rate-limit-exceeded-tpm.json", 0).budgets().get(Budget.REQUESTS));
    }

    @Test
    void azureAnnouncesWithoutResetsAndBareSecondsOnA429() {
        RateLimits ok = parse("azure-openai/chat-basic-200.json", 0);
        assertEquals(new Window(250, 249, null), ok.budgets().get(Budget.REQUESTS));
        assertEquals(new Window(250_000, 249_996, null), ok.budgets().get(Budget.TOKENS));
        assertEquals(new Window(250_000, -1, Duration.ofSeconds(60)),
                parse("azure-openai/error-429-retry-after.json", 0).budgets().get(Budget.TOKENS));
    }

    @Test
    void anthropicAnnouncesFourBudgetsWithRfc3339Resets() {
        long now = Instant.parse("2025-08-11T23:46:00Z").toEpochMilli();
        RateLimits r = parse("anthropic/error-429-rate-limit-retry-after.json", now);
        assertEquals(new Window(4000, 4000, Duration.ZERO), r.budgets().get(Budget.REQUESTS));
        assertEquals(new Window(280_000, 80_000, Duration.ZERO), r.budgets().get(Budget.TOKENS));
        assertEquals(new Window(200_000, 0, Duration.ofSeconds(72)), r.budgets().get(Budget.INPUT_TOKENS));
        assertEquals(new Window(80_000, 80_000, Duration.ZERO), r.budgets().get(Budget.OUTPUT_TOKENS));
    }

    @Test
    void openRouterAnnouncesUnsuffixedRequestsWithAnEpochReset() {
        long now = 1_754_667_600_000L;
        RateLimits r = parse("openai-compatible/openrouter-error-429.json", now);
        assertEquals(Map.of(Budget.REQUESTS, new Window(1, 0, Duration.ofSeconds(60))), r.budgets());
        assertEquals(Duration.ofSeconds(30), RateLimitHeaders.epoch("1754667630", now), "epoch seconds too");
    }

    @Test
    void responsesWithoutOrWithBrokenHeadersAnnounceNothing() {
        assertFalse(parse("gemini/generate-basic-200.json", 0).announced());
        assertFalse(parse("anthropic/messages-basic-200.json", 0).announced());
        RateLimits odd = RateLimitHeaders.parse(Headers.of("x-ratelimit-limit-requests", "lots",
                "x-ratelimit-limit-tokens", "-1", "anthropic-ratelimit-requests-limit", "50",
                "anthropic-ratelimit-requests-reset", "soon"), 0);
        assertEquals(Map.of(Budget.REQUESTS, new Window(50, -1, null)), odd.budgets());
        assertNull(RateLimitHeaders.epoch(null, 0));
    }

    @Test
    void successfulAnswersCarryTheAnnouncedBudget() {
        replay("openai/chat-basic-200.json");
        LlmResponse openai = provider(LlmProvider.OPENAI).complete(textRequest());
        assertEquals(10_000, openai.rateLimits().budgets().get(Budget.REQUESTS).limit());
        server.enqueue(new MockResponse.Builder().code(200).addHeader("anthropic-ratelimit-requests-limit", "50")
                .addHeader("anthropic-ratelimit-requests-remaining", "49")
                .body("{\"content\":[{\"type\":\"text\",\"text\":\"hi\"}],\"stop_reason\":\"end_turn\","
                        + "\"usage\":{\"input_tokens\":3,\"output_tokens\":1}}").build());
        LlmResponse anthropic = provider(LlmProvider.ANTHROPIC).complete(textRequest());
        assertEquals(new Window(50, 49, null), anthropic.rateLimits().budgets().get(Budget.REQUESTS));
    }

    @Test
    void xShouldRetryOverridesTheStatusVerdict() {
        replay("anthropic/error-429-rate-limit-retry-after.json");
        LlmException retryable = assertKind(RATE_LIMITED, () -> provider(LlmProvider.ANTHROPIC)
                .complete(textRequest()));
        assertTrue(retryable.retryable());
        assertEquals(200_000, retryable.rateLimits().budgets().get(Budget.INPUT_TOKENS).limit(),
                "a 429 carries the budget too, so a lowered limit is learnt from it");

        server.enqueue(new MockResponse.Builder().code(429).addHeader("x-should-retry", "false")
                .body("{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"no\"}}").build());
        LlmException refused = assertKind(RATE_LIMITED, () -> provider(LlmProvider.ANTHROPIC)
                .complete(textRequest()));
        assertFalse(refused.retryable());
        assertTrue(refused.getMessage().contains("x-should-retry: false"), refused.getMessage());
        assertFalse(refused.getMessage().contains("waits and retries"), refused.getMessage());

        server.enqueue(new MockResponse.Builder().code(500).addHeader("x-should-retry", "False").body("{}").build());
        assertFalse(assertKind(SERVER, () -> provider(LlmProvider.ANTHROPIC).complete(textRequest())).retryable());
        server.enqueue(new MockResponse.Builder().code(409).addHeader("x-should-retry", "true").body("{}").build());
        assertTrue(assertThrowsLlm(() -> provider(LlmProvider.ANTHROPIC).complete(textRequest())).retryable(),
                "true marks a status osmosis would not retry as transient");
        server.enqueue(new MockResponse.Builder().code(500).addHeader("x-should-retry", "maybe").body("{}").build());
        assertTrue(assertKind(SERVER, () -> provider(LlmProvider.ANTHROPIC).complete(textRequest())).retryable());
    }

    @Test
    void theChainDoesNotRetryWhatTheProviderSaysNotTo() {
        LlmClient chain = LlmClients.builder(settings(LlmProvider.ANTHROPIC)).time(time).build();
        server.enqueue(new MockResponse.Builder().code(429).addHeader("x-should-retry", "false")
                .body("{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"no\"}}").build());
        // Were it retried, the retry would find this 200 and succeed.
        server.enqueue(new MockResponse.Builder().code(200).body("{\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}")
                .build());
        assertKind(RATE_LIMITED, () -> chain.complete(textRequest()));
        assertEquals(1, server.getRequestCount(), "one attempt, no retry");
        assertEquals("hi", chain.complete(textRequest()).text());
        replay("anthropic/error-429-rate-limit-retry-after.json");
        server.enqueue(new MockResponse.Builder().code(200).body("{\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}")
                .build());
        assertEquals("hi", chain.complete(textRequest()).text(), "x-should-retry: true on a 429: retried");
        assertTrue(stderr.text().contains("Retry 1 of 3 in 65.0 s"), "after the server's retry-after: " + stderr.text());
        assertEquals(4, server.getRequestCount(), "the 429, then its retry");
    }

    @Test
    void aStreamedAnswerToAPlainRequestNamesTheLikelyCause() {
        String sse = "data: {\"choices\":[{\"delta\":{\"content\":\"hi\"}}]}\n\ndata: [DONE]\n\n";
        server.enqueue(new MockResponse.Builder().code(200).addHeader("content-type", "text/event-stream")
                .body(sse).build());
        LlmException openai = assertKind(MALFORMED_RESPONSE, () -> provider(LlmProvider.OPENAI)
                .complete(textRequest()));
        assertTrue(openai.getMessage().contains("the endpoint streamed; check the base URL or the proxy"),
                openai.getMessage());
        // No content type, but the body is server-sent events all the same.
        server.enqueue(new MockResponse.Builder().code(200).body("event: message_start\ndata: {}\n\n").build());
        assertTrue(assertKind(MALFORMED_RESPONSE, () -> provider(LlmProvider.ANTHROPIC).complete(textRequest()))
                .getMessage().contains("the endpoint streamed"));
        server.enqueue(new MockResponse.Builder().code(200).addHeader("content-type", "application/x-ndjson")
                .body("{\"a\":1}\n{\"b\":2}\n").build());
        assertTrue(assertKind(MALFORMED_RESPONSE, () -> provider(LlmProvider.GOOGLE_GEMINI).complete(textRequest()))
                .getMessage().contains("the endpoint streamed"));
        server.enqueue(new MockResponse.Builder().code(200).addHeader("content-type", "application/json")
                .body("{\"object\":\"list\"}").build());
        LlmException plain = assertKind(MALFORMED_RESPONSE, () -> provider(LlmProvider.OPENAI)
                .complete(textRequest()));
        assertTrue(plain.getMessage().contains("no choices"), "a JSON answer without choices says just that");
    }

    private static LlmException assertThrowsLlm(org.junit.jupiter.api.function.Executable call) {
        return org.junit.jupiter.api.Assertions.assertThrows(LlmException.class, call);
    }
}
