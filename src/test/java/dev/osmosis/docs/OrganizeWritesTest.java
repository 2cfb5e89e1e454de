package dev.osmosis.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.cli.CliHarness;
import dev.osmosis.testing.TestProjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `yaml organize` previews every move, and never loses or duplicates an entry when a file cannot be written. */
class OrganizeWritesTest {
    @TempDir Path tmp;
    Path root;

    @BeforeEach
    void project() throws Exception {
        Path golden = TestProjects.resource("golden-docs/organize-moves");
        root = TestProjects.copy(golden.resolve("input"), tmp.resolve("project"));
        GoldenProject.write(golden.resolve("case.json"), root, GoldenDocumentTest.DEFAULT_PROJECT);
    }

    @Test
    void dryRunCheckShowsEachMoveAndWritesNothing() throws Exception {
        Map<String, String> before = TestProjects.snapshot(root);

        CliHarness.Result r = CliHarness.run("yaml", "organize", "--dry-run", "--check", "--auto-apply",
                "--project-dir", root.toString());

        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.out().contains("move model customers: models/schema.yml -> models/_customers.yml"), r.out());
        assertTrue(r.out().contains("move source raw: models/schema.yml -> models/staging/raw_sources.yml"), r.out());
        assertTrue(r.out().contains("move seed countries: seeds/properties.yml -> seeds/_seeds.yml"), r.out());
        assertTrue(r.out().contains("+++ /dev/null"), "an emptied file shows as deleted: " + r.out());
        assertTrue(r.err().contains("--check: 5 file(s) would change"), r.err());
        assertEquals(before, TestProjects.snapshot(root));
    }

    @Test
    void aMoveIsMadeWholeOrNotAtAll() throws Exception {
        // the source's target cannot be written (a folder holds its name): every file linked to it stays as it was
        Files.createDirectories(root.resolve("models/staging/raw_sources.yml"));
        Files.writeString(root.resolve("models/staging/raw_sources.yml/keep.txt"), "x");
        String schema = Files.readString(root.resolve("models/schema.yml"));

        CliHarness.Result r = CliHarness.run("yaml", "organize", "--project-dir", root.toString());

        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("raw_sources.yml"), r.err());
        assertEquals(schema, Files.readString(root.resolve("models/schema.yml")), "the removals are not written");
        assertFalse(Files.exists(root.resolve("models/_customers.yml")), "a file written before the failure is "
                + "rolled back, so customers is not declared twice");
        assertFalse(Files.exists(root.resolve("seeds/properties.yml")), "an unrelated move is still made");
        assertTrue(Files.readString(root.resolve("seeds/_seeds.yml")).contains("- name: countries"));
    }
}
