package dev.osmosis.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A line-based reader for the block YAML that schema files are almost always written in: block mappings and
 * sequences, one-line plain, quoted and flow-sequence scalars, comments. It builds the same node tree SnakeYAML's
 * composer would (tags, values, styles, every start mark and the end marks of scalars and flow collections, which is
 * what {@link TextLayout} maps to offsets) several times faster, because it walks lines
 * instead of running SnakeYAML's character scanner, token queue and event parser.
 *
 * <p>It is a fast path, not a parser: whatever it is not sure of (anchors, aliases, tags, block or multi-line
 * scalars, flow mappings, escapes, tabs, CR line breaks, document markers, anything odd) makes it decline with
 * {@code null}, and the caller composes the text with SnakeYAML. The jqwik property {@code BlockYamlReaderProperties}
 * checks that on generated YAML it either declines or agrees with SnakeYAML. See docs/adr/0202.
 */
final class BlockYamlReader {
    /** Thrown (without a stack trace) when the text needs the full parser. */
    private static final class Decline extends RuntimeException {
        private static final Decline INSTANCE = new Decline();

        private Decline() {
            super(null, null, false, false);
        }
    }

    private static final int[] NO_BUFFER = new int[0];
    /** Plain values up to this length have their tags remembered: keywords, numbers, types, not prose. */
    private static final int SHORT_VALUE = 16;

    private final String text;
    /**
     * The text's characters: the reader looks at every one, and {@code String.charAt} (a coder test and a bounds
     * check behind a call) was a fifth of a large project's parse time under C1, the launcher's only compiler.
     */
    private final char[] chars;
    private final Resolver resolver = new Resolver();
    /**
     * Tags already resolved, by plain value. SnakeYAML's resolver runs a regular expression (a new Matcher) for every
     * short value starting with a digit or one of yYnNtTfFoO, and schema files repeat a few such values
     * (`false`, `text`, `1`) and keys (`name`, `tags`) on every column; the answer depends only on the value.
     */
    private final Map<String, Tag> resolved = new HashMap<>();
    /** Start offset of every line; a trailing empty line has start == text length. */
    private final int[] starts;
    private final int lines;
    private int line;

