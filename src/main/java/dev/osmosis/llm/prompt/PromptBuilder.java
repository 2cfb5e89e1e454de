package dev.osmosis.llm.prompt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.osmosis.llm.LlmRequest;
import java.util.List;
import java.util.Objects;

/**
 * Renders the templates into {@link LlmRequest}s labelled for stats: "bulk" (table_* templates, JSON answer),
 * "model" (model_* templates, text) and "column" (column_* templates, text).
 */
public final class PromptBuilder {
    public static final String OP_BULK = "bulk";
    public static final String OP_MODEL = "model";
    public static final String OP_COLUMN = "column";
    public static final String SCHEMA_NAME = "dbt_descriptions";

    private final PromptTemplates templates;
    private final Double temperature;
    private final Integer maxOutputTokens;

    public PromptBuilder(PromptTemplates templates) {
        this(templates, null, null);
    }

    /** {@code temperature} and {@code maxOutputTokens} may be null for the provider's defaults. */
    public PromptBuilder(PromptTemplates templates, Double temperature, Integer maxOutputTokens) {
        this.templates = Objects.requireNonNull(templates, "templates");
        this.temperature = temperature;
        this.maxOutputTokens = maxOutputTokens;
    }

    public PromptTemplates templates() {
        return templates;
    }

    /**
     * One structured call for the model description (when {@code ctx.wantModelDescription()}) and all of
     * {@code ctx.gaps()}. Parse the answer with {@link BulkAnswer#parse(dev.osmosis.llm.LlmResponse, PromptContext)}.
     */
    public LlmRequest bulk(PromptContext ctx) {
        if (ctx.gaps().isEmpty() && !ctx.wantModelDescription()) {
            throw new IllegalArgumentException("bulk request for " + ctx.name() + " asks for nothing");
        }
        return new LlmRequest(templates.render(PromptKey.TABLE_SYSTEM, ctx), templates.render(PromptKey.TABLE_USER, ctx),
                temperature, maxOutputTokens, bulkSchema(ctx.gapNames(), ctx.wantModelDescription()), SCHEMA_NAME,
                OP_BULK, nodeId(ctx));
    }

    /** The model description alone, as plain text; clean the answer with {@link PlainAnswer#of(dev.osmosis.llm.LlmResponse)}. */
    public LlmRequest modelDescription(PromptContext ctx) {
        return new LlmRequest(templates.render(PromptKey.MODEL_SYSTEM, ctx), templates.render(PromptKey.MODEL_USER, ctx),
                temperature, maxOutputTokens, null, null, OP_MODEL, nodeId(ctx));
    }

    /**
     * One column, as plain text; clean the answer with
     * {@link PlainAnswer#of(dev.osmosis.llm.LlmResponse, String)}.
     */
    public LlmRequest column(PromptContext ctx, PromptContext.Column column) {
        PromptContext one = ctx.withColumn(column);
        return new LlmRequest(templates.render(PromptKey.COLUMN_SYSTEM, one),
                templates.render(PromptKey.COLUMN_USER, one), temperature, maxOutputTokens, null, null, OP_COLUMN,
                nodeId(ctx));
    }

    /**
     * The bulk answer's schema: {@code {"model_description": string|null, "columns": {<each column>:
     * string|null}}} with every property required and {@code additionalProperties: false}. Keying by column name
     * (not an array of {name, description}) lets strict structured output (OpenAI strict, Anthropic tools, Gemini,
     * Ollama format) enforce that every requested column is answered and none is invented; null is how the model
     * abstains ({@link Abstention}), and strict mode needs it in the type ({@code ["string", "null"]}: Gemini's
     * dialect turns it into {@code nullable}). Only plain JSON Schema keywords are used: type, properties,
     * required, additionalProperties.
     */
    public static JsonNode bulkSchema(List<String> columns, boolean wantModelDescription) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode().put("type", "object");
        ObjectNode props = root.putObject("properties");
        ArrayNode required = f.arrayNode();
        if (wantModelDescription) {
            nullableString(props.putObject("model_description"));
            required.add("model_description");
        }
        if (!columns.isEmpty()) {
            ObjectNode cols = props.putObject("columns").put("type", "object");
            ObjectNode colProps = cols.putObject("properties");
            ArrayNode colRequired = cols.putArray("required");
            for (String name : columns) {
                if (!colProps.has(name)) {
                    nullableString(colProps.putObject(name));
                    colRequired.add(name);
                }
            }
            cols.put("additionalProperties", false);
            required.add("columns");
        }
        root.set("required", required);
        root.put("additionalProperties", false);
        return root;
    }

    private static void nullableString(ObjectNode property) {
        property.putArray("type").add("string").add("null");
    }

    private static String nodeId(PromptContext ctx) {
        return ctx.uniqueId().isEmpty() ? ctx.name() : ctx.uniqueId();
    }
}
