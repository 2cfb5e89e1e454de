package dev.osmosis.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders new YAML text (lines without line endings, absolute indentation) in a file's own indentation style. */
final class Emitter {
    private static final int WRAP_WIDTH = 88;

    private final IndentStyle style;

    Emitter(IndentStyle style) {
        this.style = style;
    }

    IndentStyle style() {
        return style;
    }

    static String pad(int n) {
        return " ".repeat(Math.max(0, n));
    }

    /** True when the value is written on the key's line ({@code key: value}); false for block forms. */
    static boolean isInline(Object value) {
        if (value instanceof String s) {
            return s.indexOf('\n') < 0 || s.isBlank() || !YamlScalars.blockSafe(s);
        }
        if (value instanceof List<?> l) {
            return l.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return m.isEmpty();
        }
        return true;
    }

    /** A single-line flow rendering of any value. */
    static String flow(Object value) {
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(v -> items.add(flow(v)));
            return "[" + String.join(", ", items) + "]";
        }
        if (value instanceof Map<?, ?> map) {
            List<String> items = new ArrayList<>();
            map.forEach((k, v) -> items.add(YamlScalars.inline(k, true) + ": " + flow(v)));
            return "{" + String.join(", ", items) + "}";
        }
        return YamlScalars.inline(value, true);
    }

    /** {@code key: value} lines with the key at column {@code col}. */
    List<String> keyValue(String key, Object value, int col) {
        List<String> out = new ArrayList<>();
        String head = pad(col) + YamlScalars.inline(key, false) + ":";
        if (isInline(value)) {
            out.add(head + " " + (value instanceof String || value == null || value instanceof Boolean
                    || value instanceof Number ? YamlScalars.inline(value, false) : flow(value)));
        } else if (value instanceof String s) {
            List<String> block = blockScalar(s, col + style.mapIndent(), col, false);
            out.add(head + " " + block.get(0));
            out.addAll(block.subList(1, block.size()));
        } else {
            out.add(head);
            out.addAll(valueLines(value, col));
        }
        return out;
    }

    /** The lines of a non-empty block list or map that belongs to a key at column {@code keyCol}. */
    List<String> valueLines(Object value, int keyCol) {
        if (value instanceof List<?> list) {
            return items(list, keyCol + style.seqOffset());
        }
        return mapping((Map<?, ?>) value, keyCol + style.mapIndent());
    }

    List<String> mapping(Map<?, ?> map, int col) {
        List<String> out = new ArrayList<>();
        map.forEach((k, v) -> out.addAll(keyValue((String) k, v, col)));
        return out;
    }

    List<String> items(List<?> list, int dashCol) {
        List<String> out = new ArrayList<>();
        list.forEach(v -> out.addAll(item(v, dashCol)));
        return out;
    }

    /** One sequence item: {@code - scalar} or a mapping whose first key shares the dash line. */
    List<String> item(Object value, int dashCol) {
        int keyCol = dashCol + style.itemKeyOffset();
        String dash = pad(dashCol) + "-" + pad(style.itemKeyOffset() - 1);
        List<String> out = new ArrayList<>();
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            List<String> lines = mapping(map, keyCol);
            out.add(dash + lines.get(0).substring(keyCol));
            out.addAll(lines.subList(1, lines.size()));
        } else if (value instanceof String s && !isInline(s)) {
            List<String> block = blockScalar(s, keyCol, dashCol, false);
            out.add(dash + block.get(0));
            out.addAll(block.subList(1, block.size()));
        } else {
            out.add(dash + (value instanceof List<?> || value instanceof Map<?, ?> ? flow(value)
                    : YamlScalars.inline(value, false)));
        }
        return out;
    }

    /**
     * A literal ({@code |}) or folded ({@code >}) block: header first, then content lines at {@code contentCol}.
     * Chomping follows the text's final line break ({@code |-} without, {@code |} with one), so the value reads back
     * exactly; text with more is never a block ({@link YamlScalars#blockSafe}).
     */
    List<String> blockScalar(String s, int contentCol, int parentCol, boolean folded) {
        boolean finalBreak = s.endsWith("\n");
        String body = finalBreak ? s.substring(0, s.length() - 1) : s;
        String chomp = finalBreak ? "" : "-";
        List<String> lines = List.of(body.split("\n", -1));
        boolean leadingSpace = lines.stream().filter(l -> !l.isEmpty()).findFirst()
                .map(l -> l.startsWith(" ") || l.startsWith("\t")).orElse(false);
        if (folded && (leadingSpace || lines.stream().anyMatch(l -> !l.strip().equals(l)))) {
            folded = false;
        }
        String indicator = leadingSpace ? String.valueOf(Math.min(9, contentCol - parentCol)) : "";
        List<String> out = new ArrayList<>();
        out.add((folded ? ">" : "|") + indicator + chomp);
        List<String> content = folded ? fold(lines, WRAP_WIDTH - contentCol) : lines;
        for (String l : content) {
            out.add(l.isEmpty() ? "" : pad(contentCol) + l);
        }
        return out;
    }

    /** Folded form: each newline of the text becomes one empty line; long lines wrap at single spaces. */
    private static List<String> fold(List<String> lines, int width) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (i > 0) {
                out.add("");
            }
            if (!l.isEmpty()) {
                out.addAll(wrap(l, Math.max(40, width)));
            }
        }
        return out;
    }

    private static List<String> wrap(String line, int width) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (line.length() - start > width) {
            int cut = -1;
            for (int i = start + 1; i < line.length() - 1; i++) {
                boolean single = line.charAt(i) == ' ' && line.charAt(i - 1) != ' ' && line.charAt(i + 1) != ' ';
                if (single) {
                    if (i - start > width && cut > 0) {
                        break;
                    }
                    cut = i;
                }
            }
            if (cut < 0) {
                break;
            }
            out.add(line.substring(start, cut));
            start = cut + 1;
        }
        out.add(line.substring(start));
        return out;
    }
}
