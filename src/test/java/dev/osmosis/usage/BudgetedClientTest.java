package dev.osmosis.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.OsmosisException;
import dev.osmosis.llm.LlmException;
import dev.osmosis.llm.LlmRequest;
import dev.osmosis.llm.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BudgetedClientTest {
    private static final TokenCounter TOKENS = new TokenCounter();
    private static final PriceTable PRICES = PriceTable.builtIn();
    private static final LlmRequest REQUEST = new LlmRequest("You document dbt models.", "Describe column id.", null,
            100, null, null, "column", "model.shop.orders");
    private static final long IN = TOKENS.countRequest(REQUEST, "openai", "gpt-4o").count();
    private static final long OUT = TOKENS.estimateOutput(REQUEST);

    private final FakeLlm provider = new FakeLlm();

    {
        provider.usage = new Usage(IN, OUT); // the provider uses exactly the estimate
    }

    @Test
    void tokenBudgetRefusesTheCallThatWouldPassIt() {
        Budget budget = new Budget(null, 3 * (IN + OUT) + 1);
        BudgetedClient client = new BudgetedClient(provider, budget, TOKENS, PRICES, "openai", "gpt-4o");
        for (int i = 0; i < 3; i++) {
            client.complete(REQUEST);
        }
        LlmException e = assertThrows(LlmException.class, () -> client.complete(REQUEST));
        assertEquals(LlmException.Kind.BUDGET_EXCEEDED, e.kind());
        assertEquals(1, e.exitCode());
        assertTrue(e.getMessage().contains("--llm-token-budget"), e.getMessage());
        assertEquals(3, provider.calls.get(), "the refused call reached no provider");
        assertEquals(3 * (IN + OUT), budget.spentTokens());
    }

    @Test
    void costBudgetSettlesToActualUsage() {
        double perCall = PRICES.cost("openai", "gpt-4o", IN, OUT).getAsDouble();
        Budget budget = new Budget(perCall * 2.5, null);
        BudgetedClient client = new BudgetedClient(provider, budget, TOKENS, PRICES, "openai", "gpt-4o");
        client.complete(REQUEST);
        client.complete(REQUEST);
        assertThrows(LlmException.class, () -> client.complete(REQUEST));
        assertEquals(2 * perCall, budget.spentCostUsd(), 1e-12);

        // when the provider uses less than estimated, the difference is freed for later calls
        provider.usage = new Usage(1, 1);
        Budget roomy = new Budget(perCall * 1.5, null);
        BudgetedClient c2 = new BudgetedClient(provider, roomy, TOKENS, PRICES, "openai", "gpt-4o");
        for (int i = 0; i < 5; i++) {
            c2.complete(REQUEST);
        }
        assertEquals(5 * PRICES.cost("openai", "gpt-4o", 1, 1).getAsDouble(), roomy.spentCostUsd(), 1e-12);
    }

    @Test
    void failedCallReleasesItsReservation() {
        Budget budget = new Budget(null, IN + OUT);
        BudgetedClient client = new BudgetedClient(provider, budget, TOKENS, PRICES, "openai", "gpt-4o");
        provider.failWith = new LlmException(LlmException.Kind.SERVER, "down");
        assertThrows(LlmException.class, () -> client.complete(REQUEST));
        provider.failWith = null;
        client.complete(REQUEST);
        assertEquals(IN + OUT, budget.spentTokens());
    }

    @Test
    void costLimitWithUnknownPriceIsAConfigurationErrorThatSaysWhatToAdd() {
        BudgetedClient client = new BudgetedClient(provider, new Budget(1.0, null), TOKENS, PRICES, "azure-openai",
                "my-deployment");
        LlmException e = assertThrows(LlmException.class, () -> client.complete(REQUEST));
        assertEquals(LlmException.Kind.CONFIGURATION, e.kind());
        assertTrue(e.getMessage().contains("prices: 'my-deployment'"), e.getMessage());
        assertEquals(0, provider.calls.get());
        // a token budget alone needs no price
        new BudgetedClient(provider, new Budget(null, 10_000L), TOKENS, PRICES, "azure-openai", "my-deployment")
                .complete(REQUEST);
    }

    @Test
    void badLimitsAreUsageErrors() {
        assertEquals(2, assertThrows(OsmosisException.class, () -> new Budget(0.0, null)).exitCode());
        assertEquals(2, assertThrows(OsmosisException.class, () -> new Budget(null, -5L)).exitCode());
    }

    @Test
    void concurrentCallsNeverTogetherPassTheBudget() throws Exception {
        int allowed = 5;
        Budget budget = new Budget(null, allowed * (IN + OUT));
        provider.sleepMs = 20; // all threads reserve while the first calls are still in flight
        BudgetedClient client = new BudgetedClient(provider, budget, TOKENS, PRICES, "openai", "gpt-4o");
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger refused = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                try {
                    client.complete(REQUEST);
                } catch (LlmException e) {
                    assertEquals(LlmException.Kind.BUDGET_EXCEEDED, e.kind());
                    refused.incrementAndGet();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        assertEquals(allowed, provider.calls.get());
        assertEquals(threads - allowed, refused.get());
        assertEquals(allowed * (IN + OUT), budget.spentTokens());
    }
}
