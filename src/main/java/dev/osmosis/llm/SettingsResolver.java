package dev.osmosis.llm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Applies CLI &gt; environment &gt; project vars &gt; default to each setting; see {@link LlmSettings#resolve}. */
final class SettingsResolver {
    private final LlmCliOptions cli;
    private final Map<String, String> env;
    private final Map<String, Object> project;

    SettingsResolver(LlmCliOptions cli, Map<String, String> env, Map<String, Object> project) {
        this.cli = cli;
        this.env = env;
        this.project = project;
    }

    LlmSettings resolve() {
        LlmProvider provider = provider(first(cli.provider(), env("LLM_PROVIDER"), projectString("provider")));
        String model = first(cli.model(), env(provider.modelEnv()), projectString("model"), provider.defaultModel());
        String baseUrl = first(cli.baseUrl(), env(provider.baseUrlEnv()), projectString("base_url"),
                provider.defaultBaseUrl());
        Double temperature = cli.temperature() != null ? cli.temperature()
                : number(projectString("temperature"), "vars: dbt-osmosis: llm: temperature");
        Integer maxTokens = cli.maxTokens() != null ? cli.maxTokens()
                : integer(projectString("max_tokens"), "vars: dbt-osmosis: llm: max_tokens");
        Duration timeout = seconds(cli.timeoutSeconds(), "--llm-timeout", "OSMOSIS_LLM_TIMEOUT", "timeout",
                LlmSettings.DEFAULT_TIMEOUT);
        int maxRetries = intSetting(cli.maxRetries(), "OSMOSIS_LLM_MAX_RETRIES", "max_retries",
                LlmSettings.DEFAULT_MAX_RETRIES);
        Duration retryDelay = seconds(null, null, "OSMOSIS_LLM_RETRY_DELAY", "retry_delay",
                LlmSettings.DEFAULT_RETRY_DELAY);
        int rpm = intSetting(cli.rpm(), "OSMOSIS_LLM_RATE_LIMIT", "rate_limit", LlmSettings.DEFAULT_RPM);
        int tpm = intSetting(cli.tpm(), null, "tokens_per_minute", 0);
        int concurrency = Math.max(1, intSetting(cli.concurrency(), null, "concurrency",
                LlmSettings.DEFAULT_CONCURRENCY));
        Set<LlmSettings.Cap> caps = EnumSet.noneOf(LlmSettings.Cap.class);
        if (given(cli.rpm(), "OSMOSIS_LLM_RATE_LIMIT", "rate_limit")) {
            caps.add(LlmSettings.Cap.RPM);
        }
        if (given(cli.tpm(), null, "tokens_per_minute")) {
            caps.add(LlmSettings.Cap.TPM);
        }
        if (given(cli.concurrency(), null, "concurrency")) {
            caps.add(LlmSettings.Cap.CONCURRENCY);
        }
        boolean jsonMode = cli.jsonMode() != null ? cli.jsonMode()
                : bool(first(env("OSMOSIS_LLM_USE_JSON_MODE"), projectString("json_mode"), "true"));
        String apiVersion = provider == LlmProvider.AZURE_OPENAI
                ? first(env("AZURE_OPENAI_API_VERSION"), projectString("api_version"),
                        LlmSettings.DEFAULT_AZURE_API_VERSION)
                : null;
        LlmSettings primary = new LlmSettings(provider, model, trimSlash(baseUrl), key(provider), temperature,
                maxTokens, timeout, maxRetries, retryDelay, rpm, tpm, concurrency, List.of(), jsonMode,
                provider == LlmProvider.AZURE_OPENAI ? model : null, apiVersion, caps);
        return primary.withFallbacks(fallbacks(primary));
    }

    /** Each fallback is {@code model} (same provider and endpoint) or {@code provider:model} (that provider's env). */
    private List<LlmSettings> fallbacks(LlmSettings primary) {
        List<String> specs = !cli.fallbacks().isEmpty() ? cli.fallbacks() : projectList("fallbacks");
        List<LlmSettings> out = new ArrayList<>();
        for (String spec : specs) {
            String s = spec.strip();
            if (s.isEmpty()) {
                continue;
            }
            int colon = s.indexOf(':');
            // Ollama model names contain colons ("gemma3:1b"): only a known provider name before it splits.
            LlmProvider other = colon > 0 ? LlmProvider.byId(s.substring(0, colon)).orElse(null) : null;
            if (other == null || other == primary.provider()) {
                String model = other == null ? s : s.substring(colon + 1);
                out.add(new LlmSettings(primary.provider(), model, primary.baseUrl(), primary.apiKey(),
                        primary.temperature(), primary.maxOutputTokens(), primary.timeout(), primary.maxRetries(),
                        primary.retryDelay(), primary.rpm(), primary.tpm(), primary.concurrency(), List.of(),
                        primary.jsonMode(), primary.provider() == LlmProvider.AZURE_OPENAI ? model : null,
                        primary.azureApiVersion(), primary.caps()));
            } else {
                String model = s.substring(colon + 1);
                String apiVersion = other == LlmProvider.AZURE_OPENAI
                        ? first(env("AZURE_OPENAI_API_VERSION"), LlmSettings.DEFAULT_AZURE_API_VERSION) : null;
                out.add(new LlmSettings(other, model, trimSlash(first(env(other.baseUrlEnv()),
                        other.defaultBaseUrl())), key(other), primary.temperature(), primary.maxOutputTokens(),
                        primary.timeout(), primary.maxRetries(), primary.retryDelay(), primary.rpm(), primary.tpm(),
                        primary.concurrency(), List.of(), primary.jsonMode(),
                        other == LlmProvider.AZURE_OPENAI ? model : null, apiVersion, primary.caps()));
            }
        }
        return out;
    }

    private static LlmProvider provider(String name) {
        if (name == null || name.isBlank()) {
            return LlmProvider.OPENAI;
        }
        return LlmProvider.byId(name).orElseThrow(() -> new LlmException(LlmException.Kind.CONFIGURATION,
                "unknown LLM provider '" + name + "': set LLM_PROVIDER or --llm-provider to one of "
                        + LlmProvider.names() + "."));
    }

    private String key(LlmProvider provider) {
        String key = env(provider.apiKeyEnv());
        return key == null || key.isBlank() ? null : key.strip();
    }

    private Duration seconds(Double cliValue, String flag, String envName, String projectKey, Duration dflt) {
        if (cliValue != null) {
            return positiveSeconds(cliValue, flag);
        }
        String envValue = envName == null ? null : env(envName);
        if (envValue != null) {
            return positiveSeconds(number(envValue, envName), envName);
        }
        String projectValue = projectString(projectKey);
        if (projectValue != null) {
            return positiveSeconds(number(projectValue, "vars: dbt-osmosis: llm: " + projectKey), projectKey);
        }
        return dflt;
    }

    private static Duration positiveSeconds(double seconds, String name) {
        if (seconds < 0 || Double.isNaN(seconds)) {
            throw new LlmException(LlmException.Kind.CONFIGURATION,
                    name + " must be a number of seconds >= 0, got " + seconds + ".");
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    private int intSetting(Integer cliValue, String envName, String projectKey, int dflt) {
        Integer value = cliValue;
        if (value == null && envName != null && env(envName) != null) {
            value = integer(env(envName), envName);
        }
        if (value == null) {
            value = integer(projectString(projectKey), "vars: dbt-osmosis: llm: " + projectKey);
        }
        if (value != null && value < 0) {
            throw new LlmException(LlmException.Kind.CONFIGURATION,
                    (envName != null ? envName : projectKey) + " must be >= 0, got " + value + ".");
        }
        return value == null ? dflt : value;
    }

    /** Whether a value was given at any level (a 0 given means "unlimited" and is a choice too). */
    private boolean given(Integer cliValue, String envName, String projectKey) {
        return cliValue != null || (envName != null && env(envName) != null) || projectString(projectKey) != null;
    }

    private static Double number(String value, String name) {
        if (value == null) {
            return null;
        }
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new LlmException(LlmException.Kind.CONFIGURATION,
                    name + " must be a number, got '" + value + "'.");
        }
    }

    private static Integer integer(String value, String name) {
        Double d = number(value, name);
        if (d == null) {
            return null;
        }
        if (d != Math.rint(d)) {
            throw new LlmException(LlmException.Kind.CONFIGURATION,
                    name + " must be a whole number, got '" + value + "'.");
        }
        return d.intValue();
    }

    private static boolean bool(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        return !(v.equals("false") || v.equals("0") || v.equals("no") || v.equals("off"));
    }

    private String env(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private String projectString(String key) {
        Object v = project.get(key);
        return v == null ? null : String.valueOf(v);
    }

    private List<String> projectList(String key) {
        Object v = project.get(key);
        if (v instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return v == null ? List.of() : Arrays.asList(String.valueOf(v).split(","));
    }

    /** The first value that is set, in precedence order. */
    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static String trimSlash(String url) {
        if (url == null) {
            return null;
        }
        String u = url.strip();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }
}
