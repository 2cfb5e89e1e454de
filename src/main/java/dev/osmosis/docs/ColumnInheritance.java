package dev.osmosis.docs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Fills one node's columns from its ancestors: the closest generation that documents a same-name column wins the
 * description; tags are the union; meta merges from farthest to closest with the node's own keys on top. The
 * ancestor's YAML text is carried as is, so {{ doc("x") }} stays a reference.
 */
final class ColumnInheritance {
    /** Keys that describe osmosis's own provenance: they belong to the node that got them, never inherited. */
    static final Set<String> OWN_META_KEYS = Set.of("osmosis_progenitor", "osmosis_generated", "osmosis_reviewed");

    private final DocSettings settings;

    ColumnInheritance(DocSettings settings) {
        this.settings = settings;
    }

    /** {@code generations}: the ancestors' current docs, parents first, each generation in unique-id order. */
    NodeDocs inherit(NodeDocs node, List<List<NodeDocs>> generations) {
        if (generations.isEmpty()) {
            return node;
        }
        List<ColumnDocs> out = new ArrayList<>(node.columns().size());
        Map<NodeDocs, Map<String, ColumnDocs>> byKey = new IdentityHashMap<>();
        for (ColumnDocs column : node.columns()) {
            out.add(inheritColumn(column, candidates(column, generations, byKey)));
        }
        return out.equals(node.columns()) ? node : node.withColumns(out);
    }

    /** An ancestor's same-name column; closest generation first. */
    private record Candidate(String nodeId, ColumnDocs column) {
    }

    /**
     * {@code byKey} indexes each ancestor's columns by match key once per node, not once per column: a mart
     * with dozens of columns and dozens of ancestors would otherwise lower-case the same names thousands of times.
     */
    private List<Candidate> candidates(ColumnDocs column, List<List<NodeDocs>> generations,
                                       Map<NodeDocs, Map<String, ColumnDocs>> byKey) {
        String key = settings.matchKey(column.name());
        List<Candidate> found = new ArrayList<>();
        for (List<NodeDocs> generation : generations) {
            for (NodeDocs ancestor : generation) {
                ColumnDocs c = byKey.computeIfAbsent(ancestor, this::columnsByKey).get(key);
                if (c != null) {
                    found.add(new Candidate(ancestor.uniqueId(), c));
                }
            }
        }
        return found;
    }

    /** The first column of each match key, as the column-by-column search would find it. */
    private Map<String, ColumnDocs> columnsByKey(NodeDocs node) {
        Map<String, ColumnDocs> index = new HashMap<>();
        for (ColumnDocs c : node.columns()) {
            index.putIfAbsent(settings.matchKey(c.name()), c);
        }
        return index;
    }

    private ColumnDocs inheritColumn(ColumnDocs column, List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            return column;
        }
        ColumnDocs result = column;
        boolean wantsDescription = !settings.skipInheritDescriptions()
                && (settings.forceInheritDescriptions() || !settings.isDocumented(column.description()));
        boolean inherited = false;
        if (wantsDescription) {
            for (Candidate c : candidates) {
                if (settings.isDocumented(c.column().description())) {
                    if (!c.column().description().equals(column.description())) {
                        String origin = c.column().origin() != null ? c.column().origin() : c.nodeId();
                        result = result.withDescription(c.column().description(), origin);
                        inherited = true;
                    }
                    break;
                }
            }
        }
        if (!settings.skipAddTags()) {
            Set<String> tags = new LinkedHashSet<>(result.tags());
            candidates.forEach(c -> tags.addAll(c.column().tags()));
            if (tags.size() != result.tags().size()) {
                result = result.withTags(new ArrayList<>(tags));
            }
        }
        Map<String, Object> meta = mergedMeta(result, candidates, inherited);
        if (!meta.equals(result.meta())) {
            result = result.withMeta(meta);
        }
        Map<String, Object> extras = new LinkedHashMap<>(result.extras());
        for (String key : settings.inheritKeys()) {
            if (!extras.containsKey(key)) {
                candidates.stream().map(c -> c.column().extras().get(key)).filter(Objects::nonNull).findFirst()
                        .ifPresent(v -> extras.put(key, v));
            }
        }
        if (!extras.equals(result.extras())) {
            result = result.withExtras(extras);
        }
        return result;
    }

    private Map<String, Object> mergedMeta(ColumnDocs column, List<Candidate> candidates, boolean inherited) {
        Map<String, Object> merged = new LinkedHashMap<>();
        if (!settings.skipMergeMeta()) {
            for (int i = candidates.size() - 1; i >= 0; i--) {
                candidates.get(i).column().meta().forEach((k, v) -> {
                    if (!OWN_META_KEYS.contains(k) && !settings.skipMetaKeys().contains(k)) {
                        merged.put(k, v);
                    }
                });
            }
        }
        Map<String, Object> result = new LinkedHashMap<>(column.meta());
        merged.forEach(result::putIfAbsent);
        if (inherited && settings.addProgenitorToMeta()) {
            result.put("osmosis_progenitor", column.origin());
        }
        return result;
    }
}
