package dev.osmosis.project;

/** Normalises the file paths dbt writes into manifests, whatever OS produced them. */
public final class PathNames {
    private PathNames() {
    }

    /**
     * "jaffle_shop://models\\schema.yml" becomes "models/schema.yml": the package prefix of patch_path goes, and
     * Windows separators become '/', so paths resolve on any OS.
     */
    public static String normalize(String manifestPath) {
        if (manifestPath == null || manifestPath.isBlank()) {
            return null;
        }
        String path = manifestPath;
        int scheme = path.indexOf("://");
        if (scheme >= 0) {
            path = path.substring(scheme + 3);
        }
        path = path.replace('\\', '/');
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        return path;
    }
}
