package dev.osmosis.docs;

import dev.osmosis.project.Catalog;
import dev.osmosis.project.ResourceType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Adds the columns the warehouse has and the YAML lacks, with their type and the warehouse comment. */
final class ColumnInjector {
    private final DocSettings settings;
    private final boolean projectWritesLowerCase;

    ColumnInjector(DocSettings settings, boolean projectWritesLowerCase) {
        this.settings = settings;
        this.projectWritesLowerCase = projectWritesLowerCase;
    }

    NodeDocs inject(NodeDocs node, Catalog.Table table) {
        if (table == null || settings.skipAddColumns()
                || (node.resourceType() == ResourceType.SOURCE && settings.skipAddSourceColumns())) {
            return node;
        }
        Set<String> present = new HashSet<>();
        node.columns().forEach(c -> present.add(c.name().toLowerCase(Locale.ROOT)));
        List<ColumnDocs> columns = new ArrayList<>(node.columns());
        for (Catalog.CatalogColumn c : table.columns()) {
            if (present.contains(c.name().toLowerCase(Locale.ROOT)) || settings.ignored(c.name())) {
                continue;
            }
            present.add(c.name().toLowerCase(Locale.ROOT));
            ColumnDocs added = ColumnDocs.named(name(c.name(), node));
            if (!settings.skipAddDataTypes()) {
                added = added.withDataType(DataTypes.format(c.type(), settings));
            }
            if (c.comment() != null && !c.comment().isBlank()) {
                added = added.withDescription(c.comment().strip(), null);
            }
            columns.add(added);
        }
        return columns.size() == node.columns().size() ? node : node.withColumns(columns);
    }

    private String name(String warehouseName, NodeDocs node) {
        if (settings.outputCase() != DocSettings.NameCase.AUTO || !warehouseName.equals(
                warehouseName.toUpperCase(Locale.ROOT)) || warehouseName.equals(warehouseName.toLowerCase(Locale.ROOT))) {
            return settings.outputCase().apply(warehouseName);
        }
        long lower = node.columns().stream().filter(c -> !c.name().equals(c.name().toUpperCase(Locale.ROOT))).count();
        long upper = node.columns().size() - lower;
        boolean writeLower = node.columns().isEmpty() ? projectWritesLowerCase : lower >= upper;
        return writeLower ? warehouseName.toLowerCase(Locale.ROOT) : warehouseName;
    }

    /** Whether most column names written in the project's YAML have lower-case letters (true when there are none). */
    static boolean writesLowerCase(java.util.Collection<NodeDocs> docs) {
        long lower = 0;
        long upper = 0;
        for (NodeDocs d : docs) {
            if (!d.inYaml()) {
                continue;
            }
            for (ColumnDocs c : d.columns()) {
                if (c.name().equals(c.name().toUpperCase(Locale.ROOT))) {
                    upper++;
                } else {
                    lower++;
                }
            }
        }
        return lower >= upper;
    }
}
