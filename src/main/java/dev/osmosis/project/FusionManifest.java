package dev.osmosis.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * dbt Fusion (dbt 2.0) fills a node's {@code columns} with its inferred output schema (UPPERCASE names with
 * {@code data_type}), not with the columns the YAML declares. Read as declared columns they would look like
 * dozens of undocumented YAML columns; osmosis reads them as what they are, the warehouse's columns, and uses them
 * as the catalog when there is no catalog.json.
 */
final class FusionManifest {
    private FusionManifest() {
    }

    /** The inferred columns as a catalog: every node that has columns with types, in the manifest's order. */
    static Catalog inferredCatalog(Manifest manifest) {
        Map<String, Catalog.Table> tables = new LinkedHashMap<>();
        for (Node node : manifest.nodes().values()) {
            List<Catalog.CatalogColumn> columns = new ArrayList<>();
            for (Column c : node.columns()) {
                if (c.dataType() != null && !c.dataType().isBlank()) {
                    columns.add(new Catalog.CatalogColumn(c.name(), c.dataType(), columns.size() + 1, null));
                }
            }
            if (!columns.isEmpty()) {
                tables.put(node.uniqueId(), new Catalog.Table(node.uniqueId(), null, columns, true));
            }
        }
        return new Catalog(tables);
    }

    /**
     * The manifest with only the columns the YAML documented: an inferred column has no description, so a column
     * with one came from the YAML. Columns the YAML declares without a description are read from the YAML itself.
     */
    static Manifest declaredOnly(Manifest manifest) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        for (Node n : manifest.nodes().values()) {
            List<Column> declared = n.columns().stream().filter(c -> !c.description().isBlank()).toList();
            nodes.put(n.uniqueId(), declared.size() == n.columns().size() ? n : n.withColumns(declared));
        }
        return manifest.withNodes(nodes);
    }
}
