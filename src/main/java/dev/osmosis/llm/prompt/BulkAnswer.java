package dev.osmosis.llm.prompt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osmosis.llm.LlmResponse;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a bulk answer gave for the columns that were asked for. Only requested columns are kept (matched exactly,
 * else ignoring case; invented columns are dropped); answers are cleaned like {@link PlainAnswer}; empty and
 * placeholder answers count as missing, so the scheduler can retry them per column.
 *
 * @param columns                 requested column name (as requested) to its description, in request order
 * @param modelDescription        the model description, or null when absent or a placeholder
 * @param missingColumns          requested columns with no usable answer, in request order
 * @param modelDescriptionMissing true when the model description was wanted and not usable
 * @param problem                 null when a JSON object was found, else why nothing could be read
 * @param abstainedColumns        requested columns the model abstained on ({@link Abstention}: JSON null, "UNKNOWN"
 *                                or a non-answer about the SQL), in request order; neither answered nor missing
 * @param modelDescriptionAbstained true when the model abstained on the wanted model description
 */
public record BulkAnswer(
        Map<String, String> columns,
        String modelDescription,
        List<String> missingColumns,
        boolean modelDescriptionMissing,
        String problem,
        List<String> abstainedColumns,
        boolean modelDescriptionAbstained) {

    public BulkAnswer {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        missingColumns = List.copyOf(missingColumns);
        abstainedColumns = List.copyOf(abstainedColumns);
    }

    /** An answer without abstentions. */
    public BulkAnswer(Map<String, String> columns, String modelDescription, List<String> missingColumns,
                      boolean modelDescriptionMissing, String problem) {
        this(columns, modelDescription, missingColumns, modelDescriptionMissing, problem, List.of(), false);
    }

    /** Parses an answer to {@link PromptBuilder#bulk}: the gaps and the model-description wish of {@code ctx}. */
    public static BulkAnswer parse(LlmResponse response, PromptContext ctx) {
        return parse(response, ctx.gapNames(), ctx.wantModelDescription());
    }

    /** Parses the columns; a model description is read when present but not reported missing. */
    public static BulkAnswer parse(LlmResponse response, List<String> requestedColumns) {
        return parse(response, requestedColumns, false);
    }

    /**
     * Reads {@code response.json()} when set, else the JSON object found in {@code response.text()} (fences and
     * prose around it are tolerated). Accepts {@code {"columns": {name: description}}} (the schema's shape),
     * {@code {"columns": [{"name": .., "description": ..}]}}, values of the form {@code {"description": ..}},
     * and a flat object of column names when a JSON-mode model dropped the {@code columns} wrapper.
     */
    public static BulkAnswer parse(LlmResponse response, List<String> requestedColumns, boolean wantModelDescription) {
        JsonNode root = response.json() != null && response.json().isObject() ? response.json()
                : dev.osmosis.llm.JsonExtractor.firstObject(response.text()).orElse(null);
        if (root == null) {
            return new BulkAnswer(Map.of(), null, requestedColumns, wantModelDescription,
                    "no JSON object in the answer");
        }
        Map<String, JsonNode> given = answeredColumns(root);
        Map<String, String> found = match(requestedColumns, given);
        List<String> abstained = requestedColumns.stream().filter(c -> abstains(lookup(given, c))).toList();
        found.keySet().removeAll(abstained);
        List<String> missing = requestedColumns.stream()
                .filter(c -> !found.containsKey(c) && !abstained.contains(c)).toList();

        String model = null;
        JsonNode md = modelDescription(root, requestedColumns);
        boolean modelAbstained = wantModelDescription && md != null
                && (md.isNull() || md.isTextual() && Abstention.isAbstention(md.textValue()));
        if (md != null && md.isTextual() && !modelAbstained) {
            String cleaned = PlainAnswer.clean(md.textValue());
            model = cleaned.isEmpty() ? null : cleaned;
        }
        return new BulkAnswer(found, model, missing, wantModelDescription && model == null && !modelAbstained, null,
                abstained, modelAbstained);
    }

    /** JSON null (the schema's "unknown") or a text that abstains; a missing key is not an abstention. */
    private static boolean abstains(JsonNode value) {
        if (value == null) {
            return false;
        }
        JsonNode v = value.isObject() && value.has("description") ? value.get("description") : value;
        return v.isNull() || v.isTextual() && Abstention.isAbstention(v.textValue());
    }

    /**
     * {@code model_description} as the schema asks, else {@code modelDescription}, else a plain {@code description}
     * (models shorten the key) unless that is a requested column of a flat answer, where it means the column.
     */
    private static JsonNode modelDescription(JsonNode root, List<String> requestedColumns) {
        for (String key : List.of("model_description", "modelDescription")) {
            if (root.has(key)) {
                return root.get(key);
            }
        }
        boolean flat = !root.has("columns");
        boolean isColumn = requestedColumns.stream().anyMatch(c -> normalize(c).equals("description"));
        return flat && isColumn ? null : root.get("description");
    }

    /** True when every requested column and (if wanted) the model description were answered. */
    public boolean complete() {
        return missingColumns.isEmpty() && !modelDescriptionMissing;
    }

    /**
     * Column name to its answer node (text, null, or an object with a description), whatever the shape; the
     * answer of a flat object is any value that is text, null or such an object.
     */
    private static Map<String, JsonNode> answeredColumns(JsonNode root) {
        JsonNode cols = root.get("columns");
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (cols != null && cols.isArray()) {
            for (JsonNode item : cols) {
                JsonNode name = item.has("name") ? item.get("name") : item.get("column");
                if (name != null && name.isTextual() && item.has("description")) {
                    out.putIfAbsent(name.textValue(), item.get("description"));
                }
            }
            return out;
        }
        JsonNode map = cols != null && cols.isObject() ? cols : root;
        for (Iterator<Map.Entry<String, JsonNode>> it = map.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isTextual() || v.isNull() || v.isObject() && v.has("description")) {
                out.putIfAbsent(e.getKey(), v);
            }
        }
        return out;
    }

    /** The answer text of a value: the text itself or its description; null when there is none. */
    private static String text(JsonNode value) {
        JsonNode d = value != null && value.isObject() ? value.get("description") : value;
        return d != null && d.isTextual() ? d.textValue() : null;
    }

    /** A requested column's answer node: exact key first, then a key equal ignoring case and quotes. */
    private static JsonNode lookup(Map<String, JsonNode> given, String name) {
        if (given.containsKey(name)) {
            return given.get(name);
        }
        return given.entrySet().stream().filter(e -> normalize(e.getKey()).equals(normalize(name)))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** Requested name to cleaned answer text. */
    private static Map<String, String> match(List<String> requested, Map<String, JsonNode> given) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String name : requested) {
            String cleaned = PlainAnswer.clean(text(lookup(given, name)), name);
            if (!cleaned.isEmpty()) {
                found.put(name, cleaned);
            }
        }
        return found;
    }

    private static String normalize(String key) {
        String unfenced = PromptFence.ANY_TAG.matcher(key).replaceAll("");
        return unfenced.strip().replaceAll("^[`\"'\\[]+|[`\"'\\]]+$", "").toLowerCase(Locale.ROOT);
    }
}
