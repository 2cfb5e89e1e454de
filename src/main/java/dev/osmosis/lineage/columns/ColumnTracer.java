package dev.osmosis.lineage.columns;

import dev.osmosis.lineage.Lineage;
import dev.osmosis.project.Manifest;
import dev.osmosis.project.Node;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Traces a column up the DAG through the models' compiled SQL (ADR 0712): through renames, casts, {@code *},
 * CTEs and aliases, and through undocumented intermediates, to the nearest documented ancestor columns. Where a
 * model's SQL does not parse, or does not say where the column comes from, a parent holding a column of the same
 * name (any case) is taken, as inheritance does. Each node's SQL is parsed once per tracer, on first use, so a run
 * that never traces parses nothing; the tracer is safe for concurrent use.
 */
public final class ColumnTracer {
    /** Generations walked at most: a deeper chain is not worth a prompt's attention. */
    static final int MAX_HOPS = 12;
    /** Documented ancestors returned for one column at most (a diamond may reach several). */
    static final int MAX_NEAREST = 3;

    private final Manifest manifest;
    private final Lineage lineage;
    private final Relations relations;
    private final Map<String, Optional<QueryShape>> shapes = new ConcurrentHashMap<>();
    /** Daemon threads, idle ones ending after a minute: the tracer needs no closing. */
    private final ExecutorService parsing = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "osmosis-sql-parse");
        t.setDaemon(true);
        return t;
    });

    public ColumnTracer(Manifest manifest, Lineage lineage) {
        this.manifest = manifest;
        this.lineage = lineage;
        this.relations = new Relations(manifest);
    }

    /**
     * The nearest documented ancestors of {@code column} of node {@code uniqueId}: along each path the first
     * documented column, of those the ones fewest generations up, at most {@link #MAX_NEAREST}, one per text.
     */
    public List<TracedColumn> nearestDocumented(String uniqueId, String column, ColumnTexts texts) {
        List<TracedColumn> found = new ArrayList<>();
        Set<String> textsSeen = new HashSet<>();
        walk(uniqueId, column, texts, true, found);
        List<TracedColumn> nearest = new ArrayList<>();
        for (TracedColumn c : found) {
            if (c.hops() == found.get(0).hops() && nearest.size() < MAX_NEAREST
                    && textsSeen.add(c.description().strip())) {
                nearest.add(c);
            }
        }
        return List.copyOf(nearest);
    }

    /**
     * Every ancestor column {@code column} traces to, nearest first, documented or not (their tests, say, are
     * facts about it too).
     */
    public List<TracedColumn> ancestors(String uniqueId, String column, ColumnTexts texts) {
        List<TracedColumn> found = new ArrayList<>();
        walk(uniqueId, column, texts, false, found);
        return List.copyOf(found);
    }

    /** A column reached on the way up, and how. */
    private record Step(String nodeId, String column, List<String> via, int hops) {
    }

    /** An edge of the column graph: the parent's column that a node's column comes from. */
    private record Source(String parentId, String column, Origin.Derivation how) {
    }

    /**
     * Breadth first, so the nearest come first; with {@code stopAtDocumented} a path ends at its first documented
     * column and the walk at the generation where the first was found.
     */
    private void walk(String uniqueId, String column, ColumnTexts texts, boolean stopAtDocumented,
                      List<TracedColumn> found) {
        Set<String> visited = new HashSet<>();
        visited.add(key(uniqueId, column));
        List<Step> frontier = List.of(new Step(uniqueId, column, List.of(), 0));
        while (!frontier.isEmpty() && frontier.get(0).hops() < MAX_HOPS) {
            List<Step> next = new ArrayList<>();
            for (Step step : frontier) {
                for (Source source : sources(step.nodeId(), step.column(), texts)) {
                    if (!visited.add(key(source.parentId(), source.column()))) {
                        continue;
                    }
                    List<String> via = new ArrayList<>(step.via());
                    if (step.hops() > 0) {
                        via.add("through " + displayName(step.nodeId()));
                    }
                    hopPhrase(step.column(), source).ifPresent(via::add);
                    String text = texts.columns(source.parentId()).getOrDefault(source.column(), "");
                    Node parent = manifest.node(source.parentId()).orElseThrow();
                    TracedColumn traced = new TracedColumn(parent.uniqueId(), parent.displayName(),
                            parent.resourceType().label(), source.column(), text,
                            String.join(", ", new LinkedHashSet<>(via)), step.hops() + 1);
                    boolean documented = !text.isBlank();
                    if (documented || !stopAtDocumented) {
                        found.add(traced);
                    }
                    if (!documented || !stopAtDocumented) {
                        next.add(new Step(source.parentId(), source.column(), via, step.hops() + 1));
                    }
                }
            }
            if (stopAtDocumented && !found.isEmpty()) {
                return;
            }
            frontier = next;
        }
    }

    /** "renamed from x", "cast of x", "computed from x", or nothing when the column passes through as itself. */
    private static Optional<String> hopPhrase(String column, Source source) {
        return switch (source.how()) {
            case CAST -> Optional.of("cast of " + source.column());
            case COMPUTED -> Optional.of("computed from " + source.column());
            case DIRECT -> source.column().equalsIgnoreCase(column) ? Optional.empty()
                    : Optional.of("renamed from " + source.column());
        };
    }

    /**
     * The parents' columns {@code column} of {@code nodeId} comes from: by its SQL where that tells, else by name.
     * Each is spelled as the parent spells it; a parent that lists columns but not this one is no source.
     */
    private List<Source> sources(String nodeId, String column, ColumnTexts texts) {
        List<String> parentIds = lineage.parents(nodeId);
        if (parentIds.isEmpty()) {
            return List.of();
        }
        Set<String> parents = Set.copyOf(parentIds);
        Set<Source> out = new LinkedHashSet<>();
        for (Origin origin : shape(nodeId).map(s -> s.origins(column)).orElse(List.of())) {
            for (String parentId : relations.resolve(origin.relation(), parents)) {
                Map<String, String> parentColumns = texts.columns(parentId);
                if (parentColumns.isEmpty()) {
                    out.add(new Source(parentId, origin.column(), origin.how()));
                } else {
                    spelled(parentColumns, origin.column())
                            .ifPresent(name -> out.add(new Source(parentId, name, origin.how())));
                }
            }
        }
        if (out.isEmpty()) {
            for (String parentId : parentIds) {
                spelled(texts.columns(parentId), column)
                        .ifPresent(name -> out.add(new Source(parentId, name, Origin.Derivation.DIRECT)));
            }
        }
        return List.copyOf(out);
    }

    private static Optional<String> spelled(Map<String, String> columns, String name) {
        if (columns.containsKey(name)) {
            return Optional.of(name);
        }
        return columns.keySet().stream().filter(n -> n.equalsIgnoreCase(name)).findFirst();
    }

    /** The node's SQL shape, parsed on first use (compiled code, else raw code, which parses when it has no Jinja). */
    private Optional<QueryShape> shape(String nodeId) {
        return shapes.computeIfAbsent(nodeId,
                id -> manifest.node(id).map(Node::sql).flatMap(sql -> SqlShapes.parse(sql, parsing)));
    }

    private String displayName(String nodeId) {
        return manifest.node(nodeId).map(Node::displayName).orElse(nodeId);
    }

    private static String key(String nodeId, String column) {
        return nodeId + "|" + column.toLowerCase(Locale.ROOT);
    }

    /** How many nodes' SQL was parsed so far (for tests: each at most once). */
    int parsedNodes() {
        return shapes.size();
    }
}
