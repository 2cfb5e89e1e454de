package dev.osmosis.schema;

/** dbt-osmosis's --strip-eof-blank-lines: a file ends with the line break of its last non-blank line. */
public final class EofBlankLines {
    private EofBlankLines() {
    }

    public static String strip(String text) {
        int end = text.length();
        while (end > 0 && " \t\r\n".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        int lineBreak = text.indexOf('\n', end);
        // no content, or no line break after it: nothing to strip (a missing final newline is left as the author had it)
        return end == 0 || lineBreak < 0 ? text : text.substring(0, lineBreak + 1);
    }
}
