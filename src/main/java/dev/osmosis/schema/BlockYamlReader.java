package dev.osmosis.schema;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A line-based reader for the block YAML that schema files are almost always written in: block mappings and
 * sequences, one-line plain, quoted and flow-sequence scalars (read by {@link InlineValues}), comments. It builds
 * the same node tree SnakeYAML's composer would (tags, values, styles, every start mark and the end marks of scalars
 * and flow collections, which is what {@link TextLayout} maps to offsets) several times faster, because it walks
 * lines instead of running SnakeYAML's character scanner, token queue and event parser.
 *
 * <p>It is a fast path, not a parser: whatever it is not sure of (anchors, aliases, tags, block or multi-line
 * scalars, flow mappings, escapes, tabs, CR line breaks, document markers, anything odd) makes it decline with
 * {@code null}, and the caller composes the text with SnakeYAML. The jqwik property {@code BlockYamlReaderProperties}
 * checks that on generated YAML it either declines or agrees with SnakeYAML. See docs/adr/0202.
 */
final class BlockYamlReader {
    /** Thrown (without a stack trace) when the text needs the full parser. */
    static final class Decline extends RuntimeException {
        static final Decline INSTANCE = new Decline();

        private Decline() {
            super(null, null, false, false);
        }
    }

    private final String text;
    /**
     * The text's characters: the reader looks at every one, and {@code String.charAt} (a coder test and a bounds
     * check behind a call) was a fifth of a large project's parse time under C1, the launcher's only compiler.
     */
    private final char[] chars;
    private final InlineValues values;
    /** Start offset of every line; a trailing empty line has start == text length. */
    private final int[] starts;
    private final int lines;
    private int line;

