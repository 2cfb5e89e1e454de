package dev.osmosis.docs;

import java.util.Locale;
import java.util.Map;
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

    /**
     * Spellings of one type across warehouses and dbt's adapters, to a canonical name. A YAML that says {@code int}
     * where the catalog says {@code integer} names the same type: rewriting it is noise a reviewer has to read past
     * (1,399 lines on wmcsrp2). Only true synonyms: {@code int} and {@code smallint} stay different.
     */
    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("integer", "integer"),
            Map.entry("bigint", "bigint"), Map.entry("int8", "bigint"), Map.entry("int64", "bigint"),
            Map.entry("long", "bigint"),
            Map.entry("smallint", "smallint"), Map.entry("int2", "smallint"),
            Map.entry("bool", "boolean"), Map.entry("boolean", "boolean"),
            Map.entry("text", "text"), Map.entry("string", "text"), Map.entry("varchar", "text"),
            Map.entry("character varying", "text"),
            Map.entry("float", "double"), Map.entry("float8", "double"), Map.entry("float64", "double"),
            Map.entry("double", "double"), Map.entry("double precision", "double"),
            Map.entry("real", "real"), Map.entry("float4", "real"),
            Map.entry("numeric", "numeric"), Map.entry("decimal", "numeric"),
            Map.entry("timestamp", "timestamp"), Map.entry("timestamp without time zone", "timestamp"),
            Map.entry("timestamptz", "timestamptz"), Map.entry("timestamp with time zone", "timestamptz"));

    private DataTypes() {
    }

    /**
     * Whether the YAML's spelling names the same type as the catalog's (any case, synonyms, the same parameters):
     * then the YAML keeps its own.
     */
    static boolean sameType(String yaml, String catalog) {
        if (yaml == null || catalog == null) {
            return false;
        }
        return canonical(yaml).equals(canonical(catalog));
    }

    private static String canonical(String type) {
        String t = type.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        String params = "";
        Matcher m = PARAMETERISED.matcher(t);
        if (m.matches()) {
            t = (m.group(1) + m.group(3)).strip();
            params = "(" + m.group(2).replace(" ", "") + ")";
        }
        return SYNONYMS.getOrDefault(t, t) + params;
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
