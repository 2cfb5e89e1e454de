package dev.osmosis.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.OsmosisException;
import dev.osmosis.llm.Usage;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PriceTableTest {
    private static final PriceTable PRICES = PriceTable.builtIn();

    @Test
    void datedModelNamesMatchTheirFamily() {
        assertEquals("gpt-4o", ModelNames.family("gpt-4o-2024-08-06"));
        assertEquals("gpt-4o-mini", ModelNames.family("gpt-4o-mini-2024-07-18"));
        assertEquals("claude-sonnet-4-5", ModelNames.family("claude-sonnet-4-5-20250929"));
        assertEquals("claude-3-5-haiku", ModelNames.family("claude-3-5-haiku-latest"));
        assertEquals("gemini-2.5-flash", ModelNames.family("models/gemini-2.5-flash-preview-05-20"));
        assertEquals("gemini-2.0-flash", ModelNames.family("gemini-2.0-flash-001"));
        assertEquals("gpt-4", ModelNames.family("gpt-4-0613"));
        assertEquals("o3-mini", ModelNames.family("o3-mini"));
    }

    @Test
    void knownModelsHaveListPrices() {
        assertEquals(new Price(2.50, 10.00, 128000), PRICES.lookup("openai", "gpt-4o-2024-08-06").orElseThrow());
        assertEquals(0.15, PRICES.lookup("openai", "gpt-4o-mini").orElseThrow().inputPerMillion());
        assertEquals(3.00, PRICES.lookup("anthropic", "claude-sonnet-4-5-20250929").orElseThrow().inputPerMillion());
        assertEquals(0.30, PRICES.lookup("google-gemini", "gemini-2.5-flash").orElseThrow().inputPerMillion());
        // Azure deployments named after the model use OpenAI's price
        assertEquals(2.00, PRICES.lookup("azure-openai", "gpt-4.1").orElseThrow().inputPerMillion());
        // 1M input at $2.50 + 1M output at $10
        assertEquals(12.5, PRICES.cost("openai", "gpt-4o", 1_000_000, 1_000_000).getAsDouble(), 1e-9);
        assertEquals(0.00045, PRICES.cost("openai", "gpt-4o", new Usage(100, 20)).getAsDouble(), 1e-12);
        assertTrue(PRICES.checked().matches("\\d{4}-\\d{2}-\\d{2}"));
    }

    @Test
    void unknownModelsHaveNoPriceAndLocalOnesAreFree() {
        assertEquals(Optional.empty(), PRICES.lookup("openai", "gpt-9-ultra"));
        assertEquals(Optional.empty(), PRICES.lookup("azure-openai", "my-deployment"));
        assertEquals(Optional.empty(), PRICES.lookup("anthropic", "gpt-4o"), "prices belong to their provider");
        assertTrue(PRICES.cost("openai", "gpt-4o", Usage.UNKNOWN).isEmpty());
        assertEquals(Price.FREE, PRICES.lookup("ollama", "llama3.1:8b").orElseThrow());
        assertEquals(0.0, PRICES.cost("lm-studio", "qwen2.5-7b", 5000, 500).getAsDouble());
    }

    @Test
    void userOverridesWinAndAddModels() {
        PriceTable p = PRICES.withOverrides(Map.of(
                "my-deployment", Map.of("input", 1, "output", 2.5),
                "gpt-4o", Map.of("input", 2.0, "output", 8.0, "context", 128000)));
        assertEquals(new Price(1, 2.5, 0), p.lookup("azure-openai", "my-deployment").orElseThrow());
        assertEquals(2.0, p.lookup("openai", "gpt-4o-2024-11-20").orElseThrow().inputPerMillion());
        assertEquals(0.15, p.lookup("openai", "gpt-4o-mini").orElseThrow().inputPerMillion());
        OsmosisException bad = assertThrows(OsmosisException.class,
                () -> PRICES.withOverrides(Map.of("x", Map.of("input", "cheap"))));
        assertEquals(2, bad.exitCode());
        assertTrue(bad.getMessage().contains("prices: x"), bad.getMessage());
    }
}
