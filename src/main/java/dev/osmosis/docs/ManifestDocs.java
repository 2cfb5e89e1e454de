package dev.osmosis.docs;

import dev.osmosis.project.Column;
import dev.osmosis.project.Node;
import dev.osmosis.project.ResourceType;
import java.util.ArrayList;
import java.util.List;

/** Docs of a node as the manifest saw them: the fallback for nodes whose YAML osmosis cannot read. */
public final class ManifestDocs {
    private ManifestDocs() {
    }

    public static NodeDocs of(Node node) {
        List<ColumnDocs> columns = new ArrayList<>();
        for (Column c : node.columns()) {
            columns.add(new ColumnDocs(c.name(), c.description(), c.dataType(), c.tags(), c.meta(), null, null));
        }
        boolean inYaml = node.patchPath() != null || node.resourceType() == ResourceType.SOURCE;
        return new NodeDocs(node.uniqueId(), node.resourceType(), node.name(), node.description(), columns,
                node.meta(), inYaml);
    }
}
