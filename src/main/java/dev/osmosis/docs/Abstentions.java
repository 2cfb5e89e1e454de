package dev.osmosis.docs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Descriptions the model abstained on, remembered in the schema YAML next to the undocumented place
 * ({@code meta: osmosis_abstained: 3f1c9a07d2b4e865}), so `osmosis review` on any machine or CI job lists them as
 * needing their owner (docs/adr/0714). The value is the fingerprint of the prompt the place would be asked with
 * once the run is done: a rerun whose prompt is the same does not ask (nor pay) again, a changed one (new parent
 * docs, SQL, context, template) does. osmosis drops the key when it later writes a description there.
 */
public final class Abstentions {
    /** The meta key; like the mark, it belongs to its node and is never inherited. */
    public static final String KEY = "osmosis_abstained";

    private Abstentions() {
    }

    /** Whether this meta (top level and config merged) records an abstention: any value but false/no/empty. */
    public static boolean isAbstained(Map<String, Object> meta) {
        Object v = meta == null ? null : meta.get(KEY);
        if (v == null || Boolean.FALSE.equals(v)) {
            return false;
        }
        String s = String.valueOf(v).strip();
        return !s.isEmpty() && !s.equalsIgnoreCase("false") && !s.equalsIgnoreCase("no");
    }

    /** The fingerprint the abstention was recorded with, or null (none, or a hand-written true). */
    public static String fingerprint(Map<String, Object> meta) {
        Object v = meta == null ? null : meta.get(KEY);
        return v instanceof String s && !s.isBlank() ? s.strip() : null;
    }

    /** The meta with the abstention recorded under {@code fingerprint} (the same map when it already is). */
    public static Map<String, Object> recorded(Map<String, Object> meta, String fingerprint) {
        if (fingerprint.equals(meta.get(KEY))) {
            return meta;
        }
        Map<String, Object> out = new LinkedHashMap<>(meta);
        out.put(KEY, fingerprint);
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
