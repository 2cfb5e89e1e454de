package dev.osmosis.docs;

import dev.osmosis.project.Catalog;
import dev.osmosis.project.ResourceType;
import dev.osmosis.trust.UntrustedText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tinylog.Logger;

/**
 * Adds the columns the warehouse has and the YAML lacks, with their type and the warehouse comment. A comment is
 * warehouse text no person wrote in the YAML, so it passes {@link UntrustedText} (no live Jinja, no control
 * characters, bounded length); a column whose very name holds Jinja delimiters or control characters is not
 * added (dbt would render the name, and it cannot be changed without breaking the match with the warehouse).
 */
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
            if (UntrustedText.hasLiveJinja(c.name()) || !UntrustedText.removeControls(c.name()).equals(c.name())) {
                Logger.warn("{}: warehouse column {} not added: its name holds Jinja delimiters or control "
                        + "characters; document it by hand if it is meant", node.uniqueId(), dev.osmosis.text.TerminalText.escape(c.name()));
                continue;
            }
            ColumnDocs added = ColumnDocs.named(folding.name(c.name(), node, settings.outputCase()));
            if (!settings.skipAddDataTypes()) {
                added = added.withDataType(DataTypes.format(c.type(), settings));
            }
            if (c.comment() != null && !c.comment().isBlank()) {
                added = withComment(added, c.comment(), node);
            }
            columns.add(added);
        }
        return columns.size() == node.columns().size() ? node : node.withColumns(columns);
    }

    private static ColumnDocs withComment(ColumnDocs column, String comment, NodeDocs node) {
        UntrustedText.Result filtered = UntrustedText.filter(comment);
        if (!filtered.note().isEmpty()) {
            Logger.warn("{}: warehouse comment of column {}: {}", node.uniqueId(),
                    dev.osmosis.text.TerminalText.escape(column.name()), filtered.note());
        }
        return filtered.refused() ? column : column.withDescription(filtered.text(), null);
    }
}
