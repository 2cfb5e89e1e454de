package dev.osmosis.docs;

import dev.osmosis.project.Catalog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Adds the fields of struct columns to a catalog table as columns of their own, named as BigQuery's catalog names
 * them: {@code profile.first_name}, nested {@code profile.address.city}, and the fields of an array of structs
 * as {@code items.sku}. BigQuery's catalog already lists every field path, so a column whose dotted children are
 * in the table is left alone; DuckDB, Spark and Databricks report only the parent with its STRUCT type.
 * Each field follows its parent; positions are renumbered so `refactor` sorts them in that order.
 */
final class StructColumns {
    private StructColumns() {
    }

    static Catalog.Table expand(Catalog.Table table) {
        Set<String> listedParents = new HashSet<>();
        Set<String> present = new HashSet<>();
        boolean anyStruct = false;
        for (Catalog.CatalogColumn c : table.columns()) {
            String name = c.name().toLowerCase(Locale.ROOT);
            present.add(name);
            int dot = name.indexOf('.');
            if (dot > 0) {
                listedParents.add(name.substring(0, dot));
            }
            anyStruct |= !StructType.fields(c.type()).isEmpty();
        }
        if (!anyStruct) {
            return table;
        }
        List<Catalog.CatalogColumn> out = new ArrayList<>();
        for (Catalog.CatalogColumn c : table.columns()) {
            out.add(renumbered(c, out.size() + 1));
            if (!listedParents.contains(c.name().toLowerCase(Locale.ROOT))) {
                addFields(c.name(), c.type(), present, out);
            }
        }
        return new Catalog.Table(table.uniqueId(), table.comment(), out);
    }

    private static void addFields(String parent, String type, Set<String> present, List<Catalog.CatalogColumn> out) {
        for (StructType.Field f : StructType.fields(type)) {
            String name = parent + "." + f.name();
            if (present.add(name.toLowerCase(Locale.ROOT))) {
                out.add(new Catalog.CatalogColumn(name, f.type(), out.size() + 1, null));
            }
            addFields(name, f.type(), present, out);
        }
    }

    private static Catalog.CatalogColumn renumbered(Catalog.CatalogColumn c, int index) {
        return c.index() == index ? c : new Catalog.CatalogColumn(c.name(), c.type(), index, c.comment());
    }
}
