package dev.osmosis.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a golden case's edits.json: a list of {"op": set|removeKey|addColumn|removeColumn|reorder|addEntry, "entry":
 * {"kind", "source", "name"}, "column", "path", "value", "fields", "order", "refused": true}.
 */
final class EditsJson {
    record Case(List<YamlEdit> edits, List<YamlEdit> expectRefused) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private EditsJson() {
    }

    static Case read(Path file) throws IOException {
        List<YamlEdit> edits = new ArrayList<>();
        List<YamlEdit> refused = new ArrayList<>();
        for (JsonNode n : JSON.readTree(Files.readString(file))) {
            YamlEdit edit = edit(n);
            edits.add(edit);
            if (n.path("refused").asBoolean(false)) {
                refused.add(edit);
            }
        }
        return new Case(edits, refused);
    }

    @SuppressWarnings("unchecked")
    private static YamlEdit edit(JsonNode n) {
        JsonNode e = n.get("entry");
        EntryRef ref = new EntryRef(EntryKind.valueOf(e.get("kind").asText().toUpperCase(Locale.ROOT)),
                e.hasNonNull("source") ? e.get("source").asText() : null, e.get("name").asText());
        String column = n.hasNonNull("column") ? n.get("column").asText() : null;
        Map<String, Object> fields = n.has("fields") ? JSON.convertValue(n.get("fields"), Map.class) : Map.of();
        return switch (n.get("op").asText()) {
            case "set" -> new YamlEdit.SetValue(ref, column, JSON.convertValue(n.get("path"), List.class),
                    JSON.convertValue(n.get("value"), Object.class));
            case "addColumn" -> new YamlEdit.AddColumn(ref, column, fields);
            case "removeKey" -> new YamlEdit.RemoveKey(ref, column, JSON.convertValue(n.get("path"), List.class));
            case "removeColumn" -> new YamlEdit.RemoveColumn(ref, column);
            case "reorder" -> new YamlEdit.ReorderColumns(ref, JSON.convertValue(n.get("order"), List.class));
            case "addEntry" -> new YamlEdit.AddEntry(ref, fields);
            default -> throw new IllegalArgumentException("unknown op " + n.get("op"));
        };
    }
}
