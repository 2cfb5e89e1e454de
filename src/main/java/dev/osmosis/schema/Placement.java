package dev.osmosis.schema;

import java.util.List;

/**
 * Where {@code tags} or {@code meta} were found on an entry or column: at the top level, under {@code config:}
 * (dbt 1.10 style), in both, or nowhere. {@link #editPath(String)} tells an edit where to write so it lands in
 * the place the file already uses.
 */
public enum Placement {
    NONE, TOP_LEVEL, CONFIG, BOTH;

    static Placement of(boolean top, boolean config) {
        if (top && config) {
            return BOTH;
        }
        return top ? TOP_LEVEL : config ? CONFIG : NONE;
    }

    /**
     * Where to write a key the column or entry does not have yet, given where its sibling ({@code tags} for
     * {@code meta} and the reverse) lives: a column that keeps its meta under {@code config:} (dbt 1.10 style) gets
     * its new tags there too, so osmosis does not mix the deprecated top-level form into it.
     */
    public Placement orLike(Placement sibling) {
        return this == NONE && sibling == CONFIG ? CONFIG : this;
    }

    /**
     * Where to write {@code key} on a column or entry: where the file already keeps it, else under {@code config:}
     * when {@code configByDefault} (dbt 1.10 / Fusion style), else like its sibling ({@link #orLike}).
     */
    public Placement forWrite(Placement sibling, boolean configByDefault) {
        if (this == NONE && configByDefault) {
            return CONFIG;
        }
        return orLike(sibling);
    }

    /** Key path to edit for {@code key} ("tags" or "meta"): under config only when only config has it. */
    public List<String> editPath(String key) {
        return this == CONFIG ? List.of("config", key) : List.of(key);
    }
}
