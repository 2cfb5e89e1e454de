package dev.osmosis.llm;

import dev.osmosis.llm.chain.FallbackClient;
import dev.osmosis.llm.chain.RateLimitedClient;
import dev.osmosis.llm.chain.RateLimiter;
import dev.osmosis.llm.chain.RetryPolicy;
import dev.osmosis.llm.chain.RetryingClient;
import dev.osmosis.llm.provider.AnthropicClient;
import dev.osmosis.llm.provider.GeminiClient;
import dev.osmosis.llm.provider.OllamaClient;
import dev.osmosis.llm.provider.OpenAiClient;
import dev.osmosis.llm.provider.ProviderHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import okhttp3.OkHttpClient;

/**
 * Assembles the transport end of the client chain:
 * <pre>
 * Fallback ─> [ Retrying ─> RateLimited ─> provider ]  (one bracket per model, all sharing one RateLimiter
 *                                                        and one OkHttpClient)
 * </pre>
 * Higher links (metering, cache, budget) wrap the returned client; a dry run swaps the provider end through
 * {@link Builder#providers}. Build one chain per run and share it between threads.
 */
public final class LlmClients {
    /** Connect timeout cap: a server that does not accept a connection in this long is not coming. */
    static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private LlmClients() {
    }

    /** The production chain for {@code settings}; throws CONFIGURATION when a key or endpoint is missing. */
    public static LlmClient build(LlmSettings settings) {
        return builder(settings).build();
    }

    public static Builder builder(LlmSettings settings) {
        return new Builder(settings);
    }

    /**
     * The one OkHttp client of a run. No read/write timeouts: the per-call timeout set on each request covers the
     * whole exchange, since a long generation is silent until it is done. OkHttp's own silent retry is off so the
     * chain counts every attempt.
     */
    public static OkHttpClient httpClient(Duration timeout) {
        Duration connect = timeout.compareTo(MAX_CONNECT_TIMEOUT) < 0 ? timeout : MAX_CONNECT_TIMEOUT;
        return new OkHttpClient.Builder()
                .connectTimeout(connect)
                .readTimeout(Duration.ZERO)
                .writeTimeout(Duration.ZERO)
                .callTimeout(Duration.ZERO)
                .retryOnConnectionFailure(false)
                .build();
    }

    /** One provider endpoint without retries or limits: the end of the chain. */
    public static LlmClient provider(LlmSettings target, OkHttpClient http, TimeSource time) {
        ProviderHttp ph = new ProviderHttp(http, target.requireApiKey(), time);
        return switch (target.provider()) {
            case OPENAI, AZURE_OPENAI, LM_STUDIO -> new OpenAiClient(ph);
            case ANTHROPIC -> new AnthropicClient(ph);
            case GOOGLE_GEMINI -> new GeminiClient(ph);
            // dbt-osmosis users point OLLAMA_BASE_URL at the OpenAI-compatible /v1 endpoint: speak that there.
            case OLLAMA -> target.baseUrl().endsWith("/v1") ? new OpenAiClient(ph) : new OllamaClient(ph);
        };
    }

    /** Options of the chain; every one has a production default. */
    public static final class Builder {
        private final LlmSettings settings;
        private TimeSource time = TimeSource.SYSTEM;
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
        private OkHttpClient http;
        private Function<LlmSettings, LlmClient> providers;
        private Duration rateWindow = Duration.ofMinutes(1);
        private Duration retryDeadline = RetryPolicy.DEFAULT_DEADLINE;
        private ToLongFunction<LlmRequest> tokenEstimate = RateLimitedClient::roughTokens;
        private RateLimiter limiter;

        private Builder(LlmSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
        }

        /** Clock and sleeper for retries and rate limits (tests pass a fake one). */
        public Builder time(TimeSource time) {
            this.time = time;
            return this;
        }

        /** Jitter source in [0, 1). */
        public Builder random(DoubleSupplier random) {
            this.random = random;
            return this;
        }

        public Builder httpClient(OkHttpClient http) {
            this.http = http;
            return this;
        }

        /** Replaces the provider end, e.g. with a dry-run estimator; called once per model of the chain. */
        public Builder providers(Function<LlmSettings, LlmClient> providers) {
            this.providers = providers;
            return this;
        }

        /** The rpm/tpm window (one minute unless a test shortens it). */
        public Builder rateWindow(Duration window) {
            this.rateWindow = window;
            return this;
        }

        public Builder retryDeadline(Duration deadline) {
            this.retryDeadline = deadline;
            return this;
        }

        /** Token estimate of a request for the tpm limit (the token-counting feature can plug in a tokenizer). */
        public Builder tokenEstimate(ToLongFunction<LlmRequest> estimate) {
            this.tokenEstimate = estimate;
            return this;
        }

        /**
         * The limiter the chain paces through, when the caller wants to show its pace or size its thread pool
         * ({@link RateLimiter#of}); by default one is made from the settings.
         */
        public Builder limiter(RateLimiter limiter) {
            this.limiter = limiter;
            return this;
        }

        public LlmClient build() {
            Function<LlmSettings, LlmClient> ends = providers;
            if (ends == null) {
                OkHttpClient shared = http != null ? http : LlmClients.httpClient(settings.timeout());
                ends = target -> provider(target, shared, time);
            }
            RateLimiter limiter = this.limiter != null ? this.limiter : RateLimiter.of(settings, rateWindow, time);
            List<LlmClient> links = new ArrayList<>();
            for (LlmSettings target : settings.chain()) {
                LlmClient limited = new RateLimitedClient(ends.apply(target), limiter, tokenEstimate,
                        target.retryDelay());
                RetryPolicy policy = new RetryPolicy(target.maxRetries() + 1, target.retryDelay(),
                        RetryPolicy.DEFAULT_MAX_DELAY, retryDeadline);
                links.add(new RetryingClient(limited, policy, time, random));
            }
            return links.size() == 1 ? links.get(0) : new FallbackClient(links);
        }
    }
}
