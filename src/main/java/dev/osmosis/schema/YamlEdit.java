package dev.osmosis.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One change to a schema file, as data. Values are plain Java: String, Boolean, Number, null, List or Map
 * (maps keep their iteration order in the YAML written). {@link YamlPatcher} applies a list of them.
 */
public sealed interface YamlEdit {
    /** The entry the edit is about. */
    EntryRef entry();

    /**
     * Sets the value at {@code path} (e.g. ["description"], ["meta", "osmosis_generated"]) on the entry, or on
     * its column {@code column} when not null; creates missing intermediate mappings. Equal value: no change.
     */
    record SetValue(EntryRef entry, String column, List<String> path, Object value) implements YamlEdit {
        public SetValue {
            Objects.requireNonNull(entry, "entry");
            path = List.copyOf(path);
            if (path.isEmpty()) {
                throw new IllegalArgumentException("a key path needs at least one key");
            }
            checkValue(value);
        }
    }

    /**
     * Removes the key at {@code path} with its value (and its comment at the end of the line) from the entry, or
     * from its column {@code column} when not null; a mapping of the path that this leaves empty goes too, so
     * removing ["meta", "osmosis_generated"] from {@code meta: {osmosis_generated: true}} removes {@code meta}.
     * The entry's or column's own mapping always stays. Absent key or column: no change.
     */
    record RemoveKey(EntryRef entry, String column, List<String> path) implements YamlEdit {
        public RemoveKey {
            Objects.requireNonNull(entry, "entry");
            path = List.copyOf(path);
            if (path.isEmpty()) {
                throw new IllegalArgumentException("a key path needs at least one key");
            }
        }
    }

    /** Appends column {@code column} with the given fields (in order, without "name"); on an existing column it sets them. */
    record AddColumn(EntryRef entry, String column, Map<String, Object> fields) implements YamlEdit {
        public AddColumn {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(column, "column");
            fields = ordered(fields);
            checkValue(fields);
        }
    }

    /** Removes the column's whole item (with its own comment lines). Absent column: no change. */
    record RemoveColumn(EntryRef entry, String column) implements YamlEdit {
        public RemoveColumn {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(column, "column");
        }
    }

    /** Moves whole column items into {@code order}; columns not named keep their relative order after those named. */
    record ReorderColumns(EntryRef entry, List<String> order) implements YamlEdit {
        public ReorderColumns {
            Objects.requireNonNull(entry, "entry");
            order = List.copyOf(order);
        }
    }

    /**
     * Adds an entry (fields in order, without "name"; "columns" as a list of maps each with "name"); source tables
     * go under their source, which is created when missing. On an existing entry it sets the fields and adds
     * missing columns.
     */
    record AddEntry(EntryRef entry, Map<String, Object> fields) implements YamlEdit {
        public AddEntry {
            Objects.requireNonNull(entry, "entry");
            fields = ordered(fields);
            checkValue(fields);
        }
    }

    static SetValue setDescription(EntryRef entry, String column, String text) {
        return new SetValue(entry, column, List.of("description"), text);
    }

    private static Map<String, Object> ordered(Map<String, Object> fields) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(fields == null ? Map.of() : fields));
    }

    private static void checkValue(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
            return;
        }
        if (value instanceof List<?> list) {
            list.forEach(YamlEdit::checkValue);
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (!(k instanceof String)) {
                    throw new IllegalArgumentException("YAML keys written by osmosis must be strings: " + k);
                }
                checkValue(v);
            });
        } else {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getSimpleName() + " to YAML");
        }
    }
}
