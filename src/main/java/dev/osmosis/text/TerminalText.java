package dev.osmosis.text;

/**
 * Makes untrusted text safe to show in a terminal or a CI log. A model's answer, a warehouse comment, a column or
 * file name can hold characters a terminal acts on instead of showing: ESC starts a control sequence
 * ({@code ESC[2K ESC[1G} erases the line, so a reviewer never sees the {@code {{ env_var(...) }}} before it), CR
 * returns to the start of the line and overwrites it, NUL cuts a CI log line, a C1 character (U+009B) is a control
 * sequence introducer of its own, and the bidirectional controls reorder what follows (Trojan Source,
 * CVE-2021-42574), so that what is read is not what is there.
 *
 * <p>Each such character is written as a visible escape (<code>&#92;u001B</code>, <code>&#92;u202E</code>;
 * {@code \n}, {@code \r} for line breaks): the text stays readable and nothing hides. A backslash is left as it is,
 * so a text that already holds the six characters <code>&#92;u001B</code> reads the same as one holding ESC:
 * harmless either way.
 */
public final class TerminalText {
    private TerminalText() {
    }

    /** For one line (a name, a path, a message): every control character but tab, line breaks included, is escaped. */
    public static String escape(String s) {
        return escape(s, false);
    }

    /**
     * For text of several lines (a description, a diff): as {@link #escape(String)}, but LF and CRLF line breaks
     * and tabs stay. A CR not followed by LF is escaped: it would overwrite the line it ends.
     */
    public static String escapeLines(String s) {
        return escape(s, true);
    }

    /**
     * Whether {@code cp} is a control character a terminal may act on: C0 (tab and line feed too), DEL, C1, and
     * the line and paragraph separators some viewers break lines at.
     */
    public static boolean isControl(int cp) {
        return cp < 0x20 || cp >= 0x7F && cp <= 0x9F || cp == 0x2028 || cp == 0x2029;
    }

    /** Whether {@code cp} is a bidirectional formatting character: the embeddings, overrides and isolates, and the marks. */
    public static boolean isBidi(int cp) {
        return cp >= 0x202A && cp <= 0x202E || cp >= 0x2066 && cp <= 0x2069 || cp == 0x200E || cp == 0x200F
                || cp == 0x061C;
    }

    /**
     * Whether {@code cp} is an invisible character with no job in a description: the zero-width space, the word
     * joiner and invisible operators, and a byte-order mark inside text. Shown raw they hide that two names that
     * look the same differ ({@code order_id} and {@code order\u200B_id}). The zero-width joiner and non-joiner are
     * not among them: emoji and several scripts need them.
     */
    public static boolean isInvisible(int cp) {
        return cp == 0x200B || cp >= 0x2060 && cp <= 0x2064 || cp == 0xFEFF;
    }

    private static String escape(String s, boolean keepLines) {
        if (s == null) {
            return null;
        }
        int first = firstToEscape(s, keepLines);
        if (first < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 16).append(s, 0, first);
        for (int i = first; i < s.length(); i++) {
            char c = s.charAt(i);
            if (mustEscape(s, i, keepLines)) {
                switch (c) {
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    default -> b.append(String.format("\\u%04X", (int) c));
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static int firstToEscape(String s, boolean keepLines) {
        for (int i = 0; i < s.length(); i++) {
            if (mustEscape(s, i, keepLines)) {
                return i;
            }
        }
        return -1;
    }

    /** Every character concerned is in the Basic Multilingual Plane, so a surrogate never needs a look. */
    private static boolean mustEscape(String s, int i, boolean keepLines) {
        char c = s.charAt(i);
        if (c >= 0x20 && c < 0x7F) {
            return false;
        }
        if (c == '\t' || keepLines && (c == '\n' || c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n')) {
            return false;
        }
        return isControl(c) || isBidi(c) || isInvisible(c);
    }
}
