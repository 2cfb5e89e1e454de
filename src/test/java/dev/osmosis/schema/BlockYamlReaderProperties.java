package dev.osmosis.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.osmosis.testing.TestProjects;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The fast reader either declines or builds exactly SnakeYAML's tree: same shapes, tags, scalar values and styles,
 * the same start marks (line and column) everywhere and the same end marks for scalars and flow collections: the
 * marks {@link TextLayout} turns into the offsets the patcher splices at.
 */
class BlockYamlReaderProperties {
    private static final String[] PLAIN = {"plain words", "x", "2", "-3", "0.5", "1e3", "true", "no", "null", "~",
        "2024-01-01", "a:b", "http://x.y/z", "it's", "say \"hi\"", "a #b", "a#b", "é ü", "<<", "%x", "@x", "- x",
        "-x", "? x", "a: b", "a:", "*ref", "&anchor v", "!tag v", "|", ">-", "{}", "{a: 1}", "[]", "[a, b]",
        "['a', \"b\", 3]", "[a, [b]]", "[a,]", "'single'", "'it''s'", "\"double\"", "\"esc\\n\"", "\"open",
        "'open", "\"x\" y", "x\ty", "  lead", "trail  "};
    private static final String[] KEYS = {"name", "description", "columns", "meta", "tags", "config", "data_tests",
        "2", "true", "<<", "a b", "a:b", "\"quoted\"", "'q'", "-k", "k #c", "?k", "k "};

    @Property(tries = 2000)
    void declinesOrAgreesWithSnakeYaml(@ForAll long seed) {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder();
        if (r.nextInt(10) == 0) {
            b.append(r.nextBoolean() ? "---\n" : "# header\n\n");
        }
        block(r, b, 0, r.nextBoolean() ? 2 : 4, 0, false);
        String text = b.toString();
        if (r.nextInt(4) == 0 && !text.isEmpty()) {
            int at = r.nextInt(text.length());
            String noise = " \n-:#'\"[]{}\t\r,&*!|>x ".substring(r.nextInt(20)).substring(0, 1);
            text = r.nextBoolean() ? text.substring(0, at) + noise + text.substring(at)
                    : text.substring(0, at) + text.substring(at + 1);
        }
        assertAgrees(text);
    }

    /** Documents without exotic scalars must take the fast path: the reader is not allowed to decline everything. */
    @Property(tries = 300)
    void readsPlainBlockYaml(@ForAll long seed) {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder();
        block(r, b, 0, r.nextBoolean() ? 2 : 4, 0, true);
        String text = b.toString();
        assertNotNull(BlockYamlReader.read(text), "declined:\n" + text);
        assertAgrees(text);
    }

    @Test
    void declinesWhatItDoesNotRead() {
        for (String text : List.of("", "# only a comment\n", "a: &x 1\nb: *x\n", "a: |\n  text\n", "a: \"x\\ty\"\n",
                "a: b\n  c\n", "a: 1\r\nb: 2\r\n", "a:\n\t- b\n", "- a\n", "--- \na: 1\n", "a: {b: 1}\n",
                "a: !!str 1\n")) {
            assertNull(BlockYamlReader.read(text), text);
        }
    }

    /** Every real schema file of the corpus: where the reader takes it, the tree is SnakeYAML's. */
    @Test
    void agreesOnTheCorpus() throws IOException {
        int read = 0;
        int files = 0;
        for (String project : TestProjects.CORPUS) {
            Path models = TestProjects.corpus(project).resolve("models");
            if (!Files.isDirectory(models)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(models)) {
                for (Path p : walk.filter(x -> x.toString().endsWith(".yml")).toList()) {
                    String text = Files.readString(p, StandardCharsets.UTF_8);
                    files++;
                    read += assertAgrees(text) ? 1 : 0;
                }
            }
        }
        assertTrue(files > 0 && read * 2 >= files, read + " of " + files + " corpus files took the fast path");
    }

