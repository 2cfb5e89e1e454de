package dev.osmosis.project;

import java.util.List;
import java.util.Map;

/** A column as the manifest knows it (from schema YAML at parse time). */
public record Column(String name, String description, String dataType, Map<String, Object> meta, List<String> tags) {
    public Column {
        description = description == null ? "" : description;
        // the manifest's key order, which inheritance writes: Map.copyOf's order changes from one JVM to the next
        meta = OrderedMap.copyOf(meta);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
