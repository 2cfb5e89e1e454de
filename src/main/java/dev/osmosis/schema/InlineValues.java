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
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The one-line values of {@link BlockYamlReader}: a plain, single- or double-quoted scalar, a flat flow sequence
 * ({@code [a, "b"]}) or {@code {}}, with SnakeYAML's tags, styles and marks. The block reader finds where a value
 * starts; this reads it. Anything it is not sure of (escapes, nested flow collections, indicators) declines.
 */
final class InlineValues {
    private static final int[] NO_BUFFER = new int[0];
    /** Plain values up to this length have their tags remembered: keywords, numbers, types, not prose. */
    private static final int SHORT_VALUE = 16;

    private final String text;
    private final char[] chars;
    private final Resolver resolver = new Resolver();
    /**
     * Tags already resolved, by plain value. SnakeYAML's resolver runs a regular expression (a new Matcher) for every
     * short value starting with a digit or one of yYnNtTfFoO, and schema files repeat a few such values
     * (`false`, `text`, `1`) and keys (`name`, `tags`) on every column; the answer depends only on the value.
     */
    private final Map<String, Tag> resolved = new HashMap<>();
    /** The line being read and the offset it starts at. */
    private int line;
    private int lineStart;

    InlineValues(String text, char[] chars) {
        this.text = text;
        this.chars = chars;
    }

    /** A mark at {@code offset} of line {@code line}, which starts at {@code lineStart}. */
    static Mark mark(int line, int lineStart, int offset) {
        return new Mark("reader", offset, line, offset - lineStart, NO_BUFFER, 0);
    }

    private Mark at(int offset) {
        return mark(line, lineStart, offset);
    }

    /** The value written on the rest of line {@code line} (starting at offset {@code lineStart}) from {@code v}. */
    Node read(int line, int lineStart, int v, int end) {
        this.line = line;
        this.lineStart = lineStart;
        Mark at = at(v);
        char c = chars[v];
        int after;
        Node node;
        if (c == '"' || c == '\'') {
            int close = quoteEnd(v, end);
            after = close + 1;
            node = quoted(v, close, at);
        } else if (c == '[') {
            List<Node> items = new ArrayList<>();
            after = flowSequence(v, end, items);
            node = new SequenceNode(Tag.SEQ, true, items, at, at(after),
                    DumperOptions.FlowStyle.FLOW);
        } else if (c == '{' && v + 1 < end && chars[v + 1] == '}') {
            after = v + 2;
            node = new MappingNode(Tag.MAP, true, new ArrayList<>(), at, at(after),
                    DumperOptions.FlowStyle.FLOW);
        } else {
            return plain(v, end, at);
        }
        while (after < end && chars[after] == ' ') {
            after++;
        }
        if (after < end && (chars[after] != '#' || chars[after - 1] != ' ')) {
            throw BlockYamlReader.Decline.INSTANCE;
        }
        return node;
    }

    private ScalarNode plain(int v, int end, Mark at) {
        char first = chars[v];
        boolean indicator = "-?:".indexOf(first) >= 0 ? v + 1 == end || chars[v + 1] == ' '
                : ",[]{}#&*!|>%@`".indexOf(first) >= 0;
        if (indicator) {
            throw BlockYamlReader.Decline.INSTANCE;
        }
        int stop = end;
        for (int i = v; i < end; i++) {
            char c = chars[i];
            if (c == '#' && chars[i - 1] == ' ') {
                stop = i;
                break;
            }
            if (c == ':' && (i + 1 == end || chars[i + 1] == ' ')) {
                throw BlockYamlReader.Decline.INSTANCE;
            }
        }
        while (stop > v && chars[stop - 1] == ' ') {
            stop--;
        }
        String value = text.substring(v, stop);
        return new ScalarNode(tag(value), true, value, at,
                at(stop), DumperOptions.ScalarStyle.PLAIN);
    }

    /** The implicit tag of a plain scalar (or key), as SnakeYAML resolves it. */
    Tag tag(String plainValue) {
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
                throw BlockYamlReader.Decline.INSTANCE;
            }
            if (c == q) {
                if (q == '\'' && i + 1 < end && chars[i + 1] == '\'') {
                    i++;
                    continue;
                }
                return i;
            }
        }
        throw BlockYamlReader.Decline.INSTANCE;
    }

    /** The quoted scalar from the quote at {@code open} to the one at {@code close}. */
    private ScalarNode quoted(int open, int close, Mark at) {
        String inner = text.substring(open + 1, close);
        boolean single = chars[open] == '\'';
        return new ScalarNode(Tag.STR, false, single ? inner.replace("''", "'") : inner, at, at(close + 1),
                single ? DumperOptions.ScalarStyle.SINGLE_QUOTED : DumperOptions.ScalarStyle.DOUBLE_QUOTED);
    }

    /** Items of a one-line {@code [a, "b", 'c']}; returns the offset after ']'. Nesting and odd forms decline. */
    private int flowSequence(int v, int end, List<Node> items) {
        int i = v + 1;
        while (true) {
            while (i < end && chars[i] == ' ') {
                i++;
            }
            if (i >= end) {
                throw BlockYamlReader.Decline.INSTANCE;
            }
            char c = chars[i];
            if (c == ']' && items.isEmpty()) {
                return i + 1;
            }
            Mark at = at(i);
            int next;
            if (c == '"' || c == '\'') {
                int close = quoteEnd(i, end);
                items.add(quoted(i, close, at));
                next = close + 1;
            } else {
                if ("-?:,[]{}#&*!|>%@`".indexOf(c) >= 0) {
                    throw BlockYamlReader.Decline.INSTANCE;
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
                        at(stop), DumperOptions.ScalarStyle.PLAIN));
            }
            while (next < end && chars[next] == ' ') {
                next++;
            }
            if (next >= end) {
                throw BlockYamlReader.Decline.INSTANCE;
            }
            if (chars[next] == ']') {
                return next + 1;
            }
            if (chars[next] != ',') {
                throw BlockYamlReader.Decline.INSTANCE;
            }
            i = next + 1;
        }
    }
}
