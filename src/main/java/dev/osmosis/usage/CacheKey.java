package dev.osmosis.usage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.osmosis.llm.LlmRequest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The content address of a request: SHA-256 over provider, model, system and user messages, temperature, max
 * output tokens and JSON schema. The operation and node labels are left out (the same prompt for another label is
 * the same answer), and so is every credential: the key cannot leak one and does not change when a key rotates.
 */
public final class CacheKey {
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private CacheKey() {
    }

    public static String of(String provider, String model, LlmRequest request) {
        ObjectNode content = CANONICAL.createObjectNode();
        content.put("v", 1);
        content.put("provider", Providers.normalize(provider));
        content.put("model", model == null ? "" : model);
        content.put("system", request.system());
        content.put("user", request.user());
        if (request.temperature() != null) {
            content.put("temperature", request.temperature());
        }
        if (request.maxOutputTokens() != null) {
            content.put("max_tokens", request.maxOutputTokens());
        }
        if (request.jsonSchema() != null) {
            content.set("schema", request.jsonSchema());
            content.put("schema_name", request.schemaName() == null ? "" : request.schemaName());
        }
        try {
            byte[] bytes = CANONICAL.writeValueAsBytes(canonical(content));
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot hash a request", e);
        }
    }

    /** Same content, same key, whatever order a schema's properties were written in. */
    private static Object canonical(JsonNode node) {
        return CANONICAL.convertValue(node, Object.class); // maps are written sorted by key
    }
}
