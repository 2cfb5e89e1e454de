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

    /** Removes item {@code index} (of at least two) with its comments, keeping the file's blank-line rhythm. */
    Splice remove(SequenceNode seq, int index) {
        List<Node> items = seq.getValue();
        Node item = items.get(index);
        boolean last = index == items.size() - 1;
        if (TextLayout.isFlow(seq)) {
            return last ? new Splice(layout.contentEnd(items.get(index - 1)), layout.contentEnd(item), "", null)
                    : new Splice(layout.start(item), layout.start(items.get(index + 1)), "", null);
        }
        if (!last) {
            return new Splice(blockStart(item), blockStart(items.get(index + 1)), "", null);
        }
        int prevEnd = layout.lineEnd(values.nodeEnd(items.get(index - 1)));
        return new Splice(prevEnd, layout.lineEnd(values.nodeEnd(item)), "", null);
    }

    /** Puts the items in {@code order} (indexes); the text between items stays where it was. */
    Splice reorder(SequenceNode seq, List<Integer> order) {
        List<Node> items = seq.getValue();
        boolean flow = TextLayout.isFlow(seq);
        List<int[]> chunks = new ArrayList<>();
        for (Node item : items) {
            int start = flow ? layout.start(item) : blockStart(item);
            int end = flow ? layout.contentEnd(item) : layout.lineEnd(values.nodeEnd(item));
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
