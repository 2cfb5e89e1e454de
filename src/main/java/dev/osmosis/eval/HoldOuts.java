package dev.osmosis.eval;

import dev.osmosis.docs.ColumnDocs;
import dev.osmosis.docs.DocumentationRun;
import dev.osmosis.docs.NodeDocs;
import dev.osmosis.docs.NodeDocumenter;
import dev.osmosis.docs.Placeholders;
import dev.osmosis.docs.synthesis.StaleColumns;
import dev.osmosis.lineage.Lineage;
import dev.osmosis.project.Node;
import dev.osmosis.project.Project;
import dev.osmosis.project.ResourceType;
import dev.osmosis.project.DocReferences;
import dev.osmosis.review.ReviewKeys;
import dev.osmosis.trust.UntrustedText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Chooses the descriptions an eval holds out, and blanks them in memory (docs/adr/0716). A candidate is a
 * description a person wrote in the project's own YAML for a model, seed or snapshot of the selection: not a
 * placeholder, not marked as written by a model (reviewed or not), not copied down by osmosis's inheritance
 * ({@code osmosis_progenitor}), and a {@code {{ doc() }}} reference only when the manifest has its block (graded
 * against the block's text). A candidate that inheritance would fill again once blanked (an ancestor documents a
 * column of the same name, so a real run never asks the model for it) is not held out: the eval measures what the
 * model is asked for. The sample is seeded: the same project, selection and seed hold out the same descriptions.
 */
public final class HoldOuts {
    /** The key inheritance notes the node it copied a description from (ColumnInheritance). */
    static final String PROGENITOR_KEY = "osmosis_progenitor";

    /**
     * @param heldOut     the sample, by node then column
     * @param candidates  human-written descriptions of the selection
     * @param refillable  candidates left out because inheritance would fill them again
     * @param seed        the seed the sample was drawn with
     * @param blanked     every node's docs with the held-out descriptions emptied (the files are not touched)
     */
    public record Selection(List<HoldOut> heldOut, int candidates, int refillable, long seed,
                            Map<String, NodeDocs> blanked) {
        public Selection {
            heldOut = List.copyOf(heldOut);
            blanked = Collections.unmodifiableMap(new HashMap<>(blanked));
        }

        public Set<String> keys() {
            Set<String> keys = new java.util.HashSet<>();
            heldOut.forEach(h -> keys.add(h.key()));
            return keys;
        }
    }

    private final Project project;
    private final Lineage lineage;
    private final NodeDocumenter documenter;
    private final Placeholders placeholders;
    private final ReviewKeys reviewKeys;
    private final DocReferences references;

    public HoldOuts(Project project, Lineage lineage, NodeDocumenter documenter, Placeholders placeholders,
                    ReviewKeys reviewKeys) {
        this.project = project;
        this.lineage = lineage;
        this.documenter = documenter;
        this.placeholders = placeholders;
        this.reviewKeys = reviewKeys;
        this.references = new DocReferences(project.manifest().docs().values(), project.packageName());
    }

