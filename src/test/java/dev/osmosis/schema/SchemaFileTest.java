package dev.osmosis.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.OsmosisException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaFileTest {
    private static final Path P = Path.of("models/schema.yml");

    @Test
    void readsEntriesColumnsTagsAndMetaFromBothPlaces() {
        SchemaFile f = SchemaFile.parse(P, """
                version: 2
                models:
                  - name: orders
                    description: '{{ doc("orders") }}'
                    tags: [a]
                    config:
                      tags: b
                      meta: {owner: x}
                    columns:
                      - name: ID
                        data_type: int
                        description: >
                          Folded
                          text
                        constraints: [{type: not_null}]
                        config:
                          meta: {pii: true}
                sources:
                  - name: raw
                    tables:
                      - name: t1
                      - name: t2
                seeds:
                  - name: s
                snapshots:
                  - name: snap
                metrics:
                  - name: ignored
                """);
        assertTrue(f.hasVersion());
        assertEquals(5, f.entries().size());
        SchemaEntry orders = f.find(EntryRef.model("ORDERS")).orElseThrow();
        assertEquals("{{ doc(\"orders\") }}", orders.description());
        assertEquals(List.of("a", "b"), orders.tags());
        assertEquals(Placement.BOTH, orders.tagsAt());
        assertEquals(Map.of("owner", "x"), orders.meta());
        assertEquals(Placement.CONFIG, orders.metaAt());
        assertEquals(List.of("config", "meta"), orders.metaAt().editPath("meta"));
        assertEquals(List.of("tags"), orders.tagsAt().editPath("tags"));
        SchemaColumn id = orders.column("id").orElseThrow();
        assertEquals("int", id.dataType());
        assertEquals("Folded text\n", id.description());
        assertEquals(Map.of("pii", true), id.meta());
        assertTrue(id.other().containsKey("constraints"));
        assertEquals(10, id.line());
        assertEquals(List.of("t1", "t2"), f.entries(EntryKind.SOURCE).stream().map(SchemaEntry::name).toList());
        assertEquals("raw", f.entries(EntryKind.SOURCE).get(0).sourceName());
        assertEquals(1, f.entries(EntryKind.SEED).size());
        assertEquals(1, f.entries(EntryKind.SNAPSHOT).size());
        assertEquals("\n", f.lineEnding());
    }

    @Test
    void emptyAndForeignFilesHaveNoEntries() {
        assertTrue(SchemaFile.parse(P, "").entries().isEmpty());
        assertTrue(SchemaFile.parse(P, "# only a comment\n").entries().isEmpty());
        assertTrue(SchemaFile.parse(P, "packages:\n  - package: x\n").entries().isEmpty());
        assertTrue(SchemaFile.parse(P, "- a\n- b\n").entries().isEmpty());
        assertFalse(SchemaFile.parse(P, "").hasVersion());
        assertEquals("\r\n", SchemaFile.parse(P, "version: 2\r\n").lineEnding());
    }

    @Test
    void invalidYamlReportsFileLineAndColumn() {
        SchemaParseException e = assertThrows(SchemaParseException.class,
                () -> SchemaFile.parse(P, "version: 2\nmodels:\n  - name: a\n   bad: [\n"));
        assertEquals(P, e.file());
        assertTrue(e.line() >= 4, "line " + e.line());
        assertTrue(e.getMessage().startsWith(P + ":"), e.getMessage());
        assertEquals(OsmosisException.FAILURE, e.exitCode());
        SchemaParseException twoDocs = assertThrows(SchemaParseException.class,
                () -> SchemaFile.parse(P, "a: 1\n---\nb: 2\n"));
        assertEquals(2, twoDocs.line());
        assertTrue(twoDocs.getMessage().contains("a second YAML document starts here"), twoDocs.getMessage());
    }

    @Test
    void applyThrowsForMissingTargetsAndPatchReportsThem() {
        SchemaFile f = SchemaFile.parse(P, "version: 2\nmodels:\n  - name: m\n");
        YamlEdit missing = YamlEdit.setDescription(EntryRef.model("nope"), null, "x");
        assertThrows(SchemaEditException.class, () -> YamlPatcher.apply(f, List.of(missing)));
        YamlPatcher.Result r = YamlPatcher.patch(f, List.of(missing, YamlEdit.setDescription(EntryRef.model("m"),
                null, "d")));
        assertEquals(1, r.refused().size());
        assertTrue(r.changed(f));
        assertTrue(r.text().contains("description: d"));
        assertThrows(SchemaEditException.class, () -> YamlPatcher.apply(f,
                List.of(YamlEdit.setDescription(EntryRef.model("m"), "no_col", "x"))));
        assertThrows(IllegalArgumentException.class, () -> new YamlEdit.SetValue(EntryRef.model("m"), null,
                List.of("meta"), new Object()));
    }

    @Test
    void writerIsAtomicKeepsModeAndSkipsUnchanged(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("a/b/new.yml");
        assertTrue(SchemaWriter.write(file, "version: 2\n"));
        assertEquals("version: 2\n", Files.readString(file));
        assertFalse(SchemaWriter.write(file, "version: 2\n"));
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw----"));
            assertTrue(SchemaWriter.write(file, "version: 2\nmodels: []\n"));
            assertEquals("rw-rw----", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(file)));
        }
        try (var listing = Files.list(file.getParent())) {
            assertEquals(1, listing.count(), "no temp files left behind");
        }
    }

    @Test
    void unifiedDiffHasGitHeadersAndContext() {
        String before = "a\nb\nc\nd\ne\nf\ng\nh\n";
        String after = "a\nb\nc\nd\nE\nf\ng\nh\n";
        String diff = UnifiedDiff.of(Path.of("models/x.yml"), before, after);
        assertEquals("--- a/models/x.yml\n+++ b/models/x.yml\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n", diff);
        assertEquals("", UnifiedDiff.of(Path.of("x"), before, before));
        assertTrue(UnifiedDiff.of(Path.of("n.yml"), "", "version: 2\n").startsWith(
                "--- /dev/null\n+++ b/n.yml\n@@ -0,0 +1,1 @@\n+version: 2\n"));
    }

    @Test
    void descriptionAbsentIsNull() {
        SchemaFile f = SchemaFile.parse(P, "models:\n  - name: m\n    columns:\n      - name: c\n        description:\n");
        assertNull(f.entries().get(0).description());
        assertNull(f.entries().get(0).columns().get(0).description());
        assertEquals(Placement.NONE, f.entries().get(0).metaAt());
    }
}
