package dev.osmosis.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmSettingsTest {
    private static LlmCliOptions cli(String provider, String model, Double timeout, Integer rpm, List<String> fallbacks,
                                     Boolean json) {
        return new LlmCliOptions(provider, model, null, null, null, timeout, null, rpm, null, null, fallbacks, json);
    }

    @Test
    void defaultsMatchDbtOsmosis() {
        LlmSettings s = LlmSettings.resolve(LlmCliOptions.NONE, Map.of(), Map.of());
        assertEquals(LlmProvider.OPENAI, s.provider());
        assertEquals("gpt-4o", s.model());
        assertEquals("https://api.openai.com/v1", s.baseUrl());
        assertEquals(Duration.ofSeconds(120), s.timeout());
        assertEquals(3, s.maxRetries());
        assertEquals(Duration.ofSeconds(1), s.retryDelay());
        assertEquals(60, s.rpm());
        assertEquals(0, s.tpm());
        assertTrue(s.jsonMode());
        assertNull(s.apiKey());
        assertNull(s.temperature());
    }

    @Test
    void cliBeatsEnvBeatsProjectBeatsDefault() {
        Map<String, String> env = Map.of("LLM_PROVIDER", "anthropic", "ANTHROPIC_MODEL", "claude-env",
                "OSMOSIS_LLM_TIMEOUT", "30", "OSMOSIS_LLM_RATE_LIMIT", "10", "OSMOSIS_LLM_USE_JSON_MODE", "false");
        Map<String, Object> project = Map.ofEntries(Map.entry("provider", "google-gemini"),
                Map.entry("model", "m-project"), Map.entry("timeout", 5), Map.entry("rate_limit", 7),
                Map.entry("tokens_per_minute", 9000), Map.entry("concurrency", 2), Map.entry("temperature", 0.3),
                Map.entry("max_tokens", 500), Map.entry("max_retries", 1), Map.entry("retry_delay", 0.5),
                Map.entry("json_mode", true));
        LlmSettings fromProject = LlmSettings.resolve(LlmCliOptions.NONE, Map.of(), project);
        assertEquals(LlmProvider.GOOGLE_GEMINI, fromProject.provider());
        assertEquals("m-project", fromProject.model());
        assertEquals(Duration.ofSeconds(5), fromProject.timeout());
        assertEquals(9000, fromProject.tpm());
        assertEquals(2, fromProject.concurrency());
        assertEquals(0.3, fromProject.temperature());
        assertEquals(500, fromProject.maxOutputTokens());
        assertEquals(1, fromProject.maxRetries());
        assertEquals(Duration.ofMillis(500), fromProject.retryDelay());

        LlmSettings fromEnv = LlmSettings.resolve(LlmCliOptions.NONE, env, project);
        assertEquals(LlmProvider.ANTHROPIC, fromEnv.provider());
        assertEquals("claude-env", fromEnv.model());
        assertEquals(Duration.ofSeconds(30), fromEnv.timeout());
        assertEquals(10, fromEnv.rpm());
        assertFalse(fromEnv.jsonMode());

        LlmSettings fromCli = LlmSettings.resolve(cli("ollama", "qwen3", 2.5, 100, List.of(), true), env, project);
        assertEquals(LlmProvider.OLLAMA, fromCli.provider());
        assertEquals("qwen3", fromCli.model());
        assertEquals("http://localhost:11434", fromCli.baseUrl());
        assertEquals(Duration.ofMillis(2500), fromCli.timeout());
        assertEquals(100, fromCli.rpm());
        assertTrue(fromCli.jsonMode());
    }

    @Test
    void providerDefaults() {
        assertEquals("claude-haiku-4-5", resolve("anthropic").model());
        assertEquals("https://api.anthropic.com", resolve("anthropic").baseUrl());
        assertEquals("gemini-2.5-flash", resolve("google-gemini").model());
        assertEquals("http://localhost:1234/v1", resolve("lm-studio").baseUrl());
        LlmSettings azure = LlmSettings.resolve(LlmCliOptions.NONE, Map.of("LLM_PROVIDER", "azure-openai",
                "AZURE_OPENAI_BASE_URL", "https://r.openai.azure.com/", "AZURE_OPENAI_DEPLOYMENT_NAME", "dep",
                "AZURE_OPENAI_API_KEY", "k-123456"), Map.of());
        assertEquals("dep", azure.model());
        assertEquals("dep", azure.azureDeployment());
        assertEquals("2024-10-21", azure.azureApiVersion());
        assertEquals("https://r.openai.azure.com", azure.baseUrl(), "trailing slash trimmed");
        assertEquals(azure, azure.requireApiKey());
    }

    private static LlmSettings resolve(String provider) {
        return LlmSettings.resolve(LlmCliOptions.NONE, Map.of("LLM_PROVIDER", provider), Map.of());
    }

    @Test
    void unknownProviderIsAConfigurationErrorNamingTheChoices() {
        LlmException e = assertThrows(LlmException.class, () -> resolve("openia"));
        assertEquals(LlmException.Kind.CONFIGURATION, e.kind());
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().contains("LLM_PROVIDER") && e.getMessage().contains("google-gemini"));
    }

    @Test
    void missingKeyNamesTheVariable() {
        LlmException e = assertThrows(LlmException.class, () -> resolve("anthropic").requireApiKey());
        assertEquals(LlmException.Kind.CONFIGURATION, e.kind());
        assertTrue(e.getMessage().contains("ANTHROPIC_API_KEY"), e.getMessage());
        assertEquals(resolve("ollama"), resolve("ollama").requireApiKey(), "local servers need no key");
        LlmException azure = assertThrows(LlmException.class,
                () -> LlmSettings.resolve(LlmCliOptions.NONE, Map.of("LLM_PROVIDER", "azure-openai",
                        "AZURE_OPENAI_API_KEY", "k-123456"), Map.of()).requireApiKey());
        assertTrue(azure.getMessage().contains("AZURE_OPENAI_BASE_URL"), azure.getMessage());
    }

    @Test
    void badNumbersSayWhatToFix() {
        LlmException e = assertThrows(LlmException.class,
                () -> LlmSettings.resolve(LlmCliOptions.NONE, Map.of("OSMOSIS_LLM_TIMEOUT", "soon"), Map.of()));
        assertEquals(LlmException.Kind.CONFIGURATION, e.kind());
        assertTrue(e.getMessage().contains("OSMOSIS_LLM_TIMEOUT"));
        assertThrows(LlmException.class,
                () -> LlmSettings.resolve(LlmCliOptions.NONE, Map.of("OSMOSIS_LLM_MAX_RETRIES", "1.5"), Map.of()));
        assertThrows(LlmException.class,
                () -> LlmSettings.resolve(LlmCliOptions.NONE, Map.of("OSMOSIS_LLM_RATE_LIMIT", "-1"), Map.of()));
        assertThrows(LlmException.class, () -> LlmSettings.resolve(cli(null, null, -1.0, null, List.of(), null),
                Map.of(), Map.of()));
    }

    @Test
    void fallbacksAcceptModelOrProviderColonModel() {
        Map<String, String> env = Map.of("OPENAI_API_KEY", "sk-a-123456789", "ANTHROPIC_API_KEY", "sk-ant-b-12345678",
                "OPENAI_BASE_URL", "http://proxy/v1");
        LlmSettings s = LlmSettings.resolve(cli(null, null, null, null,
                List.of("gpt-4o-mini", "anthropic:claude-x", "ollama:gemma3:1b", "openai:gpt-4.1"), null), env,
                Map.of());
        List<LlmSettings> chain = s.chain();
        assertEquals(List.of("openai gpt-4o", "openai gpt-4o-mini", "anthropic claude-x", "ollama gemma3:1b",
                "openai gpt-4.1"), chain.stream().map(LlmSettings::label).toList());
        assertEquals("http://proxy/v1", chain.get(1).baseUrl(), "same provider keeps the endpoint");
        assertEquals("sk-ant-b-12345678", chain.get(2).apiKey());
        assertEquals("http://localhost:11434", chain.get(3).baseUrl());
        assertTrue(chain.get(0).fallbacks().isEmpty());

        LlmSettings fromProject = LlmSettings.resolve(LlmCliOptions.NONE, env,
                Map.of("fallbacks", "gpt-4o-mini, gpt-4.1"));
        assertEquals(2, fromProject.fallbacks().size());
        LlmSettings fromList = LlmSettings.resolve(LlmCliOptions.NONE, env, Map.of("fallbacks", List.of("a", "b")));
        assertEquals("b", fromList.fallbacks().get(1).model());
    }

    @Test
    void toStringNeverShowsTheKey() {
        LlmSettings s = TestSettings.of(LlmProvider.OPENAI, "http://h/v1?key=" + TestSettings.KEY);
        assertFalse(s.toString().contains(TestSettings.KEY), s.toString());
        assertTrue(s.toString().contains("apiKey=****"));
        assertTrue(LlmSettings.resolve(LlmCliOptions.NONE, Map.of(), Map.of()).toString().contains("(none)"));
    }
}
