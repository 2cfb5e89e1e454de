package dev.osmosis.docs;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything that steers injection, inheritance and refactoring, resolved once from flags and
 * `vars: dbt-osmosis:` (flag names as dbt-osmosis spells them).
 *
 * @param inheritKeys        extra column keys to inherit (--add-inheritance-for-specified-keys)
 * @param prefix             a column-name prefix ignored when matching names up the DAG (vars: dbt-osmosis: prefix)
 * @param ignoreColumns      catalog columns never injected (vars: dbt-osmosis: column_ignore_patterns, matched
 *                           from the start of the name like Python's re.match)
 * @param sortBy             "database" (catalog order) or "alphabetical", for refactor
 */
public record DocSettings(
        boolean forceInheritDescriptions,
        boolean skipInheritDescriptions,
        boolean skipAddColumns,
        boolean skipAddSourceColumns,
        boolean skipAddTags,
        boolean skipMergeMeta,
        boolean skipAddDataTypes,
        Set<String> skipMetaKeys,
        List<String> inheritKeys,
        boolean addProgenitorToMeta,
        boolean numericPrecisionAndScale,
        boolean stringLength,
        NameCase outputCase,
        String prefix,
        List<Pattern> ignoreColumns,
        String sortBy,
        Placeholders placeholders) {

    /**
     * --output-to-lower / --output-to-upper for injected names and types. AUTO (the default) keeps what the
     * warehouse reports, except as {@link NameFolding} says for adapters that fold unquoted names to upper case.
     */
    public enum NameCase {
        AUTO, KEEP, LOWER, UPPER;

        public String apply(String s) {
            if (s == null) {
                return null;
            }
            return switch (this) {
                case AUTO, KEEP -> s;
                case LOWER -> s.toLowerCase(Locale.ROOT);
                case UPPER -> s.toUpperCase(Locale.ROOT);
            };
        }
    }

    public DocSettings {
        skipMetaKeys = Set.copyOf(skipMetaKeys);
        inheritKeys = List.copyOf(inheritKeys);
        ignoreColumns = List.copyOf(ignoreColumns);
        prefix = prefix == null ? "" : prefix;
        sortBy = sortBy == null ? "database" : sortBy;
    }

    public static DocSettings defaults() {
        return new DocSettings(false, false, false, false, false, false, false, Set.of(), List.of(), false, false,
                false, NameCase.AUTO, "", List.of(), "database", Placeholders.DEFAULT);
    }

    public boolean isDocumented(String description) {
        return placeholders.isDocumented(description);
    }

    /** The name used to match columns across nodes: lower case, configured prefix removed. */
    public String matchKey(String columnName) {
        String key = columnName.toLowerCase(Locale.ROOT);
        String p = prefix.toLowerCase(Locale.ROOT);
        if (!p.isEmpty() && key.startsWith(p) && key.length() > p.length()) {
            key = key.substring(p.length());
        }
        return key;
    }

    /** As dbt-osmosis's {@code re.match}: a pattern matches at the start of the name, not necessarily the whole. */
    public boolean ignored(String columnName) {
        return ignoreColumns.stream().anyMatch(p -> p.matcher(columnName).lookingAt());
    }
}
