package dev.osmosis.schema;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One model, seed, snapshot or source table of a schema file.
 *
 * @param sourceName  the {@code sources:} entry's name for source tables, else null
 * @param description the YAML scalar's value, never rendered; null when absent
 * @param tags        top-level and {@code config.tags}, merged; {@link #tagsAt} says where they were
 * @param meta        top-level {@code meta} merged with {@code config.meta} (config wins); {@link #metaAt} says where
 * @param other       every other key except name, description, tags, meta, columns (e.g. config, data_type, tests)
 * @param columns     in file order
 * @param line        1-based line of the entry's {@code name} key
 */
public record SchemaEntry(EntryKind kind, String sourceName, String name, String description, List<String> tags,
        Placement tagsAt, Map<String, Object> meta, Placement metaAt, Map<String, Object> other,
        List<SchemaColumn> columns, int line) {

    public EntryRef ref() {
        return new EntryRef(kind, sourceName, name);
    }

    /** Column by name: exact match first, then case-insensitive. */
    public Optional<SchemaColumn> column(String columnName) {
        for (SchemaColumn c : columns) {
            if (c.name().equals(columnName)) {
                return Optional.of(c);
            }
        }
        String lower = columnName.toLowerCase(Locale.ROOT);
        return columns.stream().filter(c -> c.name().toLowerCase(Locale.ROOT).equals(lower)).findFirst();
    }
}
