package dev.osmosis.docs;

import dev.osmosis.lineage.Lineage;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks the selected nodes in topological order, so what a parent just inherited flows on to its children in the
 * same run. Returns the docs of every selected node after the walk; unselected nodes are read, never changed.
 */
public final class DocumentationRun {
    private DocumentationRun() {
    }

    public static Map<String, NodeDocs> run(Lineage lineage, Set<String> selected, Map<String, NodeDocs> initial,
                                            NodeDocumenter documenter) {
        Map<String, NodeDocs> state = new HashMap<>(initial);
        Map<String, NodeDocs> result = new LinkedHashMap<>();
        List<String> order = lineage.topologicalOrder();
        for (String id : order) {
            NodeDocs node = state.get(id);
            if (node == null || !selected.contains(id)) {
                continue;
            }
            NodeDocs documented = documenter.document(node, state::get);
            state.put(id, documented);
            result.put(id, documented);
        }
        return result;
    }
}
