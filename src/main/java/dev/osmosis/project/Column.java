package dev.osmosis.project;

import java.util.List;
import java.util.Map;

/** A column as the manifest knows it (from schema YAML at parse time). */
public record Column(String name, String description, String dataType, Map<String, Object> meta, List<String> tags) {
    public Column {
        description = description == null ? "" : description;
        meta = meta == null ? Map.of() : Map.copyOf(meta);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
