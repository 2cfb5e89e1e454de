package dev.osmosis.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * What to ask: a system and a user message, sampling parameters, and an optional JSON schema when a structured
 * answer is wanted. {@code operation} and {@code nodeId} label the call for stats and the ledger; they are never
 * sent and are not part of the cache key.
 *
 * @param system          system message (may be empty)
 * @param user            user message
 * @param temperature     sampling temperature, or null for the provider's default
 * @param maxOutputTokens output token cap, or null for the provider's default
 * @param jsonSchema      JSON schema of the expected object, or null for plain text
 * @param schemaName      a short name for the schema (OpenAI and Anthropic want one), or null
 * @param operation       what the call is for: "bulk", "model", "column", "test", ...
 * @param nodeId          the dbt node the call documents, or null
 */
public record LlmRequest(
        String system,
        String user,
        Double temperature,
        Integer maxOutputTokens,
        JsonNode jsonSchema,
        String schemaName,
        String operation,
        String nodeId) {

    public LlmRequest {
        system = system == null ? "" : system;
        Objects.requireNonNull(user, "user");
        operation = operation == null ? "other" : operation;
    }

    public static LlmRequest text(String system, String user) {
        return new LlmRequest(system, user, null, null, null, null, "other", null);
    }

    public boolean wantsJson() {
        return jsonSchema != null;
    }

    public LlmRequest withLabel(String operation, String nodeId) {
        return new LlmRequest(system, user, temperature, maxOutputTokens, jsonSchema, schemaName, operation, nodeId);
    }
}
