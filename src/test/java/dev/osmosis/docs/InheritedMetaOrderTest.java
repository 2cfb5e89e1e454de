package dev.osmosis.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.osmosis.cli.CliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inherited meta keys are written in a fixed order: the parents' own order, farthest ancestor first. Parents known
 * only from the manifest (no YAML entry: a package's models, a source whose file is elsewhere) once had their meta
 * copied into an immutable map whose iteration order changes from one JVM to the next, so the same project gave
 * different YAML on every run.
 */
class InheritedMetaOrderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> KEYS_A = List.of("owner", "pii", "zone", "alpha", "retention", "beta", "gamma",
            "source_system", "k01", "k02", "domain", "contains_pii");
    @TempDir Path tmp;

    @Test
    void metaFromManifestOnlyParentsIsWrittenInTheParentsOrder() throws Exception {
        Path root = tmp.resolve("p");
        Files.createDirectories(root.resolve("models"));
        Files.writeString(tmp.resolve("case.json"), """
                {"nodes": {
                  "source.p.raw.a": {"file": "models/elsewhere.yml"},
                  "source.p.raw.b": {"file": "models/elsewhere.yml"},
                  "model.p.stg": {"file": "models/stg.sql", "parents": ["source.p.raw.a", "source.p.raw.b"]}}}
                """);
        GoldenProject.write(tmp.resolve("case.json"), root, "name: p\n");
        Path manifestFile = root.resolve("target/manifest.json");
        ObjectNode manifest = (ObjectNode) JSON.readTree(manifestFile.toFile());
        ObjectNode metaA = column(manifest, "source.p.raw.a");
        KEYS_A.forEach(k -> metaA.put(k, k + " of a"));
        ObjectNode metaB = column(manifest, "source.p.raw.b");
        metaB.put("zone", "zone of b");
        metaB.put("b_only_2", "x");
        metaB.put("b_only_1", "y");
        Files.writeString(manifestFile, JSON.writeValueAsString(manifest));
        Files.writeString(root.resolve("models/schema.yml"), """
                version: 2
                models:
                  - name: stg
                    columns:
                      - name: id
                """);

        CliHarness.Result r = CliHarness.run(Map.of("OSMOSIS_HOME", tmp.resolve("home").toString()), "yaml",
                "document", "--project-dir", root.toString());

        assertEquals(0, r.exitCode(), r.err());
        // the parents in id order (a, b) merge from the last to the first: b's keys first, a's value wins a shared key
        StringBuilder expected = new StringBuilder("""
                version: 2
                models:
                  - name: stg
                    columns:
                      - name: id
                        meta:
                          zone: zone of a
                          b_only_2: x
                          b_only_1: "y"
                """);
        KEYS_A.stream().filter(k -> !k.equals("zone")).forEach(k -> expected.append("          ").append(k)
                .append(": ").append(k).append(" of a\n"));
        assertEquals(expected.toString(), Files.readString(root.resolve("models/schema.yml")));
    }

    private static ObjectNode column(ObjectNode manifest, String sourceId) {
        ObjectNode id = ((ObjectNode) manifest.get("sources").get(sourceId)).putObject("columns").putObject("id");
        id.put("name", "id").put("description", "");
        return id.putObject("meta");
    }
}
