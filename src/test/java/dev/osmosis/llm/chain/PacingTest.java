package dev.osmosis.llm.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.llm.CapturedStderr;
import dev.osmosis.llm.FakeTime;
import dev.osmosis.llm.LlmCliOptions;
import dev.osmosis.llm.LlmClient;
import dev.osmosis.llm.LlmClients;
import dev.osmosis.llm.LlmProvider;
import dev.osmosis.llm.LlmRequest;
import dev.osmosis.llm.LlmResponse;
import dev.osmosis.llm.LlmSettings;
import dev.osmosis.llm.RateLimits;
import dev.osmosis.llm.RateLimits.Budget;
import dev.osmosis.llm.TestSettings;
import dev.osmosis.llm.Usage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The run paced by what a MockWebServer announces in OpenAI's headers. Calls go one after another on a fake clock
 * (it moves only when the limiter sleeps), so every start time is exact and nothing depends on the machine's speed.
 */
class PacingTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final String OK = "{\"model\":\"gpt-4o\",\"choices\":[{\"message\":{\"content\":\"fine\"},"
            + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":30,\"completion_tokens\":10}}";
    private static final LlmRequest REQ = LlmRequest.text("", "hi");

    @RegisterExtension
    final CapturedStderr stderr = new CapturedStderr();
    private final FakeTime time = new FakeTime();
    private final List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger rateLimited = new AtomicInteger();
    private final OkHttpClient http = LlmClients.httpClient(Duration.ofSeconds(5));
    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /**
     * A provider that announces {@code rpm.applyAsInt(calls so far)} requests a minute and enforces it as OpenAI
     * does: a bucket of that many requests refilled evenly over a minute; over it, a 429 with the same headers.
     */
    private void announce(IntUnaryOperator rpm) {
        server.setDispatcher(new Dispatcher() {
            private double level = -1;
            private long last;

            @Override
            public synchronized MockResponse dispatch(RecordedRequest request) {
                long now = time.nanoTime();
                int limit = rpm.applyAsInt(arrivals.size());
                level = level < 0 ? limit : Math.min(limit, level + (now - last) * (double) limit / MINUTE);
                last = now;
                MockResponse.Builder b = new MockResponse.Builder()
                        .addHeader("x-ratelimit-limit-requests", limit)
                        .addHeader("x-ratelimit-limit-tokens", 1_000_000)
                        .addHeader("x-ratelimit-remaining-tokens", 999_000)
                        .addHeader("x-ratelimit-reset-requests", "1s");
                if (level < 1) {
                    rateLimited.incrementAndGet();
                    return b.code(429).addHeader("x-ratelimit-remaining-requests", 0)
                            .body("{\"error\":{\"message\":\"Rate limit reached\",\"code\":\"rate_limit_exceeded\"}}")
                            .build();
                }
                level -= 1;
                arrivals.add(now);
                return b.code(200).addHeader("x-ratelimit-remaining-requests", (long) level).body(OK).build();
            }
        });
    }

    private LlmSettings settings(LlmCliOptions cli) {
        return TestSettings.of(LlmProvider.OPENAI, server.url("/v1").toString(), cli);
    }

    private RateLimiter run(LlmSettings settings, int calls) {
        RateLimiter limiter = RateLimiter.of(settings, Duration.ofMinutes(1), time);
        LlmClient client = LlmClients.builder(settings).httpClient(http).time(time).random(() -> 0.5)
                .limiter(limiter).build();
        for (int i = 0; i < calls; i++) {
            assertEquals("fine", client.complete(REQ).text());
        }
        return limiter;
    }

    /** The most arrivals any minute-long window starting at one of {@code from}'s arrivals holds. */
    private int busiestMinute(List<Long> from) {
        int most = 0;
        for (int i = 0; i < from.size(); i++) {
            long start = from.get(i);
            most = Math.max(most, (int) from.stream().filter(t -> t >= start && t < start + MINUTE).count());
        }
        return most;
    }

    private double spanSeconds(List<Long> times) {
        return (times.get(times.size() - 1) - times.get(0)) / (double) SECOND;
    }

    @Test
    void anAnnouncedBudgetIsReachedAndNeverExceeded() {
        announce(n -> 120);
        RateLimiter limiter = run(settings(LlmCliOptions.NONE), 200);
        assertEquals(0, rateLimited.get(), "no 429");
        assertTrue(busiestMinute(arrivals) <= 120, "busiest minute: " + busiestMinute(arrivals));
        // 200 calls at 120 rpm take 100 s; the 60 rpm default would take over 180 s.
        double span = spanSeconds(arrivals);
        assertTrue(span >= 100 * 0.9 && span <= 100 * 1.1, "200 calls in " + span + " s");
        RateLimiter.Pace pace = limiter.pace();
        assertTrue(pace.announced());
        assertEquals(120 * RateLimiter.SAFETY, pace.rpm(), 0.01);
        assertEquals(1_000_000 * RateLimiter.SAFETY, pace.tpm(), 0.01);
    }

    @Test
    void aLimitLoweredMidRunIsHonouredFromTheNextCall() {
        announce(n -> n < 60 ? 120 : 30);
        run(settings(LlmCliOptions.NONE), 120);
        List<Long> before = arrivals.subList(0, 60);
        assertTrue(spanSeconds(before) <= 60 * 0.55, "120 rpm: 60 calls in " + spanSeconds(before) + " s");
        // The call that learnt of the new limit was already on its way; from the next one on, 30 a minute.
        List<Long> after = arrivals.subList(61, arrivals.size());
        assertTrue(busiestMinute(after) <= 30, "busiest minute after the change: " + busiestMinute(after));
        double span = spanSeconds(after);
        assertTrue(span >= 59 * 2 * 0.9 && span <= 59 * 2 * 1.15, "59 calls at 30 rpm in " + span + " s");
        assertTrue(rateLimited.get() <= 1, rateLimited.get() + " 429s");
    }

    @Test
    void explicitSettingsCapTheAnnouncedBudget() {
        announce(n -> 300);
        LlmCliOptions rpm = new LlmCliOptions(null, null, null, null, null, null, null, 30, null, 2, List.of(), null);
        RateLimiter limiter = run(settings(rpm), 70);
        assertTrue(busiestMinute(arrivals) <= 30, "the user's 30 rpm holds: " + busiestMinute(arrivals));
        assertEquals(30, limiter.pace().rpm(), 0.01);
        assertEquals(2, limiter.maxConcurrency());
        assertEquals(2, limiter.pace().concurrency());
    }

    @Test
    void withoutHeadersTheDefaultsHold() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                arrivals.add(time.nanoTime());
                return new MockResponse.Builder().code(200).body(OK).build();
            }
        });
        RateLimiter limiter = run(settings(LlmCliOptions.NONE), 130);
        long t0 = arrivals.get(0);
        List<Long> minutes = arrivals.stream().map(t -> (t - t0) / MINUTE).toList();
        assertEquals(60, Collections.frequency(minutes, 0L), "60 rpm, as before: " + minutes);
        assertEquals(60, Collections.frequency(minutes, 1L));
        assertEquals(10, Collections.frequency(minutes, 2L));
        RateLimiter.Pace pace = limiter.pace();
        assertEquals(new RateLimiter.Pace(LlmSettings.DEFAULT_RPM, 0, LlmSettings.DEFAULT_CONCURRENCY, false), pace);
        assertEquals("60 rpm, 4 in flight (configured pace)", pace.describe());
    }

    @Test
    void withoutHeadersTheDefaultPaceIsEvenWithNoBurstLargerThanTheConcurrency() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                arrivals.add(time.nanoTime());
                return new MockResponse.Builder().code(200).body(OK).build();
            }
        });
        run(settings(LlmCliOptions.NONE), 40);
        List<Long> sorted = arrivals.stream().sorted().toList();
        int burst = LlmSettings.DEFAULT_CONCURRENCY;
        long span = burst * MINUTE / LlmSettings.DEFAULT_RPM;
        for (int i = 0; i + burst < sorted.size(); i++) {
            assertTrue(sorted.get(i + burst) - sorted.get(i) >= span, "start " + (i + burst) + " came "
                    + (sorted.get(i + burst) - sorted.get(i)) / 1_000_000 + " ms after start " + i);
        }
        assertTrue(sorted.get(sorted.size() - 1) - sorted.get(0) < MINUTE, "40 calls at 60 rpm take under a minute");
    }

    @Test
    void concurrencyGrowsWhileCallersQueueAndHalvesOnA429() throws Exception {
        RateLimiter limiter = RateLimiter.of(settings(LlmCliOptions.NONE), Duration.ofMinutes(1), time);
        RateLimits big = new RateLimits(Map.of(Budget.REQUESTS, new RateLimits.Window(100_000, 99_000, null)));
        List<RateLimiter.Permit> held = new ArrayList<>();
        for (int i = 0; i < LlmSettings.DEFAULT_CONCURRENCY; i++) {
            held.add(limiter.acquire(new RateLimiter.Cost(10, 2)));
        }
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<RateLimiter.Permit> fifth = pool.submit(() -> limiter.acquire(new RateLimiter.Cost(10, 2)));
            while (limiter.queued() == 0) {
                Thread.onSpinWait();
            }
            held.get(0).succeeded(big);
            // One more slot while a caller queued and nothing waited for the rate: the fifth gets in at once.
            assertEquals(5, limiter.pace().concurrency());
            held.add(fifth.get());
        } finally {
            pool.shutdownNow();
        }
        held.get(1).rateLimited(big, Duration.ofSeconds(2));
        assertEquals(2, limiter.pace().concurrency(), "halved");
        assertEquals(100_000 * RateLimiter.SAFETY * RateLimiter.DECREASE, limiter.pace().rpm(), 0.01);
        long before = time.nanoTime();
        held.forEach(RateLimiter.Permit::close);
        try (RateLimiter.Permit p = limiter.acquire(new RateLimiter.Cost(10, 2))) {
            assertEquals(2 * SECOND, time.nanoTime() - before, "everyone waits out the 429");
            for (int i = 0; i < 30; i++) {
                p.succeeded(big);
            }
        }
        assertEquals(100_000 * RateLimiter.SAFETY, limiter.pace().rpm(), 0.01, "the rate crept back");
        assertEquals(2, limiter.pace().concurrency(), "no queue, no growth");
    }

    @Test
    void tokensAreChargedAsReportedAndSplitIntoInputAndOutput() throws Exception {
        RateLimiter limiter = RateLimiter.of(settings(LlmCliOptions.NONE), Duration.ofMinutes(1), time);
        // 600 output tokens a minute: ten a second at most, so a 20-token output cap fills two seconds.
        RateLimits outputBound = new RateLimits(Map.of(Budget.OUTPUT_TOKENS, new RateLimits.Window(600, -1, null)));
        try (RateLimiter.Permit p = limiter.acquire(new RateLimiter.Cost(100, 20))) {
            p.succeeded(outputBound);
        }
        long t0 = time.nanoTime();
        for (int i = 0; i < 5; i++) {
            try (RateLimiter.Permit p = limiter.acquire(new RateLimiter.Cost(100, 20))) {
                p.recordUsage(new Usage(80, 20));
            }
        }
        double perCall = 20 * 60.0 / (600 * RateLimiter.SAFETY);
        assertEquals(4 * perCall, (time.nanoTime() - t0) / (double) SECOND, 0.01, "paced by the output budget");
        try (RateLimiter.Permit p = limiter.acquire(new RateLimiter.Cost(100, 20))) {
            p.recordUsage(new Usage(99, 1));
            p.failed(RateLimits.NONE);
        }
        long t1 = time.nanoTime();
        RateLimiter.Permit second = limiter.acquire(new RateLimiter.Cost(100, 20));
        assertEquals(perCall / 20, (time.nanoTime() - t1) / (double) SECOND, 0.01,
                "the unused output was given back");
        second.close();
        assertEquals(0, limiter.pace().rpm(), "no request budget announced, no rpm limit");
    }

    /** Real threads against a server that takes 50 ms: what the limiter lets through, counted at the server. */
    @Test
    void announcedBudgetsLetConcurrencyGrowAndSilentServersKeepTheDefault() throws Exception {
        assertTrue(maxInFlight(true) > LlmSettings.DEFAULT_CONCURRENCY, "grew past the default");
        assertEquals(LlmSettings.DEFAULT_CONCURRENCY, maxInFlight(false), "no headers: the default, never more");
    }

    private int maxInFlight(boolean announce) throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                Thread.sleep(50);
                inFlight.decrementAndGet();
                MockResponse.Builder b = new MockResponse.Builder().code(200).body(OK);
                return announce ? b.addHeader("x-ratelimit-limit-requests", 100_000).build() : b.build();
            }
        });
        // Real time: an rpm cap far above 48 calls keeps the default even pace (one start a second) out of the way
        // of what this test measures, the concurrency.
        LlmSettings settings = settings(new LlmCliOptions(null, null, null, null, null, null, null, 100_000, null,
                null, List.of(), null));
        RateLimiter limiter = RateLimiter.of(settings, Duration.ofMinutes(1), dev.osmosis.llm.TimeSource.SYSTEM);
        LlmClient client = LlmClients.builder(settings).httpClient(http).limiter(limiter).build();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<LlmResponse>> futures = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                futures.add(pool.submit(() -> client.complete(REQ)));
            }
            for (Future<LlmResponse> f : futures) {
                assertEquals("fine", f.get().text());
            }
        } finally {
            pool.shutdownNow();
        }
        return most.get();
    }
}
