package dev.osmosis.project;

import java.util.Locale;
import java.util.Optional;

/** The kinds of dbt node osmosis documents. Tests, macros, analyses and the rest are skipped when reading. */
public enum ResourceType {
    MODEL, SEED, SNAPSHOT, SOURCE;

    /** The manifest's spelling ("model", "seed", ...), or empty for kinds osmosis does not document. */
    public static Optional<ResourceType> fromManifest(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "model" -> Optional.of(MODEL);
            case "seed" -> Optional.of(SEED);
            case "snapshot" -> Optional.of(SNAPSHOT);
            case "source" -> Optional.of(SOURCE);
            default -> Optional.empty();
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
