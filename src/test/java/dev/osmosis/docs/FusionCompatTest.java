package dev.osmosis.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.OsmosisException;
import dev.osmosis.project.DbtProject;
import dev.osmosis.project.Manifest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Where new tags/meta go: flag, then the fusion-compat var, then the manifest's dbt version. */
class FusionCompatTest {
    private static DbtProject project(Map<String, Object> osmosisVars) {
        return new DbtProject("p", List.of("models"), List.of("seeds"), List.of("snapshots"), "target",
                osmosisVars.isEmpty() ? Map.of() : Map.of("dbt-osmosis", osmosisVars), Map.of());
    }

    private static Manifest manifest(int schema, String dbtVersion) {
        return new Manifest(schema, "p", dbtVersion, Map.of(), Map.of(), Set.of());
    }

    @Test
    void dbtVersionDecidesByDefault() {
        DbtProject p = project(Map.of());
        assertFalse(FusionCompat.enabled(null, p, manifest(12, "1.8.7")));
        assertFalse(FusionCompat.enabled(null, p, manifest(12, "1.9.5")));
        assertTrue(FusionCompat.enabled(null, p, manifest(12, "1.9.6")));
        assertTrue(FusionCompat.enabled(null, p, manifest(12, "1.10.0b2")));
        assertTrue(FusionCompat.enabled(null, p, manifest(12, "2.0.0-preview.126")), "a Fusion manifest");
        assertTrue(FusionCompat.enabled(null, p, manifest(20, null)), "Fusion's v20 schema");
        assertFalse(FusionCompat.enabled(null, p, manifest(12, null)), "an unknown version counts as old");
    }

    @Test
    void theFlagBeatsTheVarWhichBeatsTheVersion() {
        assertTrue(FusionCompat.enabled(null, project(Map.of("fusion-compat", true)), manifest(12, "1.8.0")));
        assertFalse(FusionCompat.enabled(null, project(Map.of("fusion_compat", "false")), manifest(12, "1.10.3")));
        assertFalse(FusionCompat.enabled(false, project(Map.of("fusion-compat", true)), manifest(12, "1.10.3")));
        assertTrue(FusionCompat.enabled(true, project(Map.of()), manifest(12, "1.5.0")));
    }

    @Test
    void aVarThatIsNotABooleanIsAUsageError() {
        OsmosisException e = assertThrows(OsmosisException.class,
                () -> FusionCompat.enabled(null, project(Map.of("fusion-compat", "sometimes")), manifest(12, "1.10")));
        assertEquals(OsmosisException.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("fusion-compat must be true or false"), e.getMessage());
    }
}
