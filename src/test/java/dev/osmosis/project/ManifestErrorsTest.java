package dev.osmosis.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.OsmosisException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestErrorsTest {
    @TempDir Path dir;

    private OsmosisException readFails(String content) throws IOException {
        Path file = dir.resolve("manifest.json");
        Files.writeString(file, content);
        return assertThrows(OsmosisException.class, () -> new ManifestReader().read(file));
    }

    @Test
    void missingManifestTellsTheUserToRunDbtParse() {
        OsmosisException e = assertThrows(OsmosisException.class,
                () -> new ManifestReader().read(dir.resolve("nope.json")));
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().contains("dbt parse"), e.getMessage());
    }

    @Test
    void corruptJsonNamesFileAndPosition() throws IOException {
        OsmosisException e = readFails("{\"metadata\": {\"dbt_schema_version\": \n  \"x\" ,, }");
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().contains("manifest.json"), e.getMessage());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void truncatedFileIsReportedNotCrashed() throws IOException {
        OsmosisException e = readFails("{\"metadata\": {\"dbt_schema_version\": "
                + "\"https://schemas.getdbt.com/dbt/manifest/v12.json\"}, \"nodes\": {\"model.a.b\": {\"name\"");
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
        assertTrue(!e.getMessage().contains("Source:") && !e.getMessage().contains("StreamReadFeature"),
                "no parser internals: " + e.getMessage());
    }

    @Test
    void unsupportedSchemaVersionsAreRefusedWithAHint() throws IOException {
        OsmosisException old = readFails(
                "{\"metadata\": {\"dbt_schema_version\": \"https://schemas.getdbt.com/dbt/manifest/v3.json\"}}");
        assertTrue(old.getMessage().contains("v3") && old.getMessage().contains("Upgrade dbt"), old.getMessage());
        OsmosisException future = readFails(
                "{\"metadata\": {\"dbt_schema_version\": \"https://schemas.getdbt.com/dbt/manifest/v13.json\"}}");
        assertTrue(future.getMessage().contains("v13"), future.getMessage());
        assertEquals(2, future.exitCode());
    }

    @Test
    void aJsonFileThatIsNoManifestIsNamedAsSuch() throws IOException {
        assertTrue(readFails("[1, 2]").getMessage().contains("not a dbt manifest"));
        assertTrue(readFails("{\"nodes\": {}}").getMessage().contains("no `metadata`"));
    }

    @Test
    void readsOnlyDocumentableNodesAndNormalisesPaths() throws IOException {
        Path file = dir.resolve("manifest.json");
        Files.writeString(file, """
                {"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/manifest/v12.json",
                              "project_name": "p"},
                 "nodes": {
                   "model.p.a": {"unique_id": "model.p.a", "resource_type": "model", "name": "a",
                     "package_name": "p", "original_file_path": "models\\\\a.sql",
                     "patch_path": "p://models\\\\schema.yml", "raw_code": "select 1",
                     "columns": {"id": {"name": "ID", "description": "the id"}},
                     "depends_on": {"nodes": ["source.p.raw.t"], "macros": ["macro.x"]},
                     "config": {"materialized": "view"}},
                   "test.p.t1": {"unique_id": "test.p.t1", "resource_type": "test", "name": "t1"}
                 },
                 "sources": {"source.p.raw.t": {"unique_id": "source.p.raw.t", "resource_type": "source",
                   "name": "t", "source_name": "raw", "package_name": "p",
                   "original_file_path": "models/src.yml"}},
                 "parent_map": {"model.p.a": ["source.p.raw.t"]},
                 "disabled": {"model.p.off": [{"unique_id": "model.p.off"}]}
                }
                """);
        Manifest m = new ManifestReader().read(file);
        assertEquals(2, m.nodes().size());
        Node a = m.node("model.p.a").orElseThrow();
        assertEquals("models/a.sql", a.originalFilePath());
        assertEquals("models/schema.yml", a.patchPath());
        assertEquals("select 1", a.sql());
        assertEquals("view", a.materialized());
        assertEquals("the id", a.column("id").orElseThrow().description());
        assertEquals("raw.t", m.node("source.p.raw.t").orElseThrow().displayName());
        assertTrue(m.disabled().contains("model.p.off"));
    }

    @Test
    void catalogErrorsAreClear() throws IOException {
        OsmosisException missing = assertThrows(OsmosisException.class,
                () -> new CatalogReader().read(dir.resolve("catalog.json")));
        assertTrue(missing.getMessage().contains("dbt docs generate"), missing.getMessage());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"nodes\": {");
        OsmosisException corrupt = assertThrows(OsmosisException.class, () -> new CatalogReader().read(bad));
        assertEquals(2, corrupt.exitCode());
    }
}
