package dev.osmosis.docs;

import dev.osmosis.project.OrderedMap;
import java.util.List;
import java.util.Map;

/**
 * A column's documentation as osmosis manages it.
 *
 * @param description the YAML text ({{ doc("x") }} stays a reference), empty when absent
 * @param dataType    data_type, or null when the YAML has none
 * @param extras      other keys osmosis may inherit on request (--add-inheritance-for-specified-keys)
 * @param origin      unique id of the node this description was first written in (for meta.osmosis_progenitor),
 *                    or null when it is local or unknown; not written to YAML by itself
 */
public record ColumnDocs(String name, String description, String dataType, List<String> tags,
                         Map<String, Object> meta, Map<String, Object> extras, String origin) {
    public ColumnDocs {
        description = description == null ? "" : description;
        tags = tags == null ? List.of() : List.copyOf(tags);
        meta = frozen(meta);
        extras = frozen(extras);
    }

    /**
     * Read-only and ordered; a map read from YAML (already an {@link OrderedMap}, shared by every column that has
     * the same one) is kept as it is rather than copied for each copy of the column that inheritance makes.
     */
    private static Map<String, Object> frozen(Map<String, Object> map) {
        return OrderedMap.copyOf(map);
    }

    public static ColumnDocs named(String name) {
        return new ColumnDocs(name, "", null, List.of(), Map.of(), Map.of(), null);
    }

    public ColumnDocs withDescription(String text, String fromNode) {
        return new ColumnDocs(name, text, dataType, tags, meta, extras, fromNode);
    }

    public ColumnDocs withDataType(String type) {
        return new ColumnDocs(name, description, type, tags, meta, extras, origin);
    }

    public ColumnDocs withTags(List<String> newTags) {
        return new ColumnDocs(name, description, dataType, newTags, meta, extras, origin);
    }

    public ColumnDocs withMeta(Map<String, Object> newMeta) {
        return new ColumnDocs(name, description, dataType, tags, newMeta, extras, origin);
    }

    public ColumnDocs withExtras(Map<String, Object> newExtras) {
        return new ColumnDocs(name, description, dataType, tags, meta, newExtras, origin);
    }
}
