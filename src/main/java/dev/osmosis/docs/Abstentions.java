package dev.osmosis.docs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Descriptions the model abstained on, remembered in the schema YAML next to the undocumented place
 * ({@code meta: osmosis_abstained: true}), so `osmosis review` on any machine or CI job lists them as needing
 * their owner (docs/adr/0714). osmosis drops the key when it later writes a description there.
 */
public final class Abstentions {
    /** The meta key; like the mark, it belongs to its node and is never inherited. */
    public static final String KEY = "osmosis_abstained";

    private Abstentions() {
    }

    /** Whether this meta (top level and config merged) records an abstention: true, or "true"/"yes". */
    public static boolean isAbstained(Map<String, Object> meta) {
        Object v = meta == null ? null : meta.get(KEY);
        return Boolean.TRUE.equals(v) || v instanceof String s
                && (s.strip().equalsIgnoreCase("true") || s.strip().equalsIgnoreCase("yes"));
    }

    /** The meta with the abstention recorded (the same map when it already is). */
    public static Map<String, Object> recorded(Map<String, Object> meta) {
        if (isAbstained(meta)) {
            return meta;
        }
        Map<String, Object> out = new LinkedHashMap<>(meta);
        out.put(KEY, true);
        return out;
    }

    /** The meta without the abstention (the same map when it has none). */
    public static Map<String, Object> cleared(Map<String, Object> meta) {
        if (!meta.containsKey(KEY)) {
            return meta;
        }
        Map<String, Object> out = new LinkedHashMap<>(meta);
        out.remove(KEY);
        return out;
    }
}