    private BlockYamlReader(String text) {
        this.text = text;
        this.chars = text.toCharArray();
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
        return new Mark("reader", starts[l] + column, l, column, NO_BUFFER, 0);
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
        ScalarNode key = new ScalarNode(tag(keyText), true, keyText,
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
        Node value = inline(v, end);
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
        Node value = inline(v, end);
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

    /** A value written on the rest of a line, from {@code v} (not a space, not '#'). */
    private Node inline(int v, int end) {
        Mark at = mark(line, v - starts[line]);
        char c = chars[v];
        int after;
        Node node;
        if (c == '"' || c == '\'') {
            int close = quoteEnd(v, end);
            after = close + 1;
            node = new ScalarNode(Tag.STR, false, unquote(v, close), at, mark(line, after - starts[line]), c == '"'
                    ? DumperOptions.ScalarStyle.DOUBLE_QUOTED : DumperOptions.ScalarStyle.SINGLE_QUOTED);
        } else if (c == '[') {
            List<Node> items = new ArrayList<>();
            after = flowSequence(v, end, items);
            node = new SequenceNode(Tag.SEQ, true, items, at, mark(line, after - starts[line]),
                    DumperOptions.FlowStyle.FLOW);
        } else if (c == '{' && v + 1 < end && chars[v + 1] == '}') {
            after = v + 2;
            node = new MappingNode(Tag.MAP, true, new ArrayList<>(), at, mark(line, after - starts[line]),
                    DumperOptions.FlowStyle.FLOW);
        } else {
            return plain(v, end, at);
        }
        while (after < end && chars[after] == ' ') {
            after++;
        }
        if (after < end && (chars[after] != '#' || chars[after - 1] != ' ')) {
            throw Decline.INSTANCE;
        }
        return node;
    }

    private ScalarNode plain(int v, int end, Mark at) {
        char first = chars[v];
        boolean indicator = "-?:".indexOf(first) >= 0 ? v + 1 == end || chars[v + 1] == ' '
                : ",[]{}#&*!|>%@`".indexOf(first) >= 0;
        if (indicator) {
            throw Decline.INSTANCE;
        }
        int stop = end;
        for (int i = v; i < end; i++) {
            char c = chars[i];
            if (c == '#' && chars[i - 1] == ' ') {
                stop = i;
                break;
            }
            if (c == ':' && (i + 1 == end || chars[i + 1] == ' ')) {
                throw Decline.INSTANCE;
            }
        }
        while (stop > v && chars[stop - 1] == ' ') {
            stop--;
        }
        String value = text.substring(v, stop);
        return new ScalarNode(tag(value), true, value, at,
                mark(line, stop - starts[line]), DumperOptions.ScalarStyle.PLAIN);
    }

    /** The implicit tag of a plain scalar (or key), as SnakeYAML resolves it. */
    private Tag tag(String plainValue) {
        return plainValue.length() <= SHORT_VALUE ? resolved.computeIfAbsent(plainValue, this::resolve)
                : resolve(plainValue);
    }

    private Tag resolve(String plainValue) {
        return resolver.resolve(NodeId.scalar, plainValue, true);
    }

    /** Offset of the closing quote on this line; escapes in double quotes are left to SnakeYAML. */
    private int quoteEnd(int v, int end) {
        char q = chars[v];
        for (int i = v + 1; i < end; i++) {
            char c = chars[i];
            if (q == '"' && c == '\\') {
                throw Decline.INSTANCE;
            }
            if (c == q) {
                if (q == '\'' && i + 1 < end && chars[i + 1] == '\'') {
                    i++;
                    continue;
                }
                return i;
            }
        }
        throw Decline.INSTANCE;
    }

    private String unquote(int open, int close) {
        String inner = text.substring(open + 1, close);
        return chars[open] == '\'' ? inner.replace("''", "'") : inner;
    }

    /** Items of a one-line {@code [a, "b", 'c']}; returns the offset after ']'. Nesting and odd forms decline. */
    private int flowSequence(int v, int end, List<Node> items) {
        int i = v + 1;
        while (true) {
            while (i < end && chars[i] == ' ') {
                i++;
            }
            if (i >= end) {
                throw Decline.INSTANCE;
            }
            char c = chars[i];
            if (c == ']' && items.isEmpty()) {
                return i + 1;
            }
            Mark at = mark(line, i - starts[line]);
            int next;
            if (c == '"' || c == '\'') {
                int close = quoteEnd(i, end);
                items.add(new ScalarNode(Tag.STR, false, unquote(i, close), at, mark(line, close + 1 - starts[line]),
                        c == '"' ? DumperOptions.ScalarStyle.DOUBLE_QUOTED : DumperOptions.ScalarStyle.SINGLE_QUOTED));
                next = close + 1;
            } else {
                if ("-?:,[]{}#&*!|>%@`".indexOf(c) >= 0) {
                    throw Decline.INSTANCE;
                }
                next = i;
                while (next < end && ",[]{}#:\"'".indexOf(chars[next]) < 0) {
                    next++;
                }
                int stop = next;
                while (stop > i && chars[stop - 1] == ' ') {
                    stop--;
                }
                String value = text.substring(i, stop);
                items.add(new ScalarNode(tag(value), true, value, at,
                        mark(line, stop - starts[line]), DumperOptions.ScalarStyle.PLAIN));
            }
            while (next < end && chars[next] == ' ') {
                next++;
            }
            if (next >= end) {
                throw Decline.INSTANCE;
            }
            if (chars[next] == ']') {
                return next + 1;
            }
            if (chars[next] != ',') {
                throw Decline.INSTANCE;
            }
            i = next + 1;
        }
    }
}
