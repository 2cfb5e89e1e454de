package dev.osmosis.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Multi-line text (what inheritance copies from a {@code |}, {@code |-}, {@code |+} or {@code >} block) reads back
 * as the same string wherever the emitter's lines land: before another column, before a blank line or a comment,
 * at the end of the file, and after --strip-eof-blank-lines.
 */
class BlockTextProperties {
    private static final Yaml PYYAML = new Yaml(new SafeConstructor(new LoaderOptions()),
            new Representer(new DumperOptions()), new DumperOptions(), new LoaderOptions(), new PyYamlResolver());
    private static final List<String> AFTER = List.of("", "\n", "\n\n", "      - name: next\n",
            "\n      - name: next\n", "\n\n# a comment\n", "  # a comment\n");

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("ab #:-\t\n\n\n é").ofMinLength(1).ofMaxLength(24)
                .filter(s -> s.indexOf('\n') >= 0);
    }

    @Property(tries = 300)
    void textReadsBackTheSameWhateverFollows(@ForAll("texts") String text, @ForAll boolean folded,
                                             @ForAll boolean stripEof) {
        for (String after : AFTER) {
            String yaml = document(text, folded, after);
            String written = stripEof ? EofBlankLines.strip(yaml) : yaml;
            assertEquals(text, description(written), written);
        }
    }

    @Example
    void keptTrailingBlankLinesSurviveAFollowingBlankLineAndTheEndOfTheFile() {
        String text = "Line one.\n\nLine two.\n\n\n";
        for (String after : AFTER) {
            assertEquals(text, description(EofBlankLines.strip(document(text, false, after))));
            assertEquals(text, description(document(text, false, after)));
        }
    }

    private static String document(String text, boolean folded, String after) {
        Emitter emitter = new Emitter(IndentStyle.DEFAULT);
        List<String> lines = folded && !Emitter.isInline(text)
                ? prefixed(emitter.blockScalar(text, 10, 8, true))
                : emitter.keyValue("description", text, 8);
        return "version: 2\nmodels:\n  - name: m\n    columns:\n      - name: c\n" + String.join("\n", lines) + "\n"
                + after;
    }

    private static List<String> prefixed(List<String> block) {
        List<String> out = new java.util.ArrayList<>(block);
        out.set(0, "        description: " + block.get(0));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object description(String yaml) {
        Map<String, Object> doc = PYYAML.load(yaml);
        Map<String, Object> model = ((List<Map<String, Object>>) doc.get("models")).get(0);
        return ((List<Map<String, Object>>) model.get("columns")).get(0).get("description");
    }
}
