package dev.osmosis.project;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shows a description as dbt renders it: each {@code {{ doc("name") }}} or {@code {{ doc("package", "name") }}}
 * replaced by the doc block's text. Only for a reader's eyes (the report, a prompt): the YAML keeps the reference.
 * A reference to a block it does not know stays as written.
 */
public final class DocReferences {
    /** No cap on a block's text. */
    public static final int WHOLE = Integer.MAX_VALUE;
    private static final Pattern REFERENCE = Pattern.compile(
            "\\{\\{-?\\s*doc\\(\\s*(?:(['\"])([^'\"]*)\\1\\s*,\\s*)?(['\"])([^'\"]*)\\3\\s*\\)\\s*-?}}");

    private final Map<String, DocBlock> byName = new HashMap<>();
    private final Map<String, DocBlock> byPackageAndName = new HashMap<>();

    /** {@code ownPackage}'s blocks win over a package's block of the same name, as in dbt. */
    public DocReferences(Iterable<DocBlock> blocks, String ownPackage) {
        for (DocBlock b : blocks) {
            byPackageAndName.put(b.packageName() + "." + b.name(), b);
            if (Objects.equals(b.packageName(), ownPackage) || !byName.containsKey(b.name())) {
                byName.put(b.name(), b);
            }
        }
    }

    /** Whether {@code text} may hold a reference (a cheap test before {@link #render}). */
    public static boolean mayReference(String text) {
        return text != null && text.contains("doc(");
    }

    /** The text with every known reference replaced, or null when it holds none (the text is shown as it is). */
    public String render(String text) {
        return render(text, WHOLE);
    }

    /**
     * As {@link #render(String)}, each block's text cut to {@code maxBlockChars} (then ending in " [...]"): one
     * long block must not crowd a prompt.
     */
    public String render(String text, int maxBlockChars) {
        if (!mayReference(text)) {
            return null;
        }
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        boolean replaced = false;
        while (m.find()) {
            DocBlock block = m.group(2) != null ? byPackageAndName.get(m.group(2) + "." + m.group(4))
                    : byName.get(m.group(4));
            String replacement = block == null ? m.group()
                    : clip(Objects.requireNonNullElse(block.contents(), "").strip(), maxBlockChars);
            replaced |= block != null;
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return replaced ? out.toString() : null;
    }

    /** Whether {@code text} still holds a reference this instance cannot render. */
    public boolean hasUnknown(String text) {
        if (!mayReference(text)) {
            return false;
        }
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            DocBlock block = m.group(2) != null ? byPackageAndName.get(m.group(2) + "." + m.group(4))
                    : byName.get(m.group(4));
            if (block == null) {
                return true;
            }
        }
        return false;
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max).stripTrailing() + " [...]";
    }
}
