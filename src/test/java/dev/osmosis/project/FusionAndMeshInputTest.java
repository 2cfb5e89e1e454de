package dev.osmosis.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.OsmosisException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shapes of dbt Fusion manifests and dbt-loom configuration that the corpus projects do not all show. */
class FusionAndMeshInputTest {
    @TempDir Path dir;

    /** Early Fusion previews: a v20 schema URL, keys sorted (metadata last), nulls for meta, tags and config. */
    @Test
    void earlyFusionManifestsWithNullsAreRead() throws IOException {
        Path file = dir.resolve("manifest.json");
        Files.writeString(file, """
                {"nodes": {"model.p.orders": {"resource_type": "model", "unique_id": "model.p.orders",
                  "package_name": "p", "name": "orders", "original_file_path": "models/orders.sql",
                  "patch_path": "models/orders.yml", "meta": null, "tags": null, "config": null,
                  "columns": {"ID": {"name": "ID", "data_type": "NUMBER", "description": "", "meta": {"a": null}}}}},
                 "metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/manifest/v20.json",
                  "dbt_version": "2.0.0-beta.49", "project_name": "p"}}
                """);
        Manifest manifest = new ManifestReader().read(file);
        assertEquals(20, manifest.schemaVersion());
        assertTrue(manifest.isFusion());
        Node orders = manifest.node("model.p.orders").orElseThrow();
        assertEquals("models/orders.yml", orders.patchPath());
        assertEquals(Map.of(), orders.meta());

        Catalog inferred = FusionManifest.inferredCatalog(manifest);
        assertEquals("NUMBER", inferred.table("model.p.orders").orElseThrow().column("id").orElseThrow().type());
        assertTrue(inferred.table("model.p.orders").orElseThrow().inferred());
        assertEquals(List.of(), FusionManifest.declaredOnly(manifest).node("model.p.orders").orElseThrow().columns(),
                "an inferred column is not a declared one");
    }

    @Test
    void dbtCoreManifestsAreNotFusion() {
        assertTrue(!new Manifest(12, "p", "1.10.3", Map.of(), Map.of(), java.util.Set.of()).isFusion());
        assertTrue(new Manifest(12, "p", "2.0.0-preview.126", Map.of(), Map.of(), java.util.Set.of()).isFusion());
    }

    @Test
    void loomPathsRenderEnvVarsWithDefaults() {
        assertEquals("/ci/upstream/manifest.json", UpstreamManifests.render(
                "{{ env_var('UPSTREAM', '../upstream/target/manifest.json') }}", Map.of("UPSTREAM",
                        "/ci/upstream/manifest.json")));
        assertEquals("../upstream/target/manifest.json", UpstreamManifests.render(
                "{{ env_var(\"UPSTREAM\", \"../upstream/target/manifest.json\") }}", Map.of()));
        OsmosisException missing = assertThrows(OsmosisException.class,
                () -> UpstreamManifests.render("{{ env_var('UPSTREAM') }}", Map.of()));
        assertTrue(missing.getMessage().contains("UPSTREAM") && missing.getMessage().contains("--upstream-manifest"),
                missing.getMessage());
    }

    @Test
    void loomConfigIsReadAndOverriddenByTheFlag() throws IOException {
        Files.writeString(dir.resolve("dbt_loom.config.yml"), """
                manifests:
                  - name: platform
                    type: file
                    config:
                      path: '{{ env_var("PLATFORM", "../platform/target/manifest.json") }}'
                  - name: finance
                    config:
                      path: /ci/finance/target/manifest.json
                  - name: remote
                    type: s3
                    config: {bucket_name: b}
                """);
        DbtProject config = new DbtProject("downstream", List.of("models"), List.of(), List.of(), "target",
                Map.of(), Map.of());
        List<UpstreamManifests.Upstream> found = new UpstreamManifests().find(dir, config,
                Map.of("finance", dir.resolve("../finance.json")), Map.of());
        assertEquals(2, found.size());
        assertEquals(dir.resolve("../finance.json").normalize(), found.get(0).manifest());
        assertEquals("--upstream-manifest", found.get(0).namedBy());
        assertEquals(dir.resolve("../platform/target/manifest.json").normalize(), found.get(1).manifest());
    }

    @Test
    void badUpstreamFlagSaysWhatItTakes() {
        OsmosisException e = assertThrows(OsmosisException.class,
                () -> UpstreamManifests.parseOverrides(List.of("upstream")));
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().contains("NAME=PATH"), e.getMessage());
        assertEquals(Map.of("up", Path.of("x.json")), UpstreamManifests.parseOverrides(List.of("up=x.json")));
    }
}