    private BlockYamlReader(String text) {
        this.text = text;
        this.chars = text.toCharArray();
        this.values = new InlineValues(text, chars);
        int[] s = new int[Math.max(16, text.length() / 24)];
        int n = 0;
        s[n++] = 0;
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= ' ' && c < '\u007F') {
                continue; // printable ASCII, nearly every character: two comparisons instead of eight
            }
            if (c == '\n') {
                if (n == s.length) {
                    s = java.util.Arrays.copyOf(s, n * 2);
                }
                s[n++] = i + 1;
            } else if (c < ' ' || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\uFEFF'
                    || Character.isSurrogate(c) || c >= '\u007F' && c <= '\u009F') {
                // tabs, CRs, other control characters, unusual line breaks and astral characters: the full parser
                throw Decline.INSTANCE;
            }
        }
        this.starts = s;
        this.lines = n;
    }

    /**
     * The root node of {@code text} (BOM already removed), or null when the reader declines. An empty document
     * also needs SnakeYAML's answer, so it is declined too.
     */
    static Node read(String text) {
        try {
            BlockYamlReader r = new BlockYamlReader(text);
            r.skipBlank();
            if (r.line >= r.lines || r.startsSequence(r.indent(r.line))) {
                return null;
            }
            Node root = r.mapping(r.indent(r.line));
            r.skipBlank();
            return r.line >= r.lines ? root : null;
        } catch (Decline e) {
            return null;
        }
    }

    private int lineEnd(int l) {
        return l + 1 < lines ? starts[l + 1] - 1 : text.length();
    }

    private int indent(int l) {
        int i = starts[l];
        int end = lineEnd(l);
        while (i < end && chars[i] == ' ') {
            i++;
        }
        return i - starts[l];
    }

    /** Moves past blank and comment-only lines; rejects document markers and directives. */
    private void skipBlank() {
        while (line < lines) {
            int s = starts[line];
            int end = lineEnd(line);
            int i = s + indent(line);
            if (i < end && chars[i] != '#') {
                if (i == s && (chars[s] == '%' || text.startsWith("---", s) || text.startsWith("...", s))) {
                    throw Decline.INSTANCE;
                }
                return;
            }
            line++;
        }
    }

    private boolean startsSequence(int column) {
        int i = starts[line] + column;
        int end = lineEnd(line);
        return i < end && chars[i] == '-' && (i + 1 == end || chars[i + 1] == ' ');
    }

    private Mark mark(int l, int column) {
        return InlineValues.mark(l, starts[l], starts[l] + column);
    }

    /** A block mapping whose keys sit at {@code column}; the first key is on the current line at that column. */
    private MappingNode mapping(int column) {
        Mark start = mark(line, column);
        List<NodeTuple> tuples = new ArrayList<>();
        do {
            tuples.add(entry(column));
        } while (continues(column, false));
        return new MappingNode(Tag.MAP, true, tuples, start, start, DumperOptions.FlowStyle.BLOCK);
    }

    /**
     * After an entry ({@code dashes} false) or an item: whether the next content line continues the block at
     * {@code column}. A line indented deeper, or a dash among keys, is for SnakeYAML to judge.
     */
    private boolean continues(int column, boolean dashes) {
        skipBlank();
        if (line >= lines) {
            return false;
        }
        int next = indent(line);
        if (next > column) {
            throw Decline.INSTANCE;
        }
        if (next < column) {
            return false;
        }
        boolean dash = startsSequence(column);
        if (dash && !dashes) {
            throw Decline.INSTANCE;
        }
        return dash || !dashes;
    }

    /** One {@code key: value} whose key starts at {@code column} of the current line. */
    private NodeTuple entry(int column) {
        int s = starts[line];
        int end = lineEnd(line);
        int k = s + column;
        int colon = keyEnd(k, end);
        String keyText = text.substring(k, colon);
        if (keyText.isEmpty() || keyText.charAt(keyText.length() - 1) == ' ') {
            throw Decline.INSTANCE;
        }
        ScalarNode key = new ScalarNode(values.tag(keyText), true, keyText,
                mark(line, column), mark(line, colon - s), DumperOptions.ScalarStyle.PLAIN);
        int v = colon + 1;
        while (v < end && chars[v] == ' ') {
            v++;
        }
        if (v == end || chars[v] == '#') {
            line++;
            // SnakeYAML marks an empty value just after the ':'
            return new NodeTuple(key, nested(column, true, mark(line - 1, colon + 1 - s)));
        }
        Node value = values.read(line, starts[line], v, end);
        line++;
        rejectContinuation(column);
        return new NodeTuple(key, value);
    }

    /** Where a plain key ends: the first ':' followed by a space or the end of the line. */
    private int keyEnd(int k, int end) {
        char first = chars[k];
        if ("-?:,[]{}#&*!|>'\"%@`".indexOf(first) >= 0) {
            throw Decline.INSTANCE;
        }
        for (int i = k; i < end; i++) {
            char c = chars[i];
            if (c == ':' && (i + 1 == end || chars[i + 1] == ' ')) {
                return i;
            }
            if (c == '#' && chars[i - 1] == ' ') {
                throw Decline.INSTANCE;
            }
        }
        throw Decline.INSTANCE;
    }

    /**
     * The value that follows an empty {@code key:} or {@code -}: a more indented block node, an indentless sequence
     * (mapping values only), or null.
     */
    private Node nested(int column, boolean mappingValue, Mark at) {
        skipBlank();
        if (line < lines) {
            int next = indent(line);
            if (next > column) {
                return startsSequence(next) ? sequence(next) : mapping(next);
            }
            if (mappingValue && next == column && startsSequence(column)) {
                return sequence(column);
            }
        }
        return new ScalarNode(Tag.NULL, true, "", at, at, DumperOptions.ScalarStyle.PLAIN);
    }

    /** A block sequence whose dashes sit at {@code column}. */
    private SequenceNode sequence(int column) {
        Mark start = mark(line, column);
        List<Node> items = new ArrayList<>();
        do {
            items.add(item(column));
        } while (continues(column, true));
        return new SequenceNode(Tag.SEQ, true, items, start, start, DumperOptions.FlowStyle.BLOCK);
    }

    private Node item(int column) {
        int s = starts[line];
        int end = lineEnd(line);
        int v = s + column + 1;
        while (v < end && chars[v] == ' ') {
            v++;
        }
        if (v == end || chars[v] == '#') {
            line++;
            return nested(column, false, mark(line - 1, column + 1));
        }
        if (chars[v] == '-' && (v + 1 == end || chars[v + 1] == ' ')) {
            throw Decline.INSTANCE;
        }
        if (isKeyLine(v, end)) {
            return mapping(v - s);
        }
        Node value = values.read(line, starts[line], v, end);
        line++;
        rejectContinuation(column);
        return value;
    }

    /** Whether a plain key followed by ':' starts at {@code v} (so an item is a mapping, not a scalar). */
    private boolean isKeyLine(int v, int end) {
        char first = chars[v];
        if (first == '"' || first == '\'' || first == '[' || first == '{') {
            return false;
        }
        for (int i = v; i < end; i++) {
            char c = chars[i];
            if (c == ':' && (i + 1 == end || chars[i + 1] == ' ')) {
                return true;
            }
            if (c == '#' && i > v && chars[i - 1] == ' ') {
                return false;
            }
        }
        return false;
    }

    /** After a one-line value, a more indented line would continue it (or be an error): leave that to SnakeYAML. */
    private void rejectContinuation(int column) {
        skipBlank();
        if (line < lines && indent(line) > column) {
            throw Decline.INSTANCE;
        }
    }
}
