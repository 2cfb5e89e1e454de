package dev.osmosis.report;

import dev.osmosis.docs.ColumnDocs;
import dev.osmosis.docs.DocSettings;
import dev.osmosis.docs.NodeDocs;
import dev.osmosis.docs.NodeDocumenter;
import dev.osmosis.lineage.Lineage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks the inheritance engine, without writing anything, which ancestor each documented column would inherit its
 * text from: every node is probed with its column descriptions blanked, so the engine proposes what it would fill
 * in. A column whose own text is exactly that proposal holds inherited text; its origin is the ancestor that first
 * wrote it (the engine follows origins up the chain, because the walk is in topological order and each traced node
 * carries its columns' origins on to its children).
 */
final class InheritanceTrace {
    private final Lineage lineage;
    private final NodeDocumenter documenter;
    private final DocSettings settings;

    InheritanceTrace(Lineage lineage, NodeDocumenter documenter, DocSettings settings) {
        this.lineage = lineage;
        this.documenter = documenter;
        this.settings = settings;
    }

    /**
     * {@code docs}: every node's docs as they stand (read from YAML). Returns the same docs where each column
     * holding inherited text has {@link ColumnDocs#origin()} set to the node that first wrote it; other columns
     * have a null origin.
     */
    Map<String, NodeDocs> trace(Map<String, NodeDocs> docs) {
        Map<String, NodeDocs> traced = new HashMap<>(docs);
        for (String id : lineage.topologicalOrder()) {
            NodeDocs node = traced.get(id);
            if (node != null) {
                traced.put(id, traceNode(node, traced));
            }
        }
        return traced;
    }

    private NodeDocs traceNode(NodeDocs node, Map<String, NodeDocs> traced) {
        List<ColumnDocs> blank = new ArrayList<>(node.columns().size());
        node.columns().forEach(c -> blank.add(c.withDescription("", null)));
        NodeDocs proposal = documenter.inheritOnly(node.withColumns(blank), traced::get);
        List<ColumnDocs> out = new ArrayList<>(node.columns().size());
        for (int i = 0; i < node.columns().size(); i++) {
            ColumnDocs own = node.columns().get(i);
            ColumnDocs proposed = proposal.columns().get(i);
            boolean inherited = settings.isDocumented(own.description()) && proposed.origin() != null
                    && proposed.description().equals(own.description());
            out.add(own.withDescription(own.description(), inherited ? proposed.origin() : null));
        }
        return node.withColumns(out);
    }
}
