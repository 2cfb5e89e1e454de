package dev.osmosis.docs.synthesis;

import dev.osmosis.docs.ColumnDocs;
import dev.osmosis.docs.NodeDocs;
import dev.osmosis.docs.Placeholders;
import dev.osmosis.docs.grounding.PromptGrounding;
import dev.osmosis.lineage.columns.TracedColumn;
import dev.osmosis.llm.prompt.PromptContext;
import dev.osmosis.project.Catalog;
import dev.osmosis.project.Node;
import java.util.ArrayList;
import java.util.List;

/** Builds the prompt context of a node from the project and the docs as they stand in this run. */
final class PromptContexts {
    private PromptContexts() {
    }

    /** {@code parents}: the direct parents' docs, including text synthesized for them in this run. */
    static PromptContext of(Node node, NodeDocs docs, Catalog.Table table, List<Parent> parents,
                            Placeholders placeholders, SynthesisSettings settings) {
        return of(node, docs, table, parents, placeholders, settings, PromptGrounding.none());
    }

    /**
     * As above, every description shown with its {@code {{ doc() }}} references rendered by {@code grounding}
     * (the YAML keeps them), and the node's Jinja source beside its compiled SQL, for the view to pick the
     * shorter when they say the same.
     */
    static PromptContext of(Node node, NodeDocs docs, Catalog.Table table, List<Parent> parents,
                            Placeholders placeholders, SynthesisSettings settings, PromptGrounding grounding) {
        List<PromptContext.Column> columns = new ArrayList<>();
        // A model wider than one batch would resend every column with every batch: keep only documented ones
        // (the batch's own gaps are listed in the task), at most one batch of them.
        boolean wide = docs.columns().size() > settings.batchSize();
        for (ColumnDocs c : docs.columns()) {
            boolean documented = placeholders.isDocumented(c.description());
            if (wide && (!documented || columns.size() >= settings.batchSize())) {
                continue;
            }
            columns.add(new PromptContext.Column(c.name(), dataType(c, table),
                    documented ? grounding.render(c.description()) : ""));
        }
        List<PromptContext.Parent> parentViews = new ArrayList<>();
        for (Parent p : parents) {
            List<PromptContext.Column> cols = new ArrayList<>();
            for (ColumnDocs c : p.docs().columns()) {
                cols.add(new PromptContext.Column(c.name(), c.dataType(),
                        placeholders.isDocumented(c.description()) ? grounding.render(c.description()) : ""));
            }
            parentViews.add(new PromptContext.Parent(p.node().displayName(), p.node().resourceType().label(),
                    placeholders.isDocumented(p.docs().description()) ? grounding.render(p.docs().description()) : "",
                    cols));
        }
        String description = placeholders.isDocumented(docs.description()) ? grounding.render(docs.description()) : "";
        PromptContext context = new PromptContext(node.uniqueId(), node.name(), node.resourceType().label(),
                node.originalFilePath(), node.materialized(), description, node.sql(), columns, List.of(), false,
                parentViews, settings.userContext(), null, settings.limits());
        // sql() is the compiled code when there is one: then the Jinja source is the other candidate
        context = context.withLanguage(settings.language());
        return node.compiledCode().isBlank() ? context : context.withRawSql(node.rawCode());
    }

    /**
     * A column asked about, with the facts the project states about it (tests, accepted values, meta), its traced
     * documented ancestors (doc() references rendered, each text cut to {@code maxAncestorChars}) and their facts.
     */
    static PromptContext.Column gap(String nodeId, ColumnDocs c, Catalog.Table table, PromptGrounding grounding,
                                    List<TracedColumn> ancestors, int maxAncestorChars) {
        List<String> facts = new ArrayList<>(grounding.facts(nodeId, c.name(), c.meta()));
        List<PromptContext.Ancestor> shown = new ArrayList<>();
        for (TracedColumn t : ancestors) {
            facts.addAll(grounding.upstreamFacts(t.uniqueId(), t.column()));
            shown.add(new PromptContext.Ancestor(t.node(), t.resourceType(), t.column(),
                    clip(grounding.render(t.description()).strip(), maxAncestorChars), t.via()));
        }
        return PromptContext.Column.gap(c.name(), dataType(c, table)).withFacts(facts).withAncestors(shown);
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max).stripTrailing() + " [...]";
    }

    static String dataType(ColumnDocs c, Catalog.Table table) {
        if (c.dataType() != null) {
            return c.dataType();
        }
        return table == null ? null : table.column(c.name()).map(Catalog.CatalogColumn::type).orElse(null);
    }

    /** A direct parent and its docs as they stand now. */
    record Parent(Node node, NodeDocs docs) {
    }
}
