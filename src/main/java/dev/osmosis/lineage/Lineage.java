package dev.osmosis.lineage;

import dev.osmosis.OsmosisException;
import dev.osmosis.project.Manifest;
import dev.osmosis.project.Node;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.Graphs;
import org.jgrapht.alg.cycle.CycleDetector;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.traverse.TopologicalOrderIterator;

/**
 * The DAG of models, seeds, snapshots and sources (an edge runs from a parent to the node that selects from it).
 * Built once; the topological order is deterministic (ties broken by unique id).
 */
public final class Lineage {
    private final Graph<String, DefaultEdge> graph;
    private final List<String> order;

    /** Sorted parent and child lists, computed once: inheritance asks for them once per ancestor per node. */
    private final Map<String, List<String>> parents = new HashMap<>();
    private final Map<String, List<String>> children = new HashMap<>();

    private Lineage(Graph<String, DefaultEdge> graph, List<String> order) {
        this.graph = graph;
        this.order = order;
        for (String id : graph.vertexSet()) {
            parents.put(id, sorted(Graphs.predecessorListOf(graph, id)));
            children.put(id, sorted(Graphs.successorListOf(graph, id)));
        }
    }

    private static List<String> sorted(List<String> ids) {
        List<String> copy = new ArrayList<>(ids);
        Collections.sort(copy);
        return Collections.unmodifiableList(copy);
    }

    public static Lineage of(Manifest manifest) {
        Graph<String, DefaultEdge> graph = new DefaultDirectedGraph<>(DefaultEdge.class);
        manifest.nodes().keySet().forEach(graph::addVertex);
        for (Node node : manifest.nodes().values()) {
            for (String parent : node.dependsOn()) {
                if (graph.containsVertex(parent) && !parent.equals(node.uniqueId())) {
                    graph.addEdge(parent, node.uniqueId());
                }
            }
        }
        return new Lineage(graph, topologicalOrder(graph));
    }

    private static List<String> topologicalOrder(Graph<String, DefaultEdge> graph) {
        List<String> order = new ArrayList<>(graph.vertexSet().size());
        try {
            new TopologicalOrderIterator<>(graph, Comparator.<String>naturalOrder()).forEachRemaining(order::add);
        } catch (IllegalArgumentException notADag) {
            List<String> inCycle = new ArrayList<>(new CycleDetector<>(graph).findCycles());
            Collections.sort(inCycle);
            String shown = String.join(", ", inCycle.subList(0, Math.min(10, inCycle.size())));
            throw OsmosisException.usage("The DAG has a cycle through " + inCycle.size() + " nodes: " + shown
                    + (inCycle.size() > 10 ? ", ..." : "") + ". Fix the ref()/source() calls that form it and run "
                    + "`dbt parse` again.");
        }
        return Collections.unmodifiableList(order);
    }

    /** Every node, parents before children. */
    public List<String> topologicalOrder() {
        return order;
    }

    /** The node's parents in unique-id order (unmodifiable; empty for an unknown id). */
    public List<String> parents(String uniqueId) {
        return parents.getOrDefault(uniqueId, List.of());
    }

    /** The node's children in unique-id order (unmodifiable; empty for an unknown id). */
    public List<String> children(String uniqueId) {
        return children.getOrDefault(uniqueId, List.of());
    }

    /**
     * Ancestors grouped by generation: index 0 holds the parents, 1 the grandparents, and so on. A node reachable
     * along paths of several lengths appears once, in its closest generation. Each generation is sorted by id.
     */
    public List<List<String>> ancestorsByGeneration(String uniqueId) {
        List<List<String>> generations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        seen.add(uniqueId);
        Deque<String> frontier = new ArrayDeque<>(List.of(uniqueId));
        while (!frontier.isEmpty()) {
            List<String> next = new ArrayList<>();
            for (String id : frontier) {
                for (String parent : parents(id)) {
                    if (seen.add(parent)) {
                        next.add(parent);
                    }
                }
            }
            if (next.isEmpty()) {
                break;
            }
            Collections.sort(next);
            generations.add(Collections.unmodifiableList(next));
            frontier = new ArrayDeque<>(next);
        }
        return Collections.unmodifiableList(generations);
    }

    public int size() {
        return graph.vertexSet().size();
    }

    public int edgeCount() {
        return graph.edgeSet().size();
    }
}
