package dev.osmosis.docs;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Formats warehouse types for YAML as dbt-osmosis does: precision and scale of numbers and lengths of strings are
 * dropped unless --numeric-precision-and-scale / --string-length ask to keep them.
 */
final class DataTypes {
    private static final Pattern PARAMETERISED = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_ ]*?)\\s*\\(([^)]*)\\)(.*)$");
    private static final Set<String> NUMERIC = Set.of("number", "numeric", "decimal", "dec", "bignumeric",
            "bigdecimal", "float", "double", "real");
    private static final Set<String> STRING = Set.of("varchar", "char", "character", "character varying", "nvarchar",
            "nchar", "text", "string", "varchar2", "nvarchar2", "bpchar");

    private DataTypes() {
    }

    static String format(String warehouseType, DocSettings settings) {
        if (warehouseType == null || warehouseType.isBlank()) {
            return null;
        }
        String type = warehouseType.strip();
        Matcher m = PARAMETERISED.matcher(type);
        if (m.matches()) {
            String base = m.group(1).toLowerCase(Locale.ROOT);
            boolean dropNumeric = NUMERIC.contains(base) && !settings.numericPrecisionAndScale();
            boolean dropLength = STRING.contains(base) && !settings.stringLength();
            if (dropNumeric || dropLength) {
                type = (m.group(1) + m.group(3)).strip();
            }
        }
        return settings.outputCase().apply(type);
    }
}
