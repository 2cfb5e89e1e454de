package dev.osmosis.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osmosis.llm.LlmRequest;
import org.junit.jupiter.api.Test;

class TokenCounterTest {
    private static final TokenCounter COUNTER = new TokenCounter();

    @Test
    void openAiModelsAreCountedExactlyWithTheirTokenizer() {
        // OpenAI's cookbook: "tiktoken is great!" is 6 tokens in cl100k_base
        TokenCount gpt4 = COUNTER.count("tiktoken is great!", "openai", "gpt-4-0613");
        assertEquals(new TokenCount(6, true), gpt4);
        assertEquals(new TokenCount(2, true), COUNTER.count("hello world", "openai", "gpt-4o-2024-08-06"));
        assertEquals(new TokenCount(2, true), COUNTER.count("hello world", "azure-openai", "gpt-4.1-mini"));
        assertEquals(new TokenCount(2, true), COUNTER.count("hello world", "openai", "o3-mini"));
        assertEquals(new TokenCount(0, true), COUNTER.count("", "openai", "gpt-4o"));
    }

    @Test
    void otherProvidersAreEstimatedAndSaySo() {
        String text = "The customer's lifetime value in USD, summed over all paid orders. ".repeat(20);
        long o200k = COUNTER.count(text, "openai", "gpt-4o").count();
        TokenCount claude = COUNTER.count(text, "anthropic", "claude-sonnet-4-5");
        assertFalse(claude.exact());
        assertEquals((long) Math.ceil(o200k * 1.20), claude.count());
        assertFalse(COUNTER.count(text, "google-gemini", "gemini-2.5-flash").exact());
        assertFalse(COUNTER.count(text, "ollama", "llama3.1:8b").exact());
        // an Azure deployment named freely cannot be mapped to a tokenizer
        assertFalse(COUNTER.count(text, "azure-openai", "my-deployment").exact());
    }

    @Test
    void requestCountAddsMessageOverheadAndSchema() throws Exception {
        long system = COUNTER.count("You write dbt docs.", "openai", "gpt-4o").count();
        long user = COUNTER.count("Describe column id.", "openai", "gpt-4o").count();
        LlmRequest text = LlmRequest.text("You write dbt docs.", "Describe column id.");
        assertEquals(new TokenCount(system + user + 2 * 3 + 3, true), COUNTER.countRequest(text, "openai", "gpt-4o"));

        JsonNode schema = new ObjectMapper().readTree("{\"type\":\"object\",\"properties\":{\"d\":{\"type\":\"string\"}}}");
        LlmRequest json = new LlmRequest("", "Describe column id.", null, null, schema, "doc", "column", "m");
        long schemaTokens = COUNTER.count(schema.toString(), "openai", "gpt-4o").count();
        assertEquals(user + schemaTokens + 3 + 3, COUNTER.countRequest(json, "openai", "gpt-4o").count());
    }

    @Test
    void outputEstimateFollowsTheSchemaAndTheCap() throws Exception {
        assertEquals(TokenCounter.DEFAULT_TEXT_OUTPUT_TOKENS, COUNTER.estimateOutput(LlmRequest.text("", "hi")));
        LlmRequest capped = new LlmRequest("", "hi", null, 50, null, null, "x", null);
        assertEquals(50, COUNTER.estimateOutput(capped));

        JsonNode one = new ObjectMapper().readTree("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}");
        JsonNode three = new ObjectMapper().readTree("{\"type\":\"object\",\"properties\":{"
                + "\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"string\"},\"c\":{\"type\":\"string\"}}}");
        long e1 = COUNTER.estimateOutput(new LlmRequest("", "x", null, null, one, "s", "bulk", null));
        long e3 = COUNTER.estimateOutput(new LlmRequest("", "x", null, null, three, "s", "bulk", null));
        assertTrue(e1 >= TokenCounter.TOKENS_PER_STRING_FIELD, "one field: " + e1);
        assertEquals(2 * (TokenCounter.TOKENS_PER_STRING_FIELD + 1 + 3), e3 - e1, "two more fields");

        JsonNode array = new ObjectMapper().readTree("{\"type\":\"object\",\"properties\":{\"cols\":{\"type\":\"array\","
                + "\"maxItems\":10,\"items\":{\"type\":\"string\"}}}}");
        long ea = COUNTER.estimateOutput(new LlmRequest("", "x", null, null, array, "s", "bulk", null));
        assertTrue(ea > 10 * TokenCounter.TOKENS_PER_STRING_FIELD, "ten items: " + ea);
    }
}
