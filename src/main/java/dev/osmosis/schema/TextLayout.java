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

/**
 * Maps SnakeYAML marks (line + code-point column, after a stripped BOM) to char offsets in the original text,
 * and answers layout questions (line starts/ends, indentation, where a node's text really ends).
 */
final class TextLayout {
    private final String text;
    private final int base;
    /** Computed on first use: reading a file never needs it, only editing does. */
    private int[] lineStarts;
    /**
     * Whether the text holds a UTF-16 surrogate (a character beyond the BMP), found with the line starts: without
     * one, a mark's code-point column is its char column, and {@link #offset} needs no walk along the line.
     */
    private boolean surrogates;

    TextLayout(String text) {
        this.text = text;
        this.base = text.startsWith("\uFEFF") ? 1 : 0;
    }

    private int[] lineStarts() {
        if (lineStarts == null) {
            lineStarts = findLineStarts();
        }
        return lineStarts;
    }

    private int[] findLineStarts() {
        int[] starts = new int[Math.max(16, text.length() / 32)];
        int n = 0;
        starts[n++] = base;
        for (int i = base; i < text.length(); i++) {
            char c = text.charAt(i);
            surrogates |= Character.isSurrogate(c);
            boolean crlf = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
            if (crlf || isBreak(c)) {
                if (crlf) {
                    i++;
                }
                if (n == starts.length) {
                    starts = java.util.Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        return java.util.Arrays.copyOf(starts, n);
    }

    /** Same line breaks SnakeYAML counts, so its line numbers and ours agree. */
    static boolean isBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    String text() {
        return text;
    }

    /** Offset of the first char after a BOM. */
    int contentStart() {
        return base;
    }

    int offset(Mark mark) {
        int[] starts = lineStarts();
        int line = Math.min(mark.getLine(), starts.length - 1);
        int start = starts[line];
        if (!surrogates) {
            // every code point is one char; the walk below would stop at the end of the text too
            return Math.min(start + mark.getColumn(), text.length());
        }
        int offset = start;
        for (int cp = 0; cp < mark.getColumn() && offset < text.length(); cp++) {
            offset += Character.charCount(text.codePointAt(offset));
        }
        return offset;
    }

    int start(Node node) {
        return offset(node.getStartMark());
    }

    /** Offset just past the node's own text: for block scalars and block collections, trailing blank lines excluded. */
    int contentEnd(Node node) {
        if (node instanceof ScalarNode scalar) {
            int end = offset(node.getEndMark());
            DumperOptions.ScalarStyle style = scalar.getScalarStyle();
            if (style == DumperOptions.ScalarStyle.LITERAL || style == DumperOptions.ScalarStyle.FOLDED
                    || style == DumperOptions.ScalarStyle.PLAIN) {
                int s = start(node);
                while (end > s && Character.isWhitespace(text.charAt(end - 1))) {
                    end--;
                }
            }
            return end;
        }
        if (isFlow(node)) {
            return offset(node.getEndMark());
        }
        if (node instanceof MappingNode map && !map.getValue().isEmpty()) {
            List<NodeTuple> tuples = map.getValue();
            return Math.max(contentEnd(tuples.get(tuples.size() - 1).getValueNode()),
                    contentEnd(tuples.get(tuples.size() - 1).getKeyNode()));
        }
        if (node instanceof SequenceNode seq && !seq.getValue().isEmpty()) {
            return contentEnd(seq.getValue().get(seq.getValue().size() - 1));
        }
        return offset(node.getEndMark());
    }

    static boolean isFlow(Node node) {
        if (node instanceof MappingNode map) {
            return map.getFlowStyle() == DumperOptions.FlowStyle.FLOW;
        }
        return node instanceof SequenceNode seq && seq.getFlowStyle() == DumperOptions.FlowStyle.FLOW;
    }

    int lineOf(int offset) {
        int lo = 0;
        int hi = lineStarts().length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts()[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    int lineCount() {
        return lineStarts().length;
    }

    int lineStartOfLine(int line) {
        return lineStarts()[line];
    }

    int lineStart(int offset) {
        return lineStarts()[lineOf(offset)];
    }

    /** Offset of the line break ending the line that holds {@code offset} (or text length). */
    int lineEnd(int offset) {
        int i = offset;
        while (i < text.length() && !isBreak(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Start of the line after the one holding {@code offset}, or text length on the last line. */
    int nextLineStart(int offset) {
        int line = lineOf(offset);
        return line + 1 < lineStarts().length ? lineStarts()[line + 1] : text.length();
    }

    String lineText(int line) {
        int s = lineStarts()[line];
        return text.substring(s, lineEnd(s));
    }

    boolean isBlankLine(int line) {
        return lineText(line).isBlank();
    }

    /** A line holding only a comment; returns its indentation or -1. */
    int commentIndent(int line) {
        String l = lineText(line);
        String t = l.stripLeading();
        return t.startsWith("#") ? l.length() - t.length() : -1;
    }

    /** Column (in chars) of an offset within its line. */
    int column(int offset) {
        return offset - lineStart(offset);
    }

    /** The file's line ending: CRLF when its first line break is CRLF, else LF. */
    String eol() {
        int i = text.indexOf('\n');
        return i > 0 && text.charAt(i - 1) == '\r' ? "\r\n" : "\n";
    }
}
