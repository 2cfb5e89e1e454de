package dev.osmosis.llm.prompt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osmosis.llm.LlmResponse;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cleans a plain-text description as models actually write it: in code fences, in quotes, behind a
 * "Description:" label or the column's name, over several lines. The result is one paragraph, or empty when
 * nothing usable is left (a placeholder such as "TBD" or "Not documented" counts as nothing).
 */
public final class PlainAnswer {
    private static final Set<String> PLACEHOLDERS = Set.of(
            "", "tbd", "todo", "n/a", "na", "none", "null", "nil", "unknown", "-", "--", "...", "…", "description",
            "no description", "no description available", "pending further documentation",
            "no description for this column", "not documented", "undefined", "not available");
    private static final Pattern FENCE_LINE = Pattern.compile("(?m)^\\s*```[A-Za-z0-9_-]*\\s*$");
    private static final Pattern LABEL = Pattern.compile(
            "^(?:(?:model|column|table)\\s+)?(?:description|answer)\\s*[:：]\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern BULLET = Pattern.compile("^(?:[-*•]\\s+)");

    private PlainAnswer() {
    }

    /** The cleaned text of a plain-text response. */
    public static String of(LlmResponse response) {
        return clean(response.text(), null);
    }

    /** The cleaned text of a per-column response; a leading "column_name:" label is dropped too. */
    public static String of(LlmResponse response, String columnName) {
        return clean(response.text(), columnName);
    }

    public static String clean(String raw) {
        return clean(raw, null);
    }

    /**
     * Cleans {@code raw}; {@code subject} (a column or model name, may be null) is stripped when the answer
     * starts with it as a label ("order_id: ..."). Returns "" when nothing usable remains.
     */
    public static String clean(String raw, String subject) {
        String s = peel(raw, subject);
        return isPlaceholder(s) ? "" : s;
    }

    /**
     * {@link #clean} without the placeholder test: the one paragraph the model wrote, fences, labels and quotes
     * peeled off ("" for null), so {@link Abstention} can tell "UNKNOWN" from an empty answer.
     */
    static String peel(String raw, String subject) {
        if (raw == null) {
            return "";
        }
        // a model may echo the prompt's data fence around what it quotes
        String s = PromptFence.ANY_TAG.matcher(FENCE_LINE.matcher(raw).replaceAll("")).replaceAll("").strip();
        s = fromJson(s).orElse(s);
        s = s.replaceAll("\\*\\*", "").replaceAll("\\s+", " ").strip();
        // labels and quotes nest in any order ("Description: \"...\""), so peel until nothing changes
        for (String before = null; !s.equals(before); ) {
            before = s;
            s = BULLET.matcher(s).replaceFirst("");
            s = LABEL.matcher(s).replaceFirst("");
            s = stripSubjectLabel(s, subject);
            s = unquote(s).strip();
        }
        return s;
    }

    /** True for text that says nothing: empty, "TBD", "Not documented", "&lt;description&gt;", ... */
    public static boolean isPlaceholder(String text) {
        if (text == null) {
            return true;
        }
        String t = text.strip();
        if (t.startsWith("<") && t.endsWith(">")) {
            return true; // the model echoed a template slot such as <description>
        }
        t = t.toLowerCase(Locale.ROOT);
        while (t.endsWith(".") && t.length() > 1 && !t.equals("...")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return PLACEHOLDERS.contains(t);
    }

    /** Some models answer {"description": "..."} even when asked for text. */
    private static Optional<String> fromJson(String s) {
        if (!s.startsWith("{")) {
            return Optional.empty();
        }
        return dev.osmosis.llm.JsonExtractor.firstObject(s).map(n -> n.get("description")).filter(JsonNode::isTextual)
                .map(JsonNode::textValue);
    }

    private static String stripSubjectLabel(String s, String subject) {
        if (subject == null || subject.isBlank()) {
            return s;
        }
        String q = Pattern.quote(subject);
        return s.replaceFirst("(?i)^[`\"']?" + q + "[`\"']?\\s*(?:[:：]|\\s[-–—])\\s*", "");
    }

    private static String unquote(String s) {
        if (s.length() >= 2) {
            char first = s.charAt(0);
            char last = s.charAt(s.length() - 1);
            if ((first == '"' && last == '"') || (first == '\'' && last == '\'') || (first == '`' && last == '`')
                    || (first == '“' && last == '”') || (first == '‘' && last == '’')) {
                String inner = s.substring(1, s.length() - 1);
                // "a" or "b" starts and ends with a quote without being quoted
                return inner.indexOf(first) < 0 && inner.indexOf(last) < 0 ? inner : s;
            }
        }
        return s;
    }
}
