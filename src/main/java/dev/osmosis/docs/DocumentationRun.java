package dev.osmosis.docs;

import dev.osmosis.lineage.Lineage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Walks the selected nodes in topological order, so what a parent just inherited flows on to its children in the
 * same run. Returns the docs of every selected node after the walk; unselected nodes are read, never changed.
 *
 * <p>Nodes are documented a wave at a time: a node's wave is one more than its latest parent's, so everything it
 * reads (its ancestors) is final before its wave starts, and the nodes of one wave, which never read each other,
 * run in parallel. The result is the same as one node after the other, in the same order.
 */
public final class DocumentationRun {
    private DocumentationRun() {
    }

    public static Map<String, NodeDocs> run(Lineage lineage, Set<String> selected, Map<String, NodeDocs> initial,
                                            NodeDocumenter documenter) {
        Map<String, NodeDocs> state = new ConcurrentHashMap<>(initial);
        List<String> order = lineage.topologicalOrder();
        for (List<String> wave : waves(lineage, order)) {
            List<String> todo = wave.stream().filter(id -> selected.contains(id) && state.containsKey(id)).toList();
            todo.parallelStream().forEach(id -> state.put(id, documenter.document(state.get(id), state::get)));
        }
        Map<String, NodeDocs> result = new LinkedHashMap<>();
        for (String id : order) {
            if (selected.contains(id) && state.containsKey(id)) {
                result.put(id, state.get(id));
            }
        }
        return result;
    }

    /** The nodes by wave (longest path from a root), each wave in topological order. */
    private static List<List<String>> waves(Lineage lineage, List<String> order) {
        Map<String, Integer> depth = new HashMap<>();
        List<List<String>> waves = new ArrayList<>();
        for (String id : order) {
            int d = 0;
            for (String parent : lineage.parents(id)) {
                d = Math.max(d, depth.getOrDefault(parent, -1) + 1);
            }
            depth.put(id, d);
            while (waves.size() <= d) {
                waves.add(new ArrayList<>());
            }
            waves.get(d).add(id);
        }
        return waves;
    }
}
