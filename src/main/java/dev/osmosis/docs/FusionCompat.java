package dev.osmosis.docs;

import dev.osmosis.OsmosisException;
import dev.osmosis.project.DbtProject;
import dev.osmosis.project.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether tags and meta osmosis writes anew go under {@code config:} (dbt 1.10 and Fusion style) rather than at the
 * top level of a column or entry. dbt accepts {@code config: meta:} on columns from 1.9.6 on (older versions drop it
 * silently), 1.10 warns about the top-level form and Fusion rejects it. Like dbt-osmosis: a flag or the
 * {@code fusion-compat} var decides; else a Fusion manifest or a dbt version of at least 1.9.6 turns it on.
 */
public final class FusionCompat {
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    private FusionCompat() {
    }

    /** {@code flag}: --fusion-compat (true), --no-fusion-compat (false) or neither (null). */
    public static boolean enabled(Boolean flag, DbtProject config, Manifest manifest) {
        if (flag != null) {
            return flag;
        }
        Object configured = config.osmosisVars().getOrDefault("fusion-compat",
                config.osmosisVars().get("fusion_compat"));
        if (configured != null) {
            return parse(configured);
        }
        return manifest.isFusion() || atLeast(manifest.dbtVersion(), 1, 9, 6);
    }

    private static boolean parse(Object configured) {
        if (configured instanceof Boolean b) {
            return b;
        }
        String text = String.valueOf(configured).strip();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw OsmosisException.usage("vars: dbt-osmosis: fusion-compat must be true or false, not '" + text + "'.");
    }

    /** Numeric comparison of the leading major.minor.patch; an unknown version counts as old. */
    static boolean atLeast(String version, int major, int minor, int patch) {
        if (version == null) {
            return false;
        }
        Matcher m = VERSION.matcher(version);
        if (!m.lookingAt()) {
            return false;
        }
        int[] have = {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
            m.group(3) == null ? 0 : Integer.parseInt(m.group(3))};
        int[] want = {major, minor, patch};
        for (int i = 0; i < 3; i++) {
            if (have[i] != want[i]) {
                return have[i] > want[i];
            }
        }
        return true;
    }
}