    /** True when the reader took the text. */
    private static boolean assertAgrees(String text) {
        Node fast = BlockYamlReader.read(text);
        Node slow;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(true);
            slow = new Yaml(options).compose(new StringReader(text));
        } catch (YAMLException e) {
            assertNull(fast, "read text SnakeYAML rejects (" + e.getMessage() + "):\n" + text);
            return false;
        }
        if (fast == null) {
            return false;
        }
        same(slow, fast, text, "$");
        return true;
    }

    private static void same(Node expected, Node actual, String text, String where) {
        String at = where + " in\n" + text;
        assertNotNull(expected, at);
        assertEquals(expected.getClass(), actual.getClass(), at);
        assertEquals(expected.getTag(), actual.getTag(), at);
        assertEquals(expected.getStartMark().getLine(), actual.getStartMark().getLine(), "start line of " + at);
        assertEquals(expected.getStartMark().getColumn(), actual.getStartMark().getColumn(), "start column of " + at);
        if (expected instanceof ScalarNode || TextLayout.isFlow(expected)) {
            assertEquals(expected.getEndMark().getLine(), actual.getEndMark().getLine(), "end line of " + at);
            assertEquals(expected.getEndMark().getColumn(), actual.getEndMark().getColumn(), "end column of " + at);
        }
        if (expected instanceof ScalarNode e) {
            assertEquals(e.getValue(), ((ScalarNode) actual).getValue(), at);
            assertEquals(e.getScalarStyle(), ((ScalarNode) actual).getScalarStyle(), at);
        } else if (expected instanceof SequenceNode e) {
            SequenceNode a = (SequenceNode) actual;
            assertEquals(e.getFlowStyle(), a.getFlowStyle(), at);
            assertEquals(e.getValue().size(), a.getValue().size(), at);
            for (int i = 0; i < e.getValue().size(); i++) {
                same(e.getValue().get(i), a.getValue().get(i), text, where + "[" + i + "]");
            }
        } else if (expected instanceof MappingNode e) {
            MappingNode a = (MappingNode) actual;
            assertEquals(e.getFlowStyle(), a.getFlowStyle(), at);
            assertEquals(e.getValue().size(), a.getValue().size(), at);
            for (int i = 0; i < e.getValue().size(); i++) {
                same(e.getValue().get(i).getKeyNode(), a.getValue().get(i).getKeyNode(), text, where + ".key" + i);
                same(e.getValue().get(i).getValueNode(), a.getValue().get(i).getValueNode(), text, where + "." + i);
            }
        } else {
            fail("unexpected node " + expected);
        }
    }

    /** A block mapping (or, below the top, sometimes a sequence) at {@code indent}. */
    private static void block(Random r, StringBuilder b, int indent, int step, int depth, boolean tame) {
        int keys = 1 + r.nextInt(4);
        for (int k = 0; k < keys; k++) {
            decorate(r, b, indent, tame);
            b.append(" ".repeat(indent)).append(tame ? pick(r, KEYS, 7) : pick(r, KEYS, KEYS.length)).append(':');
            value(r, b, indent, step, depth, tame, true);
        }
    }

    private static void value(Random r, StringBuilder b, int indent, int step, int depth, boolean tame,
                              boolean mappingValue) {
        int kind = depth >= 3 ? 0 : r.nextInt(5);
        if (kind == 0) {
            String v = tame ? pick(r, PLAIN, 14) : pick(r, PLAIN, PLAIN.length);
            b.append(r.nextInt(6) == 0 ? "" : " " + v).append(r.nextInt(8) == 0 ? "  # note" : "").append('\n');
        } else if (kind <= 2) {
            b.append('\n');
            block(r, b, indent + step, step, depth + 1, tame);
        } else {
            b.append('\n');
            int dash = mappingValue && r.nextBoolean() ? indent : indent + step;
            int items = 1 + r.nextInt(3);
            for (int i = 0; i < items; i++) {
                decorate(r, b, dash, tame);
                b.append(" ".repeat(dash)).append('-');
                if (r.nextBoolean()) {
                    // "- key: v" then more keys aligned after the dash
                    b.append(' ').append(pick(r, KEYS, tame ? 7 : KEYS.length)).append(':');
                    value(r, b, dash + 2, step, depth + 1, tame, true);
                    if (r.nextBoolean()) {
                        block(r, b, dash + 2, step, depth + 1, tame);
                    }
                } else {
                    value(r, b, dash, step, depth + 1, tame, false);
                }
            }
        }
    }

    /** Blank lines and comments between entries; now and then (not tame) a stray indent. */
    private static void decorate(Random r, StringBuilder b, int indent, boolean tame) {
        switch (r.nextInt(12)) {
            case 0 -> b.append('\n');
            case 1 -> b.append(" ".repeat(r.nextInt(indent + 3))).append("# comment\n");
            case 2 -> b.append(tame ? "" : " ");
            default -> { }
        }
    }

    private static String pick(Random r, String[] options, int limit) {
        return options[r.nextInt(Math.min(limit, options.length))];
    }
}
