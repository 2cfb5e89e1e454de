package dev.osmosis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.testing.TestProjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A "billion laughs" schema file in a project: `yaml document` reports it as unreadable, leaves it untouched,
 * writes the other files and exits 1, as for any schema file it cannot parse (it ran out of memory after 20 s).
 */
class HostileSchemaFileTest {
    @TempDir Path tmp;

    @Test
    void aBillionLaughsFileIsReportedAndLeftAloneWhileTheRestIsWritten() throws Exception {
        Path root = TestProjects.copy(Path.of("examples/shopverse"), tmp.resolve("project"));
        Path bomb = root.resolve("models/gold/model.yml");
        StringBuilder laughs = new StringBuilder("x-laughs:\n  l0: &l0 ["
                + String.join(",", Collections.nCopies(9, "\"lol\"")) + "]\n");
        for (int i = 1; i < 9; i++) {
            laughs.append("  l").append(i).append(": &l").append(i).append(" [")
                    .append(String.join(",", Collections.nCopies(9, "*l" + (i - 1)))).append("]\n");
        }
        Files.writeString(bomb, laughs + Files.readString(bomb));
        String before = Files.readString(bomb);

        CliHarness.Result r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliHarness.run(
                Map.of("OSMOSIS_HOME", tmp.resolve("home").toString()), "yaml", "document", "--project-dir",
                root.toString()));

        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("models/gold/model.yml:7: cannot be read: its aliases"), r.err());
        assertTrue(r.err().contains("billion laughs"), r.err());
        assertEquals(before, Files.readString(bomb), "the file is left untouched");
        assertTrue(Files.isRegularFile(root.resolve("seeds/schema.yml")), "the other files are written: " + r.err());
    }
}
