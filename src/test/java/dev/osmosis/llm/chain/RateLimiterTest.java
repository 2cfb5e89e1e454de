package dev.osmosis.llm.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.llm.CapturedStderr;
import dev.osmosis.llm.FakeTime;
import dev.osmosis.llm.LlmCliOptions;
import dev.osmosis.llm.LlmClient;
import dev.osmosis.llm.LlmClients;
import dev.osmosis.llm.LlmException;
import dev.osmosis.llm.LlmProvider;
import dev.osmosis.llm.LlmRequest;
import dev.osmosis.llm.LlmResponse;
import dev.osmosis.llm.LlmSettings;
import dev.osmosis.llm.TestSettings;
import dev.osmosis.llm.Usage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RateLimiterTest {
    private static final String OK = "{\"model\":\"gpt-4o\",\"choices\":[{\"message\":{\"content\":\"fine\"},"
            + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1}}";
    private static final LlmRequest REQ = LlmRequest.text("", "hi");

    @RegisterExtension
    final CapturedStderr stderr = new CapturedStderr();
    private final FakeTime time = new FakeTime();

    private long acquireAt(RateLimiter limiter, long tokens) throws InterruptedException {
        RateLimiter.Permit permit = limiter.acquire(tokens);
        long at = time.nanoTime();
        permit.close();
        return at;
    }

    @Test
    void rpmSpreadsStartsOverWindows() throws Exception {
        RateLimiter limiter = new RateLimiter(3, 0, 1, Duration.ofSeconds(60), time);
        long t0 = time.nanoTime();
        List<Long> offsets = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            offsets.add((acquireAt(limiter, 1) - t0) / 1_000_000_000L);
        }
        assertEquals(List.of(0L, 20L, 40L, 60L, 80L, 100L, 120L), offsets, "3 a minute, evenly: one each 20 s");
    }

    @Test
    void tpmCountsReportedTokens() throws Exception {
        RateLimiter limiter = new RateLimiter(0, 100, 1, Duration.ofSeconds(60), time);
        long t0 = time.nanoTime();
        acquireAt(limiter, 60);
        assertEquals(60, (acquireAt(limiter, 60) - t0) / 1_000_000_000L, "60 + 60 > 100: next window");
        try (RateLimiter.Permit p = limiter.acquire(60)) {
            p.recordTokens(5);
            p.recordTokens(-1);
        }
        long before = time.nanoTime();
        acquireAt(limiter, 30);
        assertEquals(before, time.nanoTime(), "the real usage (5) left room for 30 at once");
    }

    @Test
    void aRateLimitSeenByOneCallerPausesEveryCaller() {
        RateLimiter limiter = new RateLimiter(0, 0, 4, Duration.ofMinutes(1), time);
        LlmClient limited = new RateLimitedClient(r -> {
            throw new LlmException(LlmException.Kind.RATE_LIMITED, "slow down", Duration.ofSeconds(7), null);
        }, limiter, RateLimitedClient::roughTokens, Duration.ofSeconds(1));
        LlmClient other = new RateLimitedClient(r -> new LlmResponse("ok", null, new Usage(1, 1), "stop", null, 1,
                "openai", "m", false), limiter, RateLimitedClient::roughTokens, Duration.ofSeconds(1));
        assertThrows(LlmException.class, () -> limited.complete(REQ));
        long before = time.nanoTime();
        other.complete(REQ);
        assertEquals(Duration.ofSeconds(7), Duration.ofNanos(time.nanoTime() - before));
    }

    @Test
    void roughTokensCountsPromptAndOutputCap() {
        assertEquals(2 + 100, RateLimitedClient.roughTokens(
                new LlmRequest("abcd", "efgh", null, 100, null, null, "test", null)));
    }

    /** Real threads, real server: in-flight requests never exceed the cap, and rpm holds over arrival times. */
    @Test
    void concurrencyCapAndRpmHoldAtTheServer() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                    arrivals.add(System.nanoTime());
                    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    Thread.sleep(40);
                    inFlight.decrementAndGet();
                    return new MockResponse.Builder().code(200).body(OK).build();
                }
            });
            server.start();
            String base = server.url("/v1").toString();
            LlmSettings capped = TestSettings.of(LlmProvider.OPENAI, base,
                    new LlmCliOptions(null, null, null, null, null, null, null, 0, null, 2, List.of(), null));
            // One OkHttp client for both phases, so connection set-up does not skew the arrival times below.
            okhttp3.OkHttpClient http = LlmClients.httpClient(Duration.ofSeconds(5));
            runConcurrently(LlmClients.builder(capped).httpClient(http).build(), 8);
            assertEquals(2, maxInFlight.get(), "cap reached but never exceeded");

            arrivals.clear();
            Duration window = Duration.ofMillis(500);
            LlmSettings rpm = TestSettings.of(LlmProvider.OPENAI, base,
                    new LlmCliOptions(null, null, null, null, null, null, null, 3, null, 9, List.of(), null));
            runConcurrently(LlmClients.builder(rpm).httpClient(http).rateWindow(window).build(), 6);
            List<Long> sorted = new ArrayList<>(arrivals);
            Collections.sort(sorted);
            assertEquals(6, sorted.size());
            for (int i = 0; i + 3 < sorted.size(); i++) {
                long gap = sorted.get(i + 3) - sorted.get(i);
                // Slack for network jitter between the limiter's start and the server's arrival stamp.
                assertTrue(gap >= window.toNanos() - 100_000_000L, "4 arrivals within one window: " + gap / 1e6
                        + " ms");
            }
        }
    }

    private static void runConcurrently(LlmClient client, int calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls);
        try {
            List<Future<LlmResponse>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                futures.add(pool.submit(() -> client.complete(REQ)));
            }
            for (Future<LlmResponse> f : futures) {
                assertEquals("fine", f.get().text());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
