package dev.osmosis.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.cli.CliHarness;
import dev.osmosis.testing.TestProjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A decision on a file the write gate refuses (here a schema file linked to outside the project) is not taken:
 * the summary counts only the descriptions in files written, not every one chosen.
 */
class ReviewRefusedWriteTest {
    @TempDir Path tmp;

    @Test
    void aRefusedFileIsNotCountedAsDecided() throws Exception {
        Path root = TestProjects.copy(TestProjects.corpus("jaffle_shop_classic"), tmp.resolve("project"));
        Path schema = root.resolve("models/schema.yml");
        Path outside = Files.createDirectories(tmp.resolve("outside")).resolve("schema.yml");
        Files.writeString(outside, Files.readString(schema).replace(
                "        description: This is a unique identifier for a customer\n",
                "        description: An AI text.\n        meta: {osmosis_generated: true}\n"));
        Files.delete(schema);
        Files.createSymbolicLink(schema, outside);
        String before = Files.readString(outside);

        CliHarness.Result r = CliHarness.run(Map.of("OSMOSIS_HOME", tmp.resolve("home").toString()), "review",
                "--accept", "--all", "--project-dir", root.toString());

        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("cannot write models/schema.yml: it resolves through a symbolic link"), r.err());
        assertTrue(r.err().contains("accepted 0 description(s) in 0 file(s)"), r.err());
        assertEquals(before, Files.readString(outside), "the file outside is untouched");
    }
}
