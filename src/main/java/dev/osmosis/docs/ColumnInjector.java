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
    private final NameFolding folding;

    ColumnInjector(DocSettings settings, NameFolding folding) {
        this.settings = settings;
        this.folding = folding;
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
            ColumnDocs added = ColumnDocs.named(folding.name(c.name(), node, settings.outputCase()));
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
}
