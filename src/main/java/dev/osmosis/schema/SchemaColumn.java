package dev.osmosis.schema;

import java.util.List;
import java.util.Map;

/**
 * One column of a schema entry as read from YAML.
 *
 * @param description the YAML scalar's value, never rendered ({@code {{ doc("x") }}} stays that text); null when absent
 * @param tags        top-level and {@code config.tags}, merged; {@link #tagsAt} says where they were
 * @param meta        top-level {@code meta} merged with {@code config.meta} (config wins); {@link #metaAt} says where
 * @param other       every other key (constraints, data_tests, quote...) as plain Java values, in file order
 * @param line        1-based line of the column's {@code name} key
 */
public record SchemaColumn(String name, String description, String dataType, List<String> tags, Placement tagsAt,
        Map<String, Object> meta, Placement metaAt, Map<String, Object> other, int line) {
}
