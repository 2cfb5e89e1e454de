package dev.osmosis.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the fields of a struct-typed column from its warehouse type text: DuckDB's {@code STRUCT(a INTEGER,
 * "b c" VARCHAR)}, {@code STRUCT(...)[]}, BigQuery's {@code STRUCT<a INT64>} and {@code ARRAY<STRUCT<...>>},
 * Spark's {@code struct<a:int>}. A list of structs has the fields of its element (BigQuery names them the same
 * way); maps and unions have no addressable fields. Text that does not parse is not a struct: never an error.
 */
final class StructType {
    private static final Pattern MAY_HOLD_STRUCT = Pattern.compile("(?i)struct\\s*[(<]");

    /** One field: its name (unquoted) and its type text as the warehouse wrote it. */
    record Field(String name, String type) {
    }

    private StructType() {
    }

    /** The direct fields of {@code type}, or an empty list when it is not a struct (or a list of structs). */
    static List<Field> fields(String type) {
        if (type == null || !MAY_HOLD_STRUCT.matcher(type).find()) {
            return List.of();
        }
        String t = elementType(type.strip());
        int open = structOpen(t);
        if (open < 0 || close(t, open) != t.length() - 1) {
            return List.of();
        }
        List<Field> fields = new ArrayList<>();
        for (String part : splitTopLevel(t.substring(open + 1, t.length() - 1))) {
            Field f = field(part.strip());
            if (f == null) {
                return List.of();
            }
            fields.add(f);
        }
        return fields;
    }

    /** Unwraps {@code X[]}, {@code X[3]}, {@code ARRAY<X>}, {@code LIST(X)} down to X. */
    private static String elementType(String t) {
        while (true) {
            if (t.endsWith("]")) {
                int open = t.lastIndexOf('[');
                if (open <= 0 || close(t, open) != t.length() - 1) {
                    return t;
                }
                t = t.substring(0, open).strip();
                continue;
            }
            String upper = t.toUpperCase(Locale.ROOT);
            int open = upper.startsWith("ARRAY") ? 5 : upper.startsWith("LIST") ? 4 : -1;
            if (open < 0) {
                return t;
            }
            while (open < t.length() && Character.isWhitespace(t.charAt(open))) {
                open++;
            }
            if (open >= t.length() || (t.charAt(open) != '<' && t.charAt(open) != '(')
                    || close(t, open) != t.length() - 1) {
                return t;
            }
            t = t.substring(open + 1, t.length() - 1).strip();
        }
    }

    /** Index of the bracket after a leading STRUCT keyword, or -1. */
    private static int structOpen(String t) {
        if (!t.regionMatches(true, 0, "STRUCT", 0, 6)) {
            return -1;
        }
        int i = 6;
        while (i < t.length() && Character.isWhitespace(t.charAt(i))) {
            i++;
        }
        return i < t.length() && (t.charAt(i) == '(' || t.charAt(i) == '<') ? i : -1;
    }

    /** Index of the bracket closing the one at {@code open}, skipping quoted names; -1 when unbalanced. */
    private static int close(String t, int open) {
        int depth = 0;
        for (int i = open; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '"' || c == '`') {
                i = quoteEnd(t, i);
                if (i < 0) {
                    return -1;
                }
            } else if (c == '(' || c == '<' || c == '[') {
                depth++;
            } else if (c == ')' || c == '>' || c == ']') {
                if (--depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Index of the quote closing the one at {@code start} (a doubled quote is an escaped quote), or -1. */
    private static int quoteEnd(String t, int start) {
        char q = t.charAt(start);
        for (int i = start + 1; i < t.length(); i++) {
            if (t.charAt(i) == q) {
                if (i + 1 < t.length() && t.charAt(i + 1) == q) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    private static List<String> splitTopLevel(String inner) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '"' || c == '`') {
                int end = quoteEnd(inner, i);
                if (end < 0) {
                    return List.of("");
                }
                i = end;
            } else if (c == '(' || c == '<' || c == '[') {
                depth++;
            } else if (c == ')' || c == '>' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(inner.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(inner.substring(start));
        return parts;
    }

    /** {@code name type}, {@code "quoted name" type} or {@code name: type}. */
    private static Field field(String part) {
        if (part.isEmpty()) {
            return null;
        }
        String name;
        int rest;
        char first = part.charAt(0);
        if (first == '"' || first == '`') {
            int end = quoteEnd(part, 0);
            if (end < 0) {
                return null;
            }
            name = part.substring(1, end).replace(String.valueOf(first) + first, String.valueOf(first));
            rest = end + 1;
        } else {
            int i = 0;
            while (i < part.length() && !Character.isWhitespace(part.charAt(i)) && part.charAt(i) != ':') {
                i++;
            }
            name = part.substring(0, i);
            rest = i;
        }
        String type = part.substring(rest).strip();
        if (type.startsWith(":")) {
            type = type.substring(1).strip();
        }
        return name.isEmpty() || type.isEmpty() ? null : new Field(name, type);
    }
}
