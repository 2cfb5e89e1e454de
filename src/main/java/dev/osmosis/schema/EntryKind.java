package dev.osmosis.schema;

/** The kinds of schema entries osmosis reads and edits, with the top-level YAML key each lives under. */
public enum EntryKind {
    MODEL("models"),
    SEED("seeds"),
    SNAPSHOT("snapshots"),
    /** A table of a {@code sources:} entry. */
    SOURCE("sources");

    private final String yamlKey;

    EntryKind(String yamlKey) {
        this.yamlKey = yamlKey;
    }

    public String yamlKey() {
        return yamlKey;
    }
}
