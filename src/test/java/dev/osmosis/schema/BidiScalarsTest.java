package dev.osmosis.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.text.TerminalText;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A value holding a bidirectional control (U+202E reverses what follows in an editor, a diff, a review) is written
 * double-quoted with \\u escapes, never raw, and reads back as the same string. PyYAML reads these escapes the same
 * way (checked by hand: {@code yaml.safe_load('d: "a\\u202Eb"')['d'] == 'a\u005Cu202Eb'}).
 */
class BidiScalarsTest {
    private static final Path P = Path.of("models/schema.yml");

    @Test
    void aDescriptionWithBidiIsDoubleQuotedWithEscapes() {
        SchemaFile file = SchemaFile.parse(P, "version: 2\nmodels:\n  - name: m\n    columns:\n      - name: id\n");
        String text = "Key \u202Eterces\u202C and \u2066isolate\u2069 \u200F\u061C";
        String out = YamlPatcher.apply(file, List.of(new YamlEdit.SetValue(EntryRef.model("m"), "id",
                List.of("description"), text)));
        assertTrue(out.contains("description: \"Key \\u202Eterces\\u202C and \\u2066isolate\\u2069 \\u200F\\u061C\""),
                out);
        assertTrue(out.chars().noneMatch(TerminalText::isBidi), out);
        assertEquals(text, SchemaFile.parse(P, out).entries().get(0).columns().get(0).description());
    }

    /** Any text with bidi or control characters reads back exactly, with none of them raw in the file. */
    @Property(tries = 500)
    void everyScalarReadsBackWithNoBidiRaw(@ForAll("texts") String text) {
        for (boolean flow : List.of(false, true)) {
            String scalar = YamlScalars.inline(text, flow);
            assertFalse(scalar.chars().anyMatch(TerminalText::isBidi), scalar);
            Map<String, Object> read = new Yaml(new LoaderOptions()).load("k: " + scalar);
            assertEquals(text, String.valueOf(read.get("k")), scalar);
        }
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("ab {}:#'\"\\\u202A\u202E\u2066\u2069\u200E\u200F\u061C\u00E9")
                .ofMinLength(1).ofMaxLength(20).filter(s -> s.chars().anyMatch(TerminalText::isBidi));
    }
}
