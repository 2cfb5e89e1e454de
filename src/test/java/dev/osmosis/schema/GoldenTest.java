package dev.osmosis.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every folder under golden/ holds input.yml, edits.json and expected.yml (input.yml absent = new file).
 * Applying the edits to the input gives exactly the expected text, and applying them again changes nothing.
 */
class GoldenTest {
    private static final Path ROOT = Path.of("src/test/resources/golden");

    static Stream<String> cases() throws IOException {
        return dev.osmosis.testing.TestProjects.caseFolders(ROOT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void appliesEditsExactlyAndIdempotently(String name) throws IOException {
        Path dir = ROOT.resolve(name);
        Path inputFile = dir.resolve("input.yml");
        String input = Files.exists(inputFile) ? Files.readString(inputFile, StandardCharsets.UTF_8) : "";
        String expected = Files.readString(dir.resolve("expected.yml"), StandardCharsets.UTF_8);
        EditsJson.Case c = EditsJson.read(dir.resolve("edits.json"));

        YamlPatcher.Result result = YamlPatcher.patch(SchemaFile.parse(inputFile, input), c.edits());
        assertEquals(expected, result.text(), name);
        assertEquals(c.expectRefused(), result.refused().stream().map(YamlPatcher.Refusal::edit).toList(),
                "refused edits: " + result.refused());

        YamlPatcher.Result again = YamlPatcher.patch(SchemaFile.parse(inputFile, expected), c.edits());
        assertEquals(expected, again.text(), name + " is not idempotent");
        List<YamlEdit> refusedAgain = again.refused().stream().map(YamlPatcher.Refusal::edit).toList();
        assertEquals(c.expectRefused(), refusedAgain);
    }
}
