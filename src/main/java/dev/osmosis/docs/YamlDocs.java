package dev.osmosis.docs;

import dev.osmosis.project.Node;
import dev.osmosis.schema.EntryKind;
import dev.osmosis.schema.EntryRef;
import dev.osmosis.schema.SchemaColumn;
import dev.osmosis.schema.SchemaEntry;
import java.util.ArrayList;
import java.util.List;

/** Translates between manifest nodes, schema YAML entries and the docs model osmosis works on. */
public final class YamlDocs {
    private YamlDocs() {
    }

    /** The YAML entry that documents {@code node}. */
    public static EntryRef ref(Node node) {
        return switch (node.resourceType()) {
            case MODEL -> EntryRef.model(node.name());
            case SEED -> EntryRef.seed(node.name());
            case SNAPSHOT -> EntryRef.snapshot(node.name());
            case SOURCE -> EntryRef.sourceTable(node.sourceName() == null ? "" : node.sourceName(), node.name());
        };
    }

    public static EntryKind kind(Node node) {
        return ref(node).kind();
    }

    /** Docs as the YAML entry states them: descriptions stay raw text, so doc references stay references. */
    public static NodeDocs of(Node node, SchemaEntry entry) {
        List<ColumnDocs> columns = new ArrayList<>(entry.columns().size());
        for (SchemaColumn c : entry.columns()) {
            columns.add(new ColumnDocs(c.name(), c.description(), c.dataType(), c.tags(), c.meta(), c.other(), null));
        }
        return new NodeDocs(node.uniqueId(), node.resourceType(), node.name(), entry.description(), columns,
                entry.meta(), true);
    }
}
