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

    /** Key path to edit for {@code key} ("tags" or "meta"): under config only when only config has it. */
    public List<String> editPath(String key) {
        return this == CONFIG ? List.of("config", key) : List.of(key);
    }
}
