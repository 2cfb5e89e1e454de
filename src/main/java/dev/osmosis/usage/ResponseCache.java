package dev.osmosis.usage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.osmosis.llm.LlmResponse;
import dev.osmosis.llm.Usage;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Responses stored by {@link CacheKey}. Stores only what the model answered (text, parsed JSON, usage, finish
 * reason, provider, model): never a request header, so never a key.
 */
public final class ResponseCache {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final UsageDatabase db;

    public ResponseCache(UsageDatabase db) {
        this.db = db;
    }

    /** The stored response for {@code key} if it is younger than {@code ttl} at {@code now}. */
    public Optional<LlmResponse> get(String key, Duration ttl, Instant now) throws SQLException {
        long oldest = now.minus(ttl).toEpochMilli();
        String stored = db.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT response FROM response_cache WHERE cache_key = ? AND created_ms >= ?")) {
                s.setString(1, key);
                s.setLong(2, oldest);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        return Optional.ofNullable(stored).map(ResponseCache::decode);
    }

    public void put(String key, LlmResponse response, Instant now) throws SQLException {
        String encoded = encode(response);
        db.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT OR REPLACE INTO response_cache"
                    + " (cache_key, created_ms, provider, model, response) VALUES (?, ?, ?, ?, ?)")) {
                s.setString(1, key);
                s.setLong(2, now.toEpochMilli());
                s.setString(3, String.valueOf(response.provider()));
                s.setString(4, String.valueOf(response.model()));
                s.setString(5, encoded);
                return s.executeUpdate();
            }
        });
    }

    /** Drops every cached response; returns how many there were. */
    public int clear() throws SQLException {
        return db.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM response_cache")) {
                return s.executeUpdate();
            }
        });
    }

    /** Drops responses older than {@code ttl}; returns how many. */
    public int purgeExpired(Duration ttl, Instant now) throws SQLException {
        return db.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM response_cache WHERE created_ms < ?")) {
                s.setLong(1, now.minus(ttl).toEpochMilli());
                return s.executeUpdate();
            }
        });
    }

    public int size() throws SQLException {
        return db.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM response_cache");
                    ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    private static String encode(LlmResponse r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("text", r.text());
        o.set("json", r.json());
        o.put("input_tokens", r.usage().inputTokens());
        o.put("output_tokens", r.usage().outputTokens());
        o.put("finish_reason", r.finishReason());
        o.put("provider", r.provider());
        o.put("model", r.model());
        return o.toString();
    }

    private static LlmResponse decode(String stored) {
        try {
            JsonNode o = JSON.readTree(stored);
            JsonNode json = o.path("json");
            return new LlmResponse(o.path("text").asText(""), json.isNull() || json.isMissingNode() ? null : json,
                    new Usage(o.path("input_tokens").asLong(-1), o.path("output_tokens").asLong(-1)),
                    textOrNull(o, "finish_reason"), Duration.ZERO, 0, textOrNull(o, "provider"),
                    textOrNull(o, "model"), false);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable cache entry", e);
        }
    }

    private static String textOrNull(JsonNode o, String field) {
        JsonNode v = o.path(field);
        return v.isTextual() ? v.asText() : null;
    }
}
