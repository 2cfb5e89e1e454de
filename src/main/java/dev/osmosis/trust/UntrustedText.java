package dev.osmosis.trust;

/**
 * The one filter before text that no person wrote (a model's answer, a warehouse comment) enters schema YAML.
 * dbt renders every description as Jinja when it parses, with {@code env_var} and {@code var} in scope, so such
 * text must never carry a live Jinja delimiter: the first brace of {@code {{}, {@code {%} and {@code {#} is
 * rewritten as {@code {{ '{' }}}, which dbt renders back to the literal brace. C0 control characters
 * other than newline and tab, DEL and the C1 controls are removed (they hide text on a terminal and some YAML
 * readers refuse them). A text longer than {@link #MAX_CHARS} is cut after its last sentence that fits, or
 * refused when no sentence ends within the cap. Text a person wrote in YAML never passes here: their
 * {@code {{ doc() }}} references keep flowing down unchanged.
 */
public final class UntrustedText {
    /** The longest description osmosis writes from untrusted text, in characters (before neutralising). */
    public static final int MAX_CHARS = 2_000;
    /** A Jinja expression that prints one opening brace. */
    public static final String LITERAL_BRACE = "{{ '{' }}";

    /**
     * What the filter made of one text.
     *
     * @param text            the text to write, or null when refused
     * @param jinjaNeutralised whether live Jinja delimiters were rewritten
     * @param controlsRemoved whether control characters were removed
     * @param cutChars        characters cut at the end to respect {@link #MAX_CHARS} (0 when none)
     */
    public record Result(String text, boolean jinjaNeutralised, boolean controlsRemoved, int cutChars) {
        public boolean refused() {
            return text == null;
        }

        /** What was done, for a warning ("" when the text passed unchanged). */
        public String note() {
            if (refused()) {
                return "refused: longer than " + MAX_CHARS + " characters with no sentence end to cut at";
            }
            StringBuilder s = new StringBuilder();
            if (jinjaNeutralised) {
                s.append("Jinja delimiters neutralised so dbt shows them as text");
            }
            if (controlsRemoved) {
                s.append(s.isEmpty() ? "" : "; ").append("control characters removed");
            }
            if (cutChars > 0) {
                s.append(s.isEmpty() ? "" : "; ").append("cut by ").append(cutChars).append(" characters to the ")
                        .append(MAX_CHARS).append("-character cap");
            }
            return s.toString();
        }
    }

    private UntrustedText() {
    }

    /** Filters {@code raw} (null counts as empty) for writing into YAML. */
    public static Result filter(String raw) {
        String text = raw == null ? "" : raw;
        String clean = removeControls(text);
        boolean controls = !clean.equals(text);
        clean = clean.strip();
        int cut = 0;
        if (clean.length() > MAX_CHARS) {
            int end = lastSentenceEnd(clean, MAX_CHARS);
            if (end < 0) {
                return new Result(null, false, controls, clean.length());
            }
            cut = clean.length() - end;
            clean = clean.substring(0, end);
        }
        boolean jinja = hasLiveJinja(clean);
        return new Result(jinja ? neutraliseJinja(clean) : clean, jinja, controls, cut);
    }

    /** Whether Jinja would see a delimiter in {@code s}: {@code {{}, {@code {%} or {@code {#}. */
    public static boolean hasLiveJinja(String s) {
        for (int i = 0; i + 1 < s.length(); i++) {
            if (s.charAt(i) == '{' && isDelimiterSecond(s.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Rewrites the first brace of every opening delimiter as a Jinja expression printing it ({@code {{ '{' }}}).
     * Each brace is judged by its next character in the original text, so in {@code {{{} two braces are rewritten
     * and no delimiter survives; what is added cannot form one with its neighbours, as the character after it is
     * the original second one of a delimiter ({@code { % #}), itself rewritten when it is a brace that opens
     * another. A closing {@code }}} or {@code %}} outside a block is plain text to Jinja and stays as it is. The
     * single brace in a string literal is also what Jinja implementations other than dbt's (jinjava) lex safely.
     */
    public static String neutraliseJinja(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{' && i + 1 < s.length() && isDelimiterSecond(s.charAt(i + 1))) {
                out.append(LITERAL_BRACE);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Neutralises the delimiters still live in a text that may already hold osmosis's own {@code {{ '{' }}}
     * expressions (a model's text written neutralised, copied down the DAG): those are kept as they are, so a
     * neutralised text passes unchanged however often it is copied, instead of gaining a layer that dbt would show.
     */
    public static String neutraliseLiveJinja(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        int i = 0;
        while (i < s.length()) {
            if (s.startsWith(LITERAL_BRACE, i)) {
                out.append(LITERAL_BRACE);
                i += LITERAL_BRACE.length();
                continue;
            }
            char c = s.charAt(i);
            out.append(c == '{' && i + 1 < s.length() && isDelimiterSecond(s.charAt(i + 1)) ? LITERAL_BRACE : c);
            i++;
        }
        return out.toString();
    }

    /** Removes C0 controls except newline and tab (a carriage return of CRLF goes too), DEL and C1 controls. */
    public static String removeControls(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = c < 0x20 && c != '\n' && c != '\t' || c >= 0x7f && c <= 0x9f;
            if (control && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (c == '\r' && (i + 1 == s.length() || s.charAt(i + 1) != '\n')) {
                out.append('\n'); // a lone carriage return is a line break
            } else if (!control && out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    private static boolean isDelimiterSecond(char c) {
        return c == '{' || c == '%' || c == '#';
    }

    /** The end (exclusive) of the last sentence ending within {@code max} characters, or -1. */
    private static int lastSentenceEnd(String s, int max) {
        for (int i = Math.min(max, s.length()) - 1; i > 0; i--) {
            char c = s.charAt(i);
            boolean terminal = c == '.' || c == '!' || c == '?' || c == '。';
            if (terminal && (i + 1 == s.length() || Character.isWhitespace(s.charAt(i + 1)) || c == '。')) {
                return i + 1;
            }
        }
        return -1;
    }
}
