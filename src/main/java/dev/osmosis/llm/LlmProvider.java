package dev.osmosis.llm;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The providers osmosis speaks to, under the {@code LLM_PROVIDER} names dbt-osmosis users already set.
 * Each knows its environment-variable prefix, default endpoint and default model.
 */
public enum LlmProvider {
    OPENAI("openai", "OPENAI", "https://api.openai.com/v1", "gpt-4o", true),
    AZURE_OPENAI("azure-openai", "AZURE_OPENAI", null, null, true),
    ANTHROPIC("anthropic", "ANTHROPIC", "https://api.anthropic.com", "claude-haiku-4-5", true),
    GOOGLE_GEMINI("google-gemini", "GOOGLE_GEMINI", "https://generativelanguage.googleapis.com/v1beta",
            "gemini-2.5-flash", true),
    OLLAMA("ollama", "OLLAMA", "http://localhost:11434", "llama3.1", false),
    LM_STUDIO("lm-studio", "LM_STUDIO", "http://localhost:1234/v1", "local-model", false);

    private final String id;
    private final String envPrefix;
    private final String defaultBaseUrl;
    private final String defaultModel;
    private final boolean keyRequired;

    LlmProvider(String id, String envPrefix, String defaultBaseUrl, String defaultModel, boolean keyRequired) {
        this.id = id;
        this.envPrefix = envPrefix;
        this.defaultBaseUrl = defaultBaseUrl;
        this.defaultModel = defaultModel;
        this.keyRequired = keyRequired;
    }

    /** The name users write: {@code openai}, {@code azure-openai}, ... */
    public String id() {
        return id;
    }

    public String apiKeyEnv() {
        return envPrefix + "_API_KEY";
    }

    public String baseUrlEnv() {
        return envPrefix + "_BASE_URL";
    }

    /** Azure names its model a deployment. */
    public String modelEnv() {
        return this == AZURE_OPENAI ? "AZURE_OPENAI_DEPLOYMENT_NAME" : envPrefix + "_MODEL";
    }

    /** Null for Azure, whose endpoint is per resource. */
    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /** Null for Azure, whose model is the deployment name. */
    public String defaultModel() {
        return defaultModel;
    }

    public boolean keyRequired() {
        return keyRequired;
    }

    public static Optional<LlmProvider> byId(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.id.equals(n)).findFirst();
    }

    /** For error messages: "openai, azure-openai, ...". */
    public static String names() {
        return Arrays.stream(values()).map(LlmProvider::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
