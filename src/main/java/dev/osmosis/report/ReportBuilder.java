package dev.osmosis.report;

import dev.osmosis.docs.ColumnDocs;
import dev.osmosis.docs.Coverage;
import dev.osmosis.docs.CoverageReport;
import dev.osmosis.docs.DocSettings;
import dev.osmosis.docs.DocState;
import dev.osmosis.docs.NodeDocs;
import dev.osmosis.docs.NodeDocumenter;
import dev.osmosis.lineage.Lineage;
import dev.osmosis.project.Catalog;
import dev.osmosis.project.Column;
import dev.osmosis.project.DocReferences;
import dev.osmosis.project.Node;
import dev.osmosis.project.Project;
import dev.osmosis.schema.SchemaColumn;
import dev.osmosis.schema.SchemaFiles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the report's data: the schema YAML as it stands, with each description's provenance from the
 * inheritance engine and the review marks. Pure: reads the project, writes nothing.
 */
public final class ReportBuilder {
    private final Project project;
    private final DocState state;
    private final DocSettings settings;
    private final ReviewMarks marks;

    public ReportBuilder(Project project, DocState state, DocSettings settings, ReviewMarks marks) {
        this.project = project;
        this.state = state;
        this.settings = settings;
        this.marks = marks;
    }

    public ReportData build(List<Node> selected, List<RunUsage> usage, Instant now) {
        Lineage lineage = Lineage.of(project.manifest());
        NodeDocumenter documenter = new NodeDocumenter(settings, lineage, project.catalog(), false);
        Map<String, NodeDocs> traced = new InheritanceTrace(lineage, documenter, settings).trace(state.docs());
        DocReferences references = new DocReferences(project.manifest().docs().values(), project.packageName());
        CoverageReport coverage = new Coverage(settings.placeholders())
                .compute(project.packageName(), selected, state.docs(), project.catalog());

        List<ReportData.NodeInfo> nodes = new ArrayList<>();
        List<ReportData.Row> rows = new ArrayList<>();
        Map<String, Tallies> perFolder = new LinkedHashMap<>();
        Tallies total = new Tallies();
        for (int i = 0; i < selected.size(); i++) {
            Node node = selected.get(i);
            String folder = coverage.nodes().get(i).folder();
            NodeDocs docs = traced.get(node.uniqueId());
            Provenance nodeProvenance = describe(docs.description(), docs.meta(),
                    project.catalog().table(node.uniqueId()).map(Catalog.Table::comment).orElse(null), null,
                    false);
            nodes.add(new ReportData.NodeInfo(node.uniqueId(), node.displayName(), node.resourceType().label(),
                    folder, nodeProvenance.key()));
            Tallies folderTallies = perFolder.computeIfAbsent(folder, f -> new Tallies());
            folderTallies.node(nodeProvenance);
            total.node(nodeProvenance);
            Location where = location(node);
            rows.add(new ReportData.Row(i, null, docs.description(), nodeProvenance.key(), null, where.file,
                    where.line, null, references.render(docs.description())));
            for (ReportData.Row row : rows(i, node, docs, where, traced, references)) {
                rows.add(row);
                folderTallies.column(row.provenance());
                total.column(row.provenance());
            }
        }
        List<ReportData.Folder> folders = new ArrayList<>();
        new java.util.TreeMap<>(perFolder).forEach((f, t) -> folders.add(new ReportData.Folder(f, t.tally(), t.columns)));
        List<ReportData.Legend> legend = Arrays.stream(Provenance.values())
                .map(p -> new ReportData.Legend(p.key(), p.label(), p.shortLabel())).toList();
        Map<String, String> ancestors = new java.util.TreeMap<>();
        rows.stream().map(ReportData.Row::ancestor).filter(Objects::nonNull).distinct().forEach(id -> ancestors.put(id,
                project.manifest().node(id).map(Node::displayName).orElse(id)));
        return new ReportData(project.packageName(), now.toString(), total.tally(), total.columns, total.nodes, legend,
                folders, nodes, rows, ancestors, usage, List.of());
    }

    /** Where a node is documented: its YAML entry, else the file the manifest names. */
    private record Location(String file, int line) {
    }

    private Location location(Node node) {
        SchemaFiles.Located entry = state.entry(node.uniqueId()).orElse(null);
        return entry == null ? new Location(Objects.requireNonNullElse(node.patchPath(), node.originalFilePath()), 0)
                : new Location(project.root().relativize(entry.file().path()).toString().replace('\\', '/'),
                        entry.entry().line());
    }

