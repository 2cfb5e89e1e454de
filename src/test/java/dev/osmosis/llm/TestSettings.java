package dev.osmosis.llm;

import java.util.HashMap;
import java.util.Map;

/** Settings pointing one provider at a mock server, with a key distinctive enough to search for. */
public final class TestSettings {
    public static final String KEY = "sk-osmosis-TEST-KEY-7f3a9c2e41d8b6";

    private TestSettings() {
    }

    public static Map<String, String> env(LlmProvider provider, String baseUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("LLM_PROVIDER", provider.id());
        env.put(provider.apiKeyEnv(), KEY);
        env.put(provider.baseUrlEnv(), baseUrl);
        env.put("OSMOSIS_LLM_RETRY_DELAY", "0.01");
        if (provider == LlmProvider.AZURE_OPENAI) {
            env.put("AZURE_OPENAI_DEPLOYMENT_NAME", "gpt-4.1");
        }
        return env;
    }

    public static LlmSettings of(LlmProvider provider, String baseUrl) {
        return LlmSettings.resolve(LlmCliOptions.NONE, env(provider, baseUrl), Map.of());
    }

    public static LlmSettings of(LlmProvider provider, String baseUrl, LlmCliOptions cli) {
        return LlmSettings.resolve(cli, env(provider, baseUrl), Map.of());
    }
}
