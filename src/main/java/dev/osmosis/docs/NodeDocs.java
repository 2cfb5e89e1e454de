package dev.osmosis.docs;

import dev.osmosis.project.OrderedMap;
import dev.osmosis.project.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A node's documentation as it stands: read from its YAML entry when it has one, else from the manifest.
 *
 * @param inYaml true when a schema YAML entry exists for the node (else one must be created to write anything)
 */
public record NodeDocs(String uniqueId, ResourceType resourceType, String name, String description,
                       List<ColumnDocs> columns, Map<String, Object> meta, boolean inYaml) {
    public NodeDocs {
        description = description == null ? "" : description;
        columns = List.copyOf(columns);
        meta = OrderedMap.copyOf(meta); // YAML order and null values (`owner: ~`) kept
    }

    public Optional<ColumnDocs> column(String columnName) {
        for (ColumnDocs c : columns) {
            if (c.name().equals(columnName)) {
                return Optional.of(c);
            }
        }
        String lower = columnName.toLowerCase(Locale.ROOT);
        return columns.stream().filter(c -> c.name().toLowerCase(Locale.ROOT).equals(lower)).findFirst();
    }

    public NodeDocs withColumns(List<ColumnDocs> newColumns) {
        return new NodeDocs(uniqueId, resourceType, name, description, newColumns, meta, inYaml);
    }

    public NodeDocs withDescription(String text) {
        return new NodeDocs(uniqueId, resourceType, name, text, columns, meta, inYaml);
    }

    public NodeDocs withMeta(Map<String, Object> newMeta) {
        return new NodeDocs(uniqueId, resourceType, name, description, columns, newMeta, inYaml);
    }

    /** A copy with one column replaced (matched by exact name). */
    public NodeDocs replace(ColumnDocs column) {
        List<ColumnDocs> out = new ArrayList<>(columns.size());
        for (ColumnDocs c : columns) {
            out.add(c.name().equals(column.name()) ? column : c);
        }
        return withColumns(out);
    }
}