    /**
     * @param selected the nodes the user selected (and whose YAML could be read)
     * @param docs     every node's docs as they stand
     * @param sample   how many to hold out at most
     */
    public Selection choose(List<Node> selected, Map<String, NodeDocs> docs, int sample, long seed) {
        Set<String> ids = new java.util.HashSet<>();
        selected.forEach(n -> ids.add(n.uniqueId()));
        // what a run would leave each node's ancestors with: the state a blanked description is refilled from
        Map<String, NodeDocs> inherited = new HashMap<>(docs);
        inherited.putAll(DocumentationRun.run(lineage, ids, docs, documenter));
        List<HoldOut> candidates = new ArrayList<>();
        int refillable = 0;
        for (Node node : selected) {
            NodeDocs nodeDocs = docs.get(node.uniqueId());
            if (nodeDocs == null || !nodeDocs.inYaml() || !project.isOwn(node)
                    || node.resourceType() == ResourceType.SOURCE) {
                continue;
            }
            // a stale column (neither the catalog nor the SQL has it) is never asked in a run: nor is it here
            Set<String> stale = StaleColumns.of(node, nodeDocs, project.catalog().table(node.uniqueId()).orElse(null));
            List<HoldOut> own = humanWritten(node, nodeDocs).stream()
                    .filter(h -> h.column().isEmpty() || !stale.contains(h.column())).toList();
            Set<String> refilled = refilled(blank(nodeDocs, own), inherited);
            for (HoldOut h : own) {
                if (refilled.contains(h.column())) {
                    refillable++;
                } else {
                    candidates.add(h);
                }
            }
        }
        candidates.sort(Comparator.comparing(HoldOut::key));
        List<HoldOut> shuffled = new ArrayList<>(candidates);
        Collections.shuffle(shuffled, new Random(seed));
        List<HoldOut> chosen = new ArrayList<>(shuffled.subList(0, Math.min(sample, shuffled.size())));
        chosen.sort(Comparator.comparing(HoldOut::nodeName).thenComparing(HoldOut::nodeId)
                .thenComparing(HoldOut::column));
        Map<String, NodeDocs> blanked = new HashMap<>(docs);
        Map<String, List<HoldOut>> byNode = new LinkedHashMap<>();
        chosen.forEach(h -> byNode.computeIfAbsent(h.nodeId(), k -> new ArrayList<>()).add(h));
        byNode.forEach((id, items) -> blanked.put(id, blank(docs.get(id), items)));
        return new Selection(chosen, candidates.size() + refillable, refillable, seed, blanked);
    }

    /** The node's own description and its columns', where a person wrote them. */
    private List<HoldOut> humanWritten(Node node, NodeDocs docs) {
        List<HoldOut> found = new ArrayList<>();
        String label = node.resourceType().label();
        if (isHuman(docs.description(), docs.meta())) {
            reference(docs.description()).ifPresent(t -> found.add(new HoldOut(node.uniqueId(), node.name(), label,
                    "", t)));
        }
        for (ColumnDocs c : docs.columns()) {
            if (!c.name().isEmpty() && isHuman(c.description(), c.meta()) && !c.meta().containsKey(PROGENITOR_KEY)) {
                reference(c.description()).ifPresent(t -> found.add(new HoldOut(node.uniqueId(), node.name(), label,
                        c.name(), t)));
            }
        }
        return found;
    }

    private boolean isHuman(String description, Map<String, Object> meta) {
        return placeholders.isDocumented(description) && reviewKeys.status(meta) == null
                && !meta.containsKey(reviewKeys.markKey());
    }

    /**
     * The text to grade against: the description with its doc blocks rendered; empty when a reference or other
     * Jinja is left that cannot be rendered here (a grade against template source would measure nothing).
     */
    private java.util.Optional<String> reference(String description) {
        String rendered = references.render(description);
        String text = (rendered == null ? description : rendered).strip();
        return UntrustedText.hasLiveJinja(text) || !placeholders.isDocumented(text) ? java.util.Optional.empty()
                : java.util.Optional.of(text);
    }

    /** The columns (by name, "" for the node's description) inheritance writes again into {@code blank}. */
    private Set<String> refilled(NodeDocs blank, Map<String, NodeDocs> inherited) {
        NodeDocs after = documenter.document(blank, inherited::get);
        Set<String> refilled = new java.util.HashSet<>();
        if (placeholders.isDocumented(after.description()) && !placeholders.isDocumented(blank.description())) {
            refilled.add("");
        }
        for (ColumnDocs c : blank.columns()) {
            if (!placeholders.isDocumented(c.description())
                    && after.column(c.name()).map(a -> placeholders.isDocumented(a.description())).orElse(false)) {
                refilled.add(c.name());
            }
        }
        return refilled;
    }

    /** {@code docs} with the descriptions of {@code items} emptied. */
    private static NodeDocs blank(NodeDocs docs, List<HoldOut> items) {
        NodeDocs out = docs;
        for (HoldOut h : items) {
            if (h.isNodeDescription()) {
                out = out.withDescription("");
            } else {
                ColumnDocs column = out.columns().stream().filter(c -> c.name().equals(h.column())).findFirst()
                        .orElseThrow();
                out = out.replace(column.withDescription("", null));
            }
        }
        return out;
    }
}
