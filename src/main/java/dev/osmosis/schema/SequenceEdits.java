package dev.osmosis.schema;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Splices on the items of one sequence: append an item, remove one, reorder them, moving whole text blocks. */
final class SequenceEdits {
    private final TextLayout layout;
    private final ValueSetter values;
    private final Emitter emitter;

    SequenceEdits(TextLayout layout, ValueSetter values, Emitter emitter) {
        this.layout = layout;
        this.values = values;
        this.emitter = emitter;
    }

    /** Appends {@code item} after the last item (same dash column, same blank-line rhythm). Non-empty seq only. */
    Splice append(SequenceNode seq, Object item) {
        List<Node> items = seq.getValue();
        String group = "items@" + values.id(seq);
        if (TextLayout.isFlow(seq)) {
            int end = layout.contentEnd(items.get(items.size() - 1));
            return new Splice(end, end, ", " + Emitter.flow(item), group);
        }
        int dashCol = layout.column(dash(items.get(0)));
        IndentStyle base = emitter.style();
        int keyOffset = layout.start(items.get(0)) - dash(items.get(0));
        Emitter local = keyOffset > 0 && keyOffset <= 8 && layout.lineOf(dash(items.get(0))) == layout.lineOf(
                layout.start(items.get(0))) ? new Emitter(new IndentStyle(base.mapIndent(), base.seqOffset(),
                keyOffset)) : emitter;
        List<String> lines = local.item(item, dashCol);
        int at = layout.lineEnd(values.nodeEnd(items.get(items.size() - 1)));
        String eol = values.eol();
        boolean blank = items.size() >= 2 && hasBlankLine(values.nodeEnd(items.get(items.size() - 2)),
                dash(items.get(items.size() - 1)));
        return new Splice(at, at, eol + (blank ? eol : "") + String.join(eol, lines), group);
    }

    boolean hasBlankLine(int from, int to) {
        for (int line = layout.lineOf(from) + 1; line < layout.lineOf(to); line++) {
            if (layout.isBlankLine(line)) {
                return true;
            }
        }
        return false;
    }

