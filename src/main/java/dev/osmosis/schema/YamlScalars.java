package dev.osmosis.schema;

import dev.osmosis.text.TerminalText;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/** Writes one-line scalars: plain when a YAML reader gets the same string back, else quoted. */
final class YamlScalars {
    private static final String SPECIAL_START = "-?:,[]{}#&*!|>'\"%@`";
    /**
     * The first characters other than letters that an implicit resolver below is registered under, or that
     * LOOKS_TYPED can start with: a plain scalar starting otherwise is a string to every reader.
     */
    private static final String RESOLVABLE_START = "~-+0123456789.<=!&*";
    /** The typed forms that start with a letter (booleans and null; the resolvers' own are among them). */
    private static final java.util.Set<String> TYPED_WORDS = java.util.Set.of("y", "n", "yes", "no", "on", "off",
            "true", "false", "null");
    /** YAML 1.1 (PyYAML, dbt's reader) also reads these as booleans or numbers. */
    private static final Pattern LOOKS_TYPED = Pattern.compile(
            "(?i)y|n|yes|no|on|off|true|false|null|~|[-+]?[0-9.][0-9_.:eE+-]*|[-+]?\\.(inf|nan)|0x[0-9a-f_]+|0o?[0-7_]+");
    /**
     * Shared: building a Resolver registers a dozen implicit resolvers, and doing that for every scalar written
     * was the largest cost of patching a big file. After construction resolve() only reads, so sharing is safe.
     */
    private static final Resolver RESOLVER = new Resolver();
    /** PyYAML's types (dbt's reader): it also resolves {@code =} (to a tag it cannot load), see {@link PyYamlResolver}. */
    private static final Resolver PYYAML = new PyYamlResolver();

    private YamlScalars() {
    }

    /** Plain, or quoted when plain would be misread. {@code flow}: inside [...] or {...}. */
    static String inline(Object value, boolean flow) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Boolean || value instanceof Number) {
            return value.toString();
        }
        String s = (String) value;
        if (isPlainSafe(s, flow)) {
            return s;
        }
        return preferSingle(s) ? singleQuoted(s) : doubleQuoted(s);
    }

    /**
     * One pass over the characters, then the type resolvers only for text that could resolve to something else:
     * this runs for every scalar a patch writes (names, types, each inherited description), and the regular
     * expressions and streams it used to run on each were a quarter of a large first run's patching. The same
     * answer as before for every string ({@code YamlScalarsProperties}).
     */
    static boolean isPlainSafe(String s, boolean flow) {
        int n = s.length();
        if (n == 0 || SPECIAL_START.indexOf(s.charAt(0)) >= 0 || Character.isWhitespace(s.codePointAt(0))
                || Character.isWhitespace(s.codePointBefore(n))) {
            return false;
        }
        for (int i = 0; i < n; ) {
            char c = s.charAt(i);
            int cp = Character.isSurrogate(c) ? s.codePointAt(i) : c;
            // isPrintable also rules out tab and line breaks
            if (!isPrintable(cp) || cp == ':' && (i + 1 == n || s.charAt(i + 1) == ' ')
                    || cp == ' ' && i + 1 < n && s.charAt(i + 1) == '#') {
                return false;
            }
            // PyYAML ends a plain scalar in a flow collection at any of these, '?' included ([a?b] does not load)
            if (flow && ",?[]{}".indexOf(cp) >= 0) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return !readsAsAnotherType(s);
    }

    /**
     * Whether SnakeYAML, PyYAML or {@link #LOOKS_TYPED} read the plain text as other than a string. Both resolvers
     * try only the patterns registered under a non-empty scalar's first character; the only typed forms that
     * start with a letter are the boolean and null words, so those are looked up without a regular expression.
     */
    private static boolean readsAsAnotherType(String s) {
        char first = s.charAt(0);
        if (isAsciiLetter(first)) {
            return isTypedWord(s);
        }
        return RESOLVABLE_START.indexOf(first) >= 0 && (LOOKS_TYPED.matcher(s).matches()
                || !Tag.STR.equals(RESOLVER.resolve(NodeId.scalar, s, true))
                || !Tag.STR.equals(PYYAML.resolve(NodeId.scalar, s, true)));
    }

    /** y, n, yes, no, on, off, true, false or null in any ASCII case, as LOOKS_TYPED's (?i) matches them. */
    private static boolean isTypedWord(String s) {
        if (s.length() > 5) {
            return false;
        }
        char[] lower = new char[s.length()];
        for (int i = 0; i < lower.length; i++) {
            char c = s.charAt(i);
            if (!isAsciiLetter(c)) {
                return false;
            }
            lower[i] = (char) (c | 0x20);
        }
        return TYPED_WORDS.contains(new String(lower));
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** {@code '{{ doc("x") }}'} reads better than escaped double quotes. */
    private static boolean preferSingle(String s) {
        return s.indexOf('"') >= 0 && s.indexOf('\'') < 0 && canSingleQuote(s);
    }

    static boolean canSingleQuote(String s) {
        return s.codePoints().allMatch(YamlScalars::isPrintable) && s.indexOf('\n') < 0 && s.indexOf('\r') < 0
                && !s.startsWith(" ") && !s.endsWith(" ");
    }

    static String singleQuoted(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    static String doubleQuoted(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case 0 -> b.append("\\0");
                case 0x85 -> b.append("\\N");
                case 0x2028 -> b.append("\\L");
                case 0x2029 -> b.append("\\P");
                default -> {
                    if (isPrintable(cp)) {
                        b.appendCodePoint(cp);
                    } else if (cp <= 0xFF) {
                        b.append(String.format("\\x%02X", cp));
                    } else {
                        b.append(String.format("\\u%04X", cp));
                    }
                }
            }
        });
        return b.append('"').toString();
    }

    /**
     * What is written as itself: YAML's printable set, minus line breaks and tab (which a one-line scalar must
     * escape) and minus the bidirectional controls. Those are printable to YAML, but in an editor, a diff or a
     * review they reorder the text around them (Trojan Source), so a value holding one is double-quoted with
     * <code>&#92;u202E</code> escapes, which PyYAML and dbt read back as the same character.
     */
    static boolean isPrintable(int cp) {
        return cp >= 0x20 && cp <= 0x7E || cp >= 0xA0 && cp <= 0xD7FF && cp != 0x2028 && cp != 0x2029
                && !TerminalText.isBidi(cp) || cp >= 0xE000 && cp <= 0xFFFD && cp != 0xFEFF
                || cp >= 0x10000 && cp <= 0x10FFFF;
    }

    /**
     * Text a literal or folded block holds exactly wherever it lands: printable lines (tabs allowed), no CR, and at
     * most one final line break. More would need keep chomping ({@code |+}), and a kept block also takes in the blank
     * lines that follow it in the file (between two columns, at the end of the file) and loses its own to
     * --strip-eof-blank-lines; such text is written double-quoted instead. So is text that ends in white space
     * (before its final line break): at the end of a file, --strip-eof-blank-lines would cut that too.
     */
    static boolean blockSafe(String s) {
        String body = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
        return !body.isEmpty() && " \t\n".indexOf(body.charAt(body.length() - 1)) < 0
                && s.codePoints().allMatch(cp -> cp == '\n' || cp == '\t' || isPrintable(cp));
    }
}
