package dev.osmosis.project;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first {@code ref('name')} / {@code ref('package', 'name')} or {@code source('source', 'table')} call in a
 * piece of Jinja, as a test's arguments hold them ({@code to: ref('customers')},
 * {@code model: {{ get_where_subquery(ref('orders')) }}}).
 *
 * @param sourceName the source's name for a source() call, null for a ref()
 * @param name       the model's (or the source table's) name
 */
public record RefText(String sourceName, String name) {
    private static final Pattern REF = Pattern.compile(
            "ref\\(\\s*(?:['\"][^'\"]*['\"]\\s*,\\s*)?['\"]([^'\"]+)['\"]");
    private static final Pattern SOURCE = Pattern.compile(
            "source\\(\\s*['\"]([^'\"]+)['\"]\\s*,\\s*['\"]([^'\"]+)['\"]");

    public static Optional<RefText> parse(Object text) {
        String s = text instanceof String t ? t : "";
        Matcher source = SOURCE.matcher(s);
        if (source.find()) {
            return Optional.of(new RefText(source.group(1), source.group(2)));
        }
        Matcher ref = REF.matcher(s);
        return ref.find() ? Optional.of(new RefText(null, ref.group(1))) : Optional.empty();
    }

    public boolean isSource() {
        return sourceName != null;
    }

    /** As a user names it: "customers", or "raw.orders" for a source table (see {@link Node#displayName()}). */
    public String displayName() {
        return isSource() ? sourceName + "." + name : name;
    }
}
