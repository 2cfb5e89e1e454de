package dev.osmosis.usage;

import dev.osmosis.llm.LlmClient;
import dev.osmosis.llm.LlmRequest;
import dev.osmosis.llm.LlmResponse;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.tinylog.Logger;

/**
 * Content-addressed response cache: a request whose {@link CacheKey} was answered within the TTL is answered
 * again from the cache ({@link LlmResponse#asCached()}: no request, no cost), so an interrupted run, run again,
 * does not pay twice. Only successful answers are stored, and never a dry run's placeholder. A cache that cannot
 * be read or written is logged and skipped: the call still goes through.
 */
public final class CachedClient implements LlmClient {
    private final LlmClient inner;
    private final ResponseCache cache;
    private final String provider;
    private final String model;
    private final Duration ttl;
    private final Clock clock;

    /** @param provider provider and model the chain is configured with: part of the cache key */
    public CachedClient(LlmClient inner, ResponseCache cache, String provider, String model, Duration ttl,
            Clock clock) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("cache TTL must be positive: " + ttl);
        }
        this.inner = inner;
        this.cache = cache;
        this.provider = provider;
        this.model = model;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public LlmResponse complete(LlmRequest request) {
        String key = CacheKey.of(provider, model, request);
        Optional<LlmResponse> hit = lookup(key);
        if (hit.isPresent()) {
            return hit.get().asCached();
        }
        LlmResponse response = inner.complete(request);
        if (!response.cached() && !DryRunClient.FINISH_REASON.equals(response.finishReason())) {
            store(key, response);
        }
        return response;
    }

    private Optional<LlmResponse> lookup(String key) {
        try {
            return cache.get(key, ttl, clock.instant());
        } catch (SQLException | RuntimeException e) {
            Logger.warn("response cache unreadable ({}); calling the provider", e.getMessage());
            return Optional.empty();
        }
    }

    private void store(String key, LlmResponse response) {
        try {
            cache.put(key, response, clock.instant());
        } catch (SQLException | RuntimeException e) {
            Logger.warn("could not store the response in the cache ({})", e.getMessage());
        }
    }
}
