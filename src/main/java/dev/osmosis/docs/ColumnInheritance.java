package dev.osmosis.docs;

import dev.osmosis.trust.UntrustedText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fills one node's columns from its ancestors: the closest generation that documents a same-name column wins the
 * description; tags are the union; meta merges from farthest to closest with the node's own keys on top. The
 * ancestor's YAML text is carried as is, so {{ doc("x") }} stays a reference.
 */
final class ColumnInheritance {
    /** Keys that describe osmosis's own provenance: they belong to the node that got them, never inherited. */
    static final Set<String> OWN_META_KEYS = Set.of("osmosis_progenitor", "osmosis_generated", "osmosis_reviewed",
            Rejections.KEY, Abstentions.KEY);

    private final DocSettings settings;
    /**
     * Each ancestor's columns by match key, kept across nodes: a node with many descendants is looked up once per
     * descendant, and re-indexing it each time was most of a nothing-to-do run's inheritance step. Keyed by unique
     * id and valid only for the very docs instance it was built from (docs are immutable; a node documented since
     * gets a new instance). Concurrent: synthesis documents nodes on several threads.
     */
    private final Map<String, Indexed> indexes = new ConcurrentHashMap<>();

    private record Indexed(NodeDocs docs, Map<String, ColumnDocs> byKey) {
    }

    ColumnInheritance(DocSettings settings) {
        this.settings = settings;
    }

    /** {@code generations}: the ancestors' current docs, parents first, each generation in unique-id order. */
    NodeDocs inherit(NodeDocs node, List<List<NodeDocs>> generations) {
        if (generations.isEmpty()) {
            return node;
        }
        List<ColumnDocs> out = new ArrayList<>(node.columns().size());
        boolean changed = false;
        for (ColumnDocs column : node.columns()) {
            ColumnDocs inherited = inheritColumn(column, candidates(column, generations));
            changed |= inherited != column;
            out.add(inherited);
        }
        return changed && !out.equals(node.columns()) ? node.withColumns(out) : node;
    }

    /** An ancestor's same-name column; closest generation first. */
    private record Candidate(String nodeId, ColumnDocs column) {
    }

    /**
     * Each ancestor's columns are indexed by match key once (see {@link #indexes}), not once per column: a mart
     * with dozens of columns and dozens of ancestors would otherwise lower-case the same names thousands of times.
     */
    private List<Candidate> candidates(ColumnDocs column, List<List<NodeDocs>> generations) {
        String key = settings.matchKey(column.name());
        List<Candidate> found = new ArrayList<>();
        for (List<NodeDocs> generation : generations) {
            for (NodeDocs ancestor : generation) {
                ColumnDocs c = columnsByKey(ancestor).get(key);
                if (c != null) {
                    found.add(new Candidate(ancestor.uniqueId(), c));
                }
            }
        }
        return found;
    }

    /** The first column of each match key, as the column-by-column search would find it. */
    private Map<String, ColumnDocs> columnsByKey(NodeDocs node) {
        Indexed known = indexes.get(node.uniqueId());
        if (known != null && known.docs() == node) {
            return known.byKey();
        }
        Map<String, ColumnDocs> index = new HashMap<>();
        for (ColumnDocs c : node.columns()) {
            index.putIfAbsent(settings.matchKey(c.name()), c);
        }
        indexes.put(node.uniqueId(), new Indexed(node, index));
        return index;
    }

    /**
     * The description as it flows down: as the YAML holds it ({@code {{ doc() }}} stays a reference), except a
     * model's text that no one has reviewed yet (marked {@code osmosis_generated}, no {@code osmosis_reviewed}):
     * an older osmosis wrote such text with live Jinja, and it is not copied further live (ADR 0702).
     */
    static String carried(ColumnDocs source) {
        String text = source.description();
        Object mark = source.meta().get("osmosis_generated");
        Object reviewed = source.meta().get("osmosis_reviewed");
        boolean pendingReview = (Boolean.TRUE.equals(mark) || "true".equalsIgnoreCase(String.valueOf(mark)))
                && (reviewed == null || String.valueOf(reviewed).isBlank());
        return pendingReview ? UntrustedText.neutraliseLiveJinja(text) : text;
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
                    String text = carried(c.column());
                    if (!text.equals(column.description())) {
                        String origin = c.column().origin() != null ? c.column().origin() : c.nodeId();
                        // an abstention is about an undocumented place: a text from upstream settles it (ADR 0714)
                        result = result.withDescription(text, origin).withMeta(Abstentions.cleared(result.meta()));
                        inherited = true;
                    }
                    break;
                }
            }
        }
        if (!settings.skipAddTags() && addsTags(result, candidates)) {
            Set<String> tags = new LinkedHashSet<>(result.tags());
            candidates.forEach(c -> tags.addAll(c.column().tags()));
            if (tags.size() != result.tags().size()) {
                result = result.withTags(new ArrayList<>(tags));
            }
        }
        if (inherited && settings.addProgenitorToMeta() || addsMeta(result, candidates)) {
            Map<String, Object> meta = mergedMeta(result, candidates, inherited);
            if (!meta.equals(result.meta())) {
                result = result.withMeta(meta);
            }
        }
        if (settings.inheritKeys().isEmpty()) {
            return result;
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

    /**
     * Whether the merge below changes the tags: an ancestor has a tag the column lacks. The common answer is no (a nothing-to-do run, or a column
     * whose tags were inherited before), and then no set is built for it.
     */
    private static boolean addsTags(ColumnDocs column, List<Candidate> candidates) {
        List<String> own = column.tags();
        for (int i = 1; i < own.size(); i++) {
            if (own.subList(0, i).contains(own.get(i))) {
                return true; // a repeated tag: the merge below writes the list back without the repeat
            }
        }
        for (Candidate c : candidates) {
            for (String tag : c.column().tags()) {
                if (!column.tags().contains(tag)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@link #mergedMeta} would add a key: an ancestor's inheritable meta key the column lacks. */
    private boolean addsMeta(ColumnDocs column, List<Candidate> candidates) {
        if (settings.skipMergeMeta()) {
            return false;
        }
        for (Candidate c : candidates) {
            for (String k : c.column().meta().keySet()) {
                if (!column.meta().containsKey(k) && !OWN_META_KEYS.contains(k) && !settings.skipMetaKeys().contains(k)) {
                    return true;
                }
            }
        }
        return false;
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
