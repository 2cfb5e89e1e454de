package dev.osmosis.schema;

import java.util.Objects;

/**
 * Addresses one schema entry: kind, source name (only for {@link EntryKind#SOURCE} tables) and name.
 * Names match exactly first, then case-insensitively.
 */
public record EntryRef(EntryKind kind, String sourceName, String name) {
    public EntryRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (kind == EntryKind.SOURCE && sourceName == null) {
            throw new IllegalArgumentException("a source table needs its source name: " + name);
        }
        if (kind != EntryKind.SOURCE) {
            sourceName = null;
        }
    }

    public static EntryRef model(String name) {
        return new EntryRef(EntryKind.MODEL, null, name);
    }

    public static EntryRef seed(String name) {
        return new EntryRef(EntryKind.SEED, null, name);
    }

    public static EntryRef snapshot(String name) {
        return new EntryRef(EntryKind.SNAPSHOT, null, name);
    }

    public static EntryRef sourceTable(String sourceName, String table) {
        return new EntryRef(EntryKind.SOURCE, sourceName, table);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + (sourceName == null ? "" : sourceName + ".")
                + name;
    }
}
