package dev.osmosis.usage;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where osmosis keeps its response cache and run ledger: {@code $OSMOSIS_HOME/osmosis.db}, else
 * {@code $XDG_CACHE_HOME/osmosis/osmosis.db}, else {@code ~/.cache/osmosis/osmosis.db}.
 */
public final class UsageHome {
    public static final String DB_FILE = "osmosis.db";

    private UsageHome() {
    }

    /** The database file for the given environment (the root command's map, never System.getenv). */
    public static Path databaseFile(Map<String, String> env) {
        String home = nonBlank(env.get("OSMOSIS_HOME"));
        if (home != null) {
            return Path.of(home).resolve(DB_FILE);
        }
        String xdg = nonBlank(env.get("XDG_CACHE_HOME"));
        if (xdg != null) {
            return Path.of(xdg, "osmosis", DB_FILE);
        }
        String userHome = nonBlank(env.get("HOME"));
        if (userHome == null) {
            userHome = System.getProperty("user.home");
        }
        return Path.of(userHome, ".cache", "osmosis", DB_FILE);
    }

    private static String nonBlank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
