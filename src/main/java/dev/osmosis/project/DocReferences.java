package dev.osmosis.report;

import dev.osmosis.project.DocBlock;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shows a description as dbt renders it: each {@code {{ doc("name") }}} or {@code {{ doc("package", "name") }}}
 * replaced by the doc block's text from the manifest. Only for the reader's eyes: the YAML keeps the reference.
 * A reference to a block the manifest lacks stays as written.
 */
final class DocReferences {
    private static final Pattern REFERENCE = Pattern.compile(
            "\\{\\{-?\\s*doc\\(\\s*(?:(['\"])([^'\"]*)\\1\\s*,\\s*)?(['\"])([^'\"]*)\\3\\s*\\)\\s*-?}}");

    private final Map<String, DocBlock> byName = new HashMap<>();
    private final Map<String, DocBlock> byPackageAndName = new HashMap<>();

    /** {@code ownPackage}'s blocks win over a package's block of the same name, as in dbt. */
    DocReferences(Iterable<DocBlock> blocks, String ownPackage) {
        for (DocBlock b : blocks) {
            byPackageAndName.put(b.packageName() + "." + b.name(), b);
            if (java.util.Objects.equals(b.packageName(), ownPackage) || !byName.containsKey(b.name())) {
                byName.put(b.name(), b);
            }
        }
    }

    /** The text with every known reference replaced, or null when it holds none (the text is shown as it is). */
    String render(String text) {
        if (text == null || !text.contains("doc(")) {
            return null;
        }
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        boolean replaced = false;
        while (m.find()) {
            DocBlock block = m.group(2) != null ? byPackageAndName.get(m.group(2) + "." + m.group(4))
                    : byName.get(m.group(4));
            String replacement = block == null ? m.group()
                    : java.util.Objects.requireNonNullElse(block.contents(), "").strip();
            replaced |= block != null;
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return replaced ? out.toString() : null;
    }
}
