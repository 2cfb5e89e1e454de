package dev.osmosis.docs.synthesis;

import dev.osmosis.docs.ColumnDocs;
import dev.osmosis.docs.NodeDocs;
import dev.osmosis.project.Catalog;
import dev.osmosis.project.Node;
import dev.osmosis.project.ResourceType;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The YAML columns of a node that neither its catalog table nor its SQL produces (docs/adr/0714): asking a model
 * about them only yields "This column is not produced by the model's SQL", written as if it were a description.
 * Decided conservatively, since a column wrongly called stale is a gap never filled:
 * <ul>
 *   <li>with a warehouse catalog table: stale when the catalog lacks it and the SQL never names it;</li>
 *   <li>without one (or with dbt Fusion's inferred table): stale only when the compiled SQL never names it and
 *       can be read for names at all, i.e. it has no star ({@code select *}, {@code t.*}), no unrendered Jinja,
 *       is SQL (not a Python model) and is not a snapshot's (dbt adds the {@code dbt_valid_from} columns).</li>
 * </ul>
 * "Names" is textual: the name (its first part for a nested {@code a.b}) as a whole identifier anywhere in the
 * SQL, in any case, quoted or not. A name the SQL mentions only as an input is still "produced": no false stale.
 */
public final class StaleColumns {
    /** {@code select *}, {@code select distinct t.*}, {@code , x.*}, {@code * except (...)}: not count(*). */
    private static final Pattern STAR = Pattern.compile(
            "(?is)(?:\\bselect\\s+(?:distinct\\s+|all\\s+)?(?:top\\s+\\d+\\s+)?|,\\s*)(?:[\\w\"`\\[\\]]+\\s*\\.\\s*)*\\*");
    private static final Pattern JINJA = Pattern.compile("\\{\\{|\\{%");

    private StaleColumns() {
    }

    /** The stale columns of {@code docs}, by their YAML names in YAML order; empty when it cannot tell. */
    public static Set<String> of(Node node, NodeDocs docs, Catalog.Table table) {
        Set<String> stale = new LinkedHashSet<>();
        if (node.resourceType() == ResourceType.SOURCE) {
            return stale; // a source has no SQL: its columns are the warehouse's, judged by refactor
        }
        boolean warehouseTable = table != null && !table.inferred();
        String sql = node.sql();
        boolean sqlTells = sqlTellsNames(node, sql);
        if (!warehouseTable && !sqlTells) {
            return stale;
        }
        String lowerSql = sql.toLowerCase(Locale.ROOT);
        for (ColumnDocs c : docs.columns()) {
            String name = bare(c.name());
            if (name.isEmpty() || warehouseTable && inCatalog(table, c.name(), name)) {
                continue;
            }
            if (!named(lowerSql, name) && !named(lowerSql, head(name))) {
                stale.add(c.name());
            }
        }
        return stale;
    }

    /** Whether the SQL alone can say a name is absent: compiled SQL with no star, no Jinja, not a snapshot's. */
    private static boolean sqlTellsNames(Node node, String sql) {
        return !sql.isBlank() && node.resourceType() != ResourceType.SNAPSHOT && !JINJA.matcher(sql).find()
                && !sql.contains("def model(") && !STAR.matcher(stripComments(sql)).find();
    }

    private static boolean inCatalog(Catalog.Table table, String yamlName, String bare) {
        return table.column(yamlName).isPresent() || table.column(bare).isPresent()
                || table.column(head(bare)).isPresent();
    }

    /** Whether {@code name} occurs in the SQL as a whole identifier (not inside a longer one). */
    private static boolean named(String lowerSql, String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (int at = lowerSql.indexOf(n); at >= 0; at = lowerSql.indexOf(n, at + 1)) {
            boolean startOk = at == 0 || !identifierChar(lowerSql.charAt(at - 1));
            int end = at + n.length();
            boolean endOk = end >= lowerSql.length() || !identifierChar(lowerSql.charAt(end));
            if (startOk && endOk) {
                return true;
            }
        }
        return false;
    }

    private static boolean identifierChar(char ch) {
        return Character.isLetterOrDigit(ch) || ch == '_' || ch == '$';
    }

    /** The name without the quotes a YAML may keep around it ({@code '"Order ID"'}, {@code `id`}, {@code [id]}). */
    private static String bare(String name) {
        return name == null ? "" : name.strip().replaceAll("^[\"`\\[]+|[\"`\\]]+$", "");
    }

    private static String head(String name) {
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Comments may hold a star ("-- select * would be slower") that selects nothing. */
    private static String stripComments(String sql) {
        return sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ");
    }
}
