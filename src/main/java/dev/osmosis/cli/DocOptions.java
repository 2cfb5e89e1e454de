package dev.osmosis.cli;

import dev.osmosis.OsmosisException;
import dev.osmosis.docs.DocSettings;
import dev.osmosis.docs.PlaceholderSettings;
import dev.osmosis.project.DbtProject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Option;

/** The inheritance and injection flags of dbt-osmosis, spelled as its users know them. */
public final class DocOptions {
    @Option(names = {"-F", "--force-inherit-descriptions"},
            description = "Inherit descriptions even over documented columns.")
    boolean forceInherit;
    @Option(names = "--skip-inherit-descriptions", description = "Do not inherit descriptions.")
    boolean skipInheritDescriptions;
    @Option(names = "--skip-add-columns", description = "Do not add columns the catalog has and the YAML lacks.")
    boolean skipAddColumns;
    @Option(names = "--skip-add-source-columns", description = "Do not add catalog columns to sources.")
    boolean skipAddSourceColumns;
    @Option(names = "--skip-add-tags", description = "Do not inherit column tags.")
    boolean skipAddTags;
    @Option(names = "--skip-merge-meta", description = "Do not inherit column meta.")
    boolean skipMergeMeta;
    @Option(names = "--skip-add-data-types", description = "Do not write data_type.")
    boolean skipAddDataTypes;
    @Option(names = "--skip-inheritance-for-meta-keys", paramLabel = "KEY", split = ",",
            description = "Meta keys never inherited. Repeatable.")
    List<String> skipMetaKeys = new ArrayList<>();
    @Option(names = "--add-inheritance-for-specified-keys", paramLabel = "KEY", split = ",",
            description = "Other column keys to inherit (e.g. policy_tags). Repeatable.")
    List<String> inheritKeys = new ArrayList<>();
    @Option(names = "--add-progenitor-to-meta",
            description = "Record in meta.osmosis_progenitor the node an inherited description came from.")
    boolean addProgenitor;
    @Option(names = "--numeric-precision-and-scale", description = "Keep NUMBER(38,0)-style precision in data_type.")
    boolean numericPrecision;
    @Option(names = "--string-length", description = "Keep VARCHAR(256)-style lengths in data_type.")
    boolean stringLength;
    @Option(names = "--output-to-lower", description = "Write added column names and types in lower case.")
    boolean lower;
    @Option(names = "--output-to-upper", description = "Write added column names and types in upper case.")
    boolean upper;
    @Option(names = "--use-unrendered-descriptions", hidden = true,
            description = "Accepted for dbt-osmosis compatibility: osmosis always keeps {{ doc() }} references.")
    boolean unrendered;
    @Option(names = "--prefer-yaml-values", hidden = true,
            description = "Accepted for dbt-osmosis compatibility: osmosis always reads YAML values.")
    boolean preferYaml;

    public DocSettings resolve(DbtProject project) {
        if (lower && upper) {
            throw OsmosisException.usage("--output-to-lower and --output-to-upper exclude each other.");
        }
        Map<String, Object> vars = project.osmosisVars();
        Object sort = vars.getOrDefault("sort-by", vars.getOrDefault("sort_by", "database"));
        String sortBy = String.valueOf(sort);
        if (!sortBy.equals("database") && !sortBy.equals("alphabetical")) {
            throw OsmosisException.usage("vars: dbt-osmosis: sort-by must be 'database' or 'alphabetical', not '"
                    + sortBy + "'.");
        }
        return new DocSettings(forceInherit, skipInheritDescriptions, skipAddColumns, skipAddSourceColumns,
                skipAddTags, skipMergeMeta, skipAddDataTypes, new java.util.HashSet<>(skipMetaKeys), inheritKeys,
                addProgenitor, numericPrecision, stringLength,
                lower ? DocSettings.NameCase.LOWER : upper ? DocSettings.NameCase.UPPER : DocSettings.NameCase.AUTO,
                vars.get("prefix") == null ? "" : String.valueOf(vars.get("prefix")),
                ignorePatterns(vars.get("column_ignore_patterns")), sortBy, PlaceholderSettings.from(project));
    }

    private static List<Pattern> ignorePatterns(Object configured) {
        List<Pattern> patterns = new ArrayList<>();
        if (configured instanceof List<?> list) {
            for (Object o : list) {
                try {
                    patterns.add(Pattern.compile(String.valueOf(o)));
                } catch (PatternSyntaxException e) {
                    throw OsmosisException.usage("vars: dbt-osmosis: column_ignore_patterns has an invalid regular "
                            + "expression '" + o + "': " + e.getDescription());
                }
            }
        }
        return patterns;
    }
}