    /** Offset of the '-' that introduces a block sequence item. */
    int dash(Node item) {
        int i = layout.start(item) - 1;
        String text = layout.text();
        while (i > 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        if (i < 0 || text.charAt(i) != '-') {
            throw new SchemaEditException("cannot find the '-' of the sequence item at line "
                    + (item.getStartMark().getLine() + 1) + " (is it an alias?); edit it by hand");
        }
        return i;
    }

    /** Start of an item's block: the dash line, preceded by comment lines at the dash's indentation. */
    int blockStart(Node item) {
        int dash = dash(item);
        int dashCol = layout.column(dash);
        int line = layout.lineOf(dash);
        while (line > 0 && layout.commentIndent(line - 1) == dashCol) {
            line--;
        }
        return layout.lineStartOfLine(line);
    }

    /**
     * Last line of an item's block: its own last line, plus comment lines right below it indented deeper than its
     * dash (a commented-out key of that item).
     */
    int blockEndLine(Node item) {
        int dashCol = layout.column(dash(item));
        int line = layout.lineOf(values.nodeEnd(item));
        while (line + 1 < layout.lineCount() && layout.commentIndent(line + 1) > dashCol) {
            line++;
        }
        return line;
    }

    /**
     * Removes item {@code index} (of at least two) with the comment lines attached to it (directly above at its
     * dash's indentation, or directly below and deeper), keeping the file's blank-line rhythm. Comments set apart
     * by a blank line (a commented-out block the author keeps) are not the item's: they stay.
     */
    Splice remove(SequenceNode seq, int index) {
        List<Node> items = seq.getValue();
        Node item = items.get(index);
        boolean last = index == items.size() - 1;
        if (TextLayout.isFlow(seq)) {
            return last ? new Splice(layout.contentEnd(items.get(index - 1)), layout.contentEnd(item), "", null)
                    : new Splice(layout.start(item), layout.start(items.get(index + 1)), "", null);
        }
        int first = layout.lineOf(blockStart(item));
        int end = blockEndLine(item);
        int gapFrom = index == 0 ? first : blockEndLine(items.get(index - 1)) + 1;
        int gapTo = last ? end + 1 : layout.lineOf(blockStart(items.get(index + 1)));
        List<String> kept = keptGap(lines(gapFrom, first), lines(end + 1, gapTo), index == 0, last);
        String eol = values.eol();
        if (last) {
            // up to the end of the item's last line, so whatever follows the sequence keeps its line break
            StringBuilder b = new StringBuilder();
            kept.forEach(l -> b.append(eol).append(l));
            return new Splice(layout.lineEnd(layout.lineStartOfLine(gapFrom - 1)),
                    layout.lineEnd(layout.lineStartOfLine(end)), b.toString(), null);
        }
        StringBuilder b = new StringBuilder();
        kept.forEach(l -> b.append(l).append(eol));
        return new Splice(layout.lineStartOfLine(gapFrom), layout.lineStartOfLine(gapTo), b.toString(), null);
    }

    /**
     * {@code emptied} (the splice writing {@code []} over a sequence of one item) with the comment lines that sat
     * above that item, set apart from it by a blank line, written back below: they were not the item's.
     */
    Splice keepDetachedComments(SequenceNode seq, Splice emptied) {
        Node item = seq.getValue().get(0);
        int first = layout.lineOf(blockStart(item));
        List<String> above = lines(layout.lineOf(emptied.start()) + 1, first);
        if (TextLayout.isFlow(seq) || above.stream().allMatch(String::isBlank) || emptied.start() > blockStart(item)) {
            return emptied;
        }
        List<String> kept = trimBlank(trimBlank(above, true), false);
        StringBuilder b = new StringBuilder(emptied.text());
        kept.forEach(l -> b.append(values.eol()).append(l));
        return new Splice(emptied.start(), emptied.end(), b.toString(), emptied.group(), emptied.claim());
    }

    /**
     * What stays of the lines around a removed item: comment lines always (with their blank lines), else the wider
     * blank separation, so that a blank line closing a group of items still closes it.
     */
    private static List<String> keptGap(List<String> before, List<String> after, boolean first, boolean last) {
        boolean commentsBefore = before.stream().anyMatch(l -> !l.isBlank());
        boolean commentsAfter = after.stream().anyMatch(l -> !l.isBlank());
        if (first) {
            return commentsAfter ? trimBlank(after, true) : List.of();
        }
        if (last) {
            return commentsBefore ? trimBlank(before, false) : List.of();
        }
        if (commentsBefore && commentsAfter) {
            List<String> both = new ArrayList<>(before);
            boolean blankEnd = !before.isEmpty() && before.get(before.size() - 1).isBlank();
            both.addAll(blankEnd ? trimBlank(after, true) : after);
            return both;
        }
        if (commentsBefore || commentsAfter) {
            return commentsBefore ? before : after;
        }
        return before.size() >= after.size() ? before : after;
    }

    /** The lines without blank ones at the start ({@code leading}) or at the end. */
    private static List<String> trimBlank(List<String> lines, boolean leading) {
        int from = 0;
        int to = lines.size();
        while (leading && from < to && lines.get(from).isBlank()) {
            from++;
        }
        while (!leading && to > from && lines.get(to - 1).isBlank()) {
            to--;
        }
        return lines.subList(from, to);
    }

    /** The text of lines [from, to). */
    private List<String> lines(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int line = from; line < to; line++) {
            out.add(layout.lineText(line));
        }
        return out;
    }

    /**
     * True when the author groups the items: blank lines between some of them and none between others, or comment
     * lines of their own between them. Sorting such items would leave the groups' separators behind, mid-group.
     * One blank line here and two there is spacing, not grouping.
     */
    boolean grouped(SequenceNode seq) {
        List<Node> items = seq.getValue();
        if (TextLayout.isFlow(seq) || items.size() < 2) {
            return false;
        }
        boolean spaced = false;
        boolean dense = false;
        for (int i = 1; i < items.size(); i++) {
            List<String> gap = lines(blockEndLine(items.get(i - 1)) + 1, layout.lineOf(blockStart(items.get(i))));
            if (gap.stream().anyMatch(l -> !l.isBlank())) {
                return true;
            }
            spaced |= !gap.isEmpty();
            dense |= gap.isEmpty();
        }
        return spaced && dense;
    }

    /** Puts the items in {@code order} (indexes); the text between items stays where it was. */
    Splice reorder(SequenceNode seq, List<Integer> order) {
        List<Node> items = seq.getValue();
        boolean flow = TextLayout.isFlow(seq);
        List<int[]> chunks = new ArrayList<>();
        for (Node item : items) {
            int start = flow ? layout.start(item) : blockStart(item);
            int end = flow ? layout.contentEnd(item) : layout.lineEnd(layout.lineStartOfLine(blockEndLine(item)));
            chunks.add(new int[] {start, end});
        }
        String text = layout.text();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            int[] chunk = chunks.get(order.get(i));
            b.append(text, chunk[0], chunk[1]);
            if (i + 1 < items.size()) {
                b.append(text, chunks.get(i)[1], chunks.get(i + 1)[0]);
            }
        }
        return new Splice(chunks.get(0)[0], chunks.get(items.size() - 1)[1], b.toString(), null);
    }
}