    /**
     * The node's columns as the YAML has them, then those only the manifest or the warehouse knows (the same
     * columns {@code coverage} counts: case-insensitive names, catalog-only columns undocumented).
     */
    private List<ReportData.Row> rows(int index, Node node, NodeDocs docs, Location where,
                                      Map<String, NodeDocs> traced, DocReferences references) {
        SchemaFiles.Located entry = state.entry(node.uniqueId()).orElse(null);
        String file = where.file();
        int entryLine = where.line();
        Catalog.Table table = project.catalog().table(node.uniqueId()).orElse(null);
        Map<String, ReportData.Row> byKey = new LinkedHashMap<>();
        for (ColumnDocs c : docs.columns()) {
            int line = entry == null ? 0 : entry.entry().column(c.name()).map(SchemaColumn::line).orElse(entryLine);
            String comment = table == null ? null : table.column(c.name()).map(Catalog.CatalogColumn::comment)
                    .orElse(null);
            Provenance p = describe(c.description(), c.meta(), comment, c.origin(), node.persistsColumnDocs());
            String ancestor = p == Provenance.INHERITED ? c.origin() : null;
            byKey.putIfAbsent(key(c.name()), new ReportData.Row(index, c.name(), c.description(), p.key(), ancestor,
                    file, line, ancestor == null ? null : aiStateAt(traced.get(ancestor), c),
                    references.render(c.description())));
        }
        for (Column c : node.columns()) {
            Provenance p = describe(c.description(), c.meta(), null, null, false);
            byKey.putIfAbsent(key(c.name()), new ReportData.Row(index, c.name(), c.description(), p.key(), null, file,
                    entryLine, null, references.render(c.description())));
        }
        if (table != null) {
            for (Catalog.CatalogColumn c : table.columns()) {
                byKey.putIfAbsent(key(c.name()), new ReportData.Row(index, c.name(), "",
                        Provenance.UNDOCUMENTED.key(), null, file, entryLine));
            }
        }
        return new ArrayList<>(byKey.values());
    }

    /**
     * The AI mark the inherited text carries at the ancestor that wrote it (the column of that name there, else the
     * one holding the very text), as a provenance key; null when a person wrote it there.
     */
    private String aiStateAt(NodeDocs ancestor, ColumnDocs inherited) {
        if (ancestor == null) {
            return null;
        }
        ColumnDocs there = ancestor.columns().stream().filter(c -> key(c.name()).equals(key(inherited.name())))
                .findFirst().or(() -> ancestor.columns().stream()
                        .filter(c -> c.description().equals(inherited.description())).findFirst())
                .orElse(null);
        Provenance ai = there == null ? null : marks.aiState(there.meta());
        return ai == null ? null : ai.key();
    }

    /**
     * The provenance of one description: review marks first, then the engine's origin, then the warehouse. With
     * persist_docs the warehouse comment is dbt's copy of the YAML text, so equality says nothing about who wrote
     * it: the YAML's text is a person's.
     */
    private Provenance describe(String text, Map<String, Object> meta, String warehouseComment, String origin,
                                boolean warehouseEchoesYaml) {
        if (!settings.isDocumented(text)) {
            return Provenance.UNDOCUMENTED;
        }
        Provenance ai = marks.aiState(meta);
        if (ai != null) {
            return ai;
        }
        if (origin != null) {
            return Provenance.INHERITED;
        }
        if (!warehouseEchoesYaml && warehouseComment != null && warehouseComment.strip().equals(text.strip())) {
            return Provenance.WAREHOUSE;
        }
        return Provenance.PERSON;
    }

    private static String key(String columnName) {
        return columnName.toLowerCase(Locale.ROOT);
    }

    /** Running counts for one folder or the whole selection. */
    private static final class Tallies {
        final Map<String, Integer> columns = zeros();
        final Map<String, Integer> nodes = zeros();

        private static Map<String, Integer> zeros() {
            Map<String, Integer> m = new LinkedHashMap<>();
            for (Provenance p : Provenance.values()) {
                m.put(p.key(), 0);
            }
            return m;
        }

        void node(Provenance p) {
            nodes.merge(p.key(), 1, Integer::sum);
        }

        void column(String provenanceKey) {
            columns.merge(provenanceKey, 1, Integer::sum);
        }

        CoverageReport.Tally tally() {
            int nodeCount = nodes.values().stream().mapToInt(Integer::intValue).sum();
            int columnCount = columns.values().stream().mapToInt(Integer::intValue).sum();
            return new CoverageReport.Tally(nodeCount, nodeCount - nodes.get(Provenance.UNDOCUMENTED.key()),
                    columnCount, columnCount - columns.get(Provenance.UNDOCUMENTED.key()));
        }
    }
}
