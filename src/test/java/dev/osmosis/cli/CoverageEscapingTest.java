package dev.osmosis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.testing.TestProjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A column name holding ESC[2K and a right-to-left override is shown escaped by `coverage`, as text, for CI and
 * as JSON (printed to a terminal or a CI log as often as read by a program; a JSON escape reads back the same).
 */
class CoverageEscapingTest {
    @TempDir Path tmp;

    @Test
    void aColumnNameWithControlsIsShownEscaped() throws Exception {
        Path root = TestProjects.copy(TestProjects.corpus("jaffle_shop_classic"), tmp.resolve("project"));
        Path schema = root.resolve("models/schema.yml");
        Files.writeString(schema, Files.readString(schema).replaceFirst("    columns:\n",
                "    columns:\n      - name: \"evil\\\\e[2K\\\\u202Ecol\"\n"));
        Map<String, String> env = Map.of("OSMOSIS_HOME", tmp.resolve("home").toString());

        for (String format : new String[] {"text", "github", "junit", "json"}) {
            CliHarness.Result r = CliHarness.run(env, "coverage", "--format", format, "--project-dir",
                    root.toString());
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.out().chars().noneMatch(c -> c == 0x1B || c == 0x202E), format + ": " + r.out());
            assertTrue(r.out().contains("evil\\u001B[2K\\u202Ecol"), format + ": " + r.out());
        }
    }
}
