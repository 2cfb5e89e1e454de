package dev.osmosis.llm.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osmosis.llm.LlmProvider;
import dev.osmosis.llm.LlmRequest;
import dev.osmosis.llm.LlmResponse;
import dev.osmosis.llm.prompt.BulkAnswer;
import dev.osmosis.llm.prompt.PromptBuilder;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/**
 * The bulk answer's "unknown" is JSON null (ADR 0714). Each provider's structured output must allow it where the
 * schema is enforced, or the model is forced to invent a text: OpenAI strict mode only with {@code "type":
 * ["string", "null"]} (and strict stays on), Anthropic's tool {@code input_schema} as JSON Schema, Gemini's
 * {@code responseSchema} as {@code nullable: true} (its OpenAPI dialect has no type lists), Ollama's
 * {@code format} as JSON Schema. The answers are shaped like the recorded exchanges in llm-fixtures, with a null
 * where the model abstains, and read back as an abstention.
 */
class NullableAnswerSchemaTest extends ProviderTestBase {
    private static final List<String> COLUMNS = List.of("status", "note");

    private static LlmRequest bulk() {
        return new LlmRequest("sys", "Describe the columns in JSON.", null, null,
                PromptBuilder.bulkSchema(COLUMNS, true), PromptBuilder.SCHEMA_NAME, PromptBuilder.OP_BULK, "model.p.x");
    }

    private static final String ANSWER = "{\"model_description\":\"One row per order.\","
            + "\"columns\":{\"status\":\"Order status.\",\"note\":null}}";

    private void enqueue(String body) {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("content-type", "application/json").body(body)
                .build());
    }

    private static void abstainsOnNote(LlmResponse r) {
        BulkAnswer a = BulkAnswer.parse(r, COLUMNS, true);
        assertEquals(List.of("note"), a.abstainedColumns(), r.text());
        assertEquals("Order status.", a.columns().get("status"));
        assertTrue(a.complete());
    }

    private static void nullableString(JsonNode property) {
        assertEquals("[\"string\",\"null\"]", property.path("type").toString(), property.toString());
    }

    @Test
    void openAiStrictSchemaAllowsNull() throws Exception {
        enqueue("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"gpt-4o-2024-08-06\",\"choices\":[{"
                + "\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + MAPPER.writeValueAsString(ANSWER)
                + ",\"refusal\":null},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":53,"
                + "\"completion_tokens\":6,\"total_tokens\":59}}");
        abstainsOnNote(provider(LlmProvider.OPENAI).complete(bulk()));
        JsonNode format = sentBody().path("response_format").path("json_schema");
        assertTrue(format.path("strict").asBoolean(), "the nullable schema still qualifies for strict mode");
        nullableString(format.at("/schema/properties/columns/properties/note"));
        nullableString(format.at("/schema/properties/model_description"));
        assertEquals("[\"status\",\"note\"]", format.at("/schema/properties/columns/required").toString(),
                "strict mode: every property required, null is how it is left unanswered");
    }

    @Test
    void anthropicToolInputSchemaAllowsNull() throws Exception {
        enqueue("{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-haiku-4-5\","
                + "\"content\":[{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"dbt_descriptions\",\"input\":"
                + ANSWER + "}],\"stop_reason\":\"tool_use\",\"usage\":{\"input_tokens\":389,\"output_tokens\":90}}");
        abstainsOnNote(provider(LlmProvider.ANTHROPIC).complete(bulk()));
        JsonNode schema = sentBody().path("tools").path(0).path("input_schema");
        nullableString(schema.at("/properties/columns/properties/note"));
        nullableString(schema.at("/properties/model_description"));
    }

    @Test
    void geminiResponseSchemaSaysNullable() throws Exception {
        enqueue("{\"candidates\":[{\"content\":{\"parts\":[{\"text\":" + MAPPER.writeValueAsString(ANSWER)
                + "}],\"role\":\"model\"},\"finishReason\":\"STOP\",\"index\":0}],\"usageMetadata\":{"
                + "\"promptTokenCount\":22,\"candidatesTokenCount\":6,\"totalTokenCount\":28},"
                + "\"modelVersion\":\"gemini-2.5-flash\"}");
        abstainsOnNote(provider(LlmProvider.GOOGLE_GEMINI).complete(bulk()));
        JsonNode note = sentBody().at("/generationConfig/responseSchema/properties/columns/properties/note");
        assertEquals("STRING", note.path("type").asText(), note.toString());
        assertTrue(note.path("nullable").asBoolean(), note.toString());
    }

    @Test
    void ollamaFormatAllowsNull() throws Exception {
        enqueue("{\"model\":\"llama3.1\",\"created_at\":\"2025-08-20T13:47:53.398465Z\",\"message\":{\"role\":"
                + "\"assistant\",\"content\":" + MAPPER.writeValueAsString(ANSWER) + "},\"done\":true,"
                + "\"prompt_eval_count\":20,\"eval_count\":10}");
        abstainsOnNote(provider(LlmProvider.OLLAMA).complete(bulk()));
        JsonNode format = sentBody().path("format");
        nullableString(format.at("/properties/columns/properties/note"));
    }
}
