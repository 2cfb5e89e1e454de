package dev.osmosis.docs;

import dev.osmosis.lineage.Lineage;
import dev.osmosis.project.Catalog;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Documents one node without an LLM: inject catalog columns, inherit from ancestors, and for `refactor` drop stale
 * columns, sync types and sort. Pure: reads the current docs of other nodes through a function, returns new docs.
 */
public final class NodeDocumenter {
    private final Lineage lineage;
    private final Catalog catalog;
    private final ColumnInjector injector;
    private final ColumnInheritance inheritance;
    private final Refactoring refactoring;

    public NodeDocumenter(DocSettings settings, Lineage lineage, Catalog catalog, boolean refactor) {
        this(settings, lineage, catalog, refactor, NameFolding.AS_REPORTED);
    }

    /** {@code folding}: the default case of injected names ({@link NameFolding#of}). */
    public NodeDocumenter(DocSettings settings, Lineage lineage, Catalog catalog, boolean refactor,
                          NameFolding folding) {
        this(settings, lineage, catalog, refactor, false, folding);
    }

    /** {@code keepDocumentedColumns}: refactor keeps documented columns the catalog lacks. */
    private NodeDocumenter(DocSettings settings, Lineage lineage, Catalog catalog, boolean refactor,
                           boolean keepDocumentedColumns, NameFolding folding) {
        this.lineage = lineage;
        this.catalog = catalog;
        this.injector = new ColumnInjector(settings, folding);
        this.inheritance = new ColumnInheritance(settings);
        this.refactoring = refactor ? new Refactoring(settings, keepDocumentedColumns) : null;
    }

    /** The documenter for a whole project run: names cased as its adapter and its YAML suggest. */
    public static NodeDocumenter forProject(DocSettings settings, Lineage lineage, dev.osmosis.project.Project project,
                                            java.util.Collection<NodeDocs> docs, boolean refactor) {
        return forProject(settings, lineage, project, docs, refactor, false);
    }

    /** As above; {@code keepDocumentedColumns} is `yaml refactor --keep-documented-columns`. */
    public static NodeDocumenter forProject(DocSettings settings, Lineage lineage, dev.osmosis.project.Project project,
                                            java.util.Collection<NodeDocs> docs, boolean refactor,
                                            boolean keepDocumentedColumns) {
        return new NodeDocumenter(settings, lineage, project.catalog(), refactor, keepDocumentedColumns,
                NameFolding.of(project.manifest().adapterType(), docs));
    }

    /** {@code current} gives the docs of any node as they stand now (null when unknown). */
    public NodeDocs document(NodeDocs node, Function<String, NodeDocs> current) {
        Catalog.Table table = catalog.table(node.uniqueId()).map(StructColumns::expand).orElse(null);
        NodeDocs result = injector.inject(node, table);
        if (refactoring != null) {
            result = refactoring.apply(result, table);
        }
        return inheritance.inherit(result, ancestors(node.uniqueId(), current));
    }

    /** Re-run only inheritance (synthesis calls this once the parents have new text). */
    public NodeDocs inheritOnly(NodeDocs node, Function<String, NodeDocs> current) {
        return inheritance.inherit(node, ancestors(node.uniqueId(), current));
    }

    private List<List<NodeDocs>> ancestors(String uniqueId, Function<String, NodeDocs> current) {
        List<List<NodeDocs>> generations = new ArrayList<>();
        for (List<String> ids : lineage.ancestorsByGeneration(uniqueId)) {
            List<NodeDocs> generation = new ArrayList<>(ids.size());
            for (String id : ids) {
                NodeDocs docs = current.apply(id);
                if (docs != null) {
                    generation.add(docs);
                }
            }
            generations.add(generation);
        }
        return generations;
    }
}
