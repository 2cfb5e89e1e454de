package dev.osmosis.docs;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one predicate that decides "undocumented" everywhere: empty text or a placeholder. Comparison ignores case,
 * surrounding white space and a final period, so "Not documented." counts like "not documented".
 */
public record Placeholders(Set<String> values) {
    /** dbt-osmosis's defaults. */
    public static final List<String> DEFAULTS = List.of(
            "Pending further documentation", "No description for this column", "Not documented", "Undefined");

    public static final Placeholders DEFAULT = of(DEFAULTS);

    public Placeholders {
        values = Set.copyOf(values);
    }

    public static Placeholders of(Collection<String> texts) {
        Set<String> normalized = new LinkedHashSet<>();
        for (String t : texts) {
            String n = normalize(t);
            if (!n.isEmpty()) {
                normalized.add(n);
            }
        }
        return new Placeholders(normalized);
    }

    public boolean isDocumented(String description) {
        String n = normalize(description);
        return !n.isEmpty() && !values.contains(n);
    }

    private static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String t = text.strip();
        while (t.endsWith(".")) {
            t = t.substring(0, t.length() - 1).stripTrailing();
        }
        return t.toLowerCase(Locale.ROOT);
    }
}
