package dev.osmosis.docs;

import dev.osmosis.project.Catalog;
import dev.osmosis.project.Node;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Computes documentation coverage from the docs as they stand on disk (the schema YAML, read as `yaml document`
 * reads it; the manifest only for nodes without a readable entry), so coverage right after `yaml document` counts
 * what it wrote, without another `dbt parse`. The catalog adds the columns the YAML lacks, as undocumented.
 */
public final class Coverage {
    private final Placeholders placeholders;

    public Coverage(Placeholders placeholders) {
        this.placeholders = placeholders;
    }

    public CoverageReport compute(String projectName, List<Node> nodes, Map<String, NodeDocs> docs,
                                  Catalog catalog) {
        List<CoverageReport.NodeCoverage> perNode = new ArrayList<>();
        Map<String, CoverageReport.Tally> perFolder = new TreeMap<>();
        CoverageReport.Tally total = new CoverageReport.Tally(0, 0, 0, 0);
        for (Node node : nodes) {
            CoverageReport.NodeCoverage nc = measure(node, docs.getOrDefault(node.uniqueId(),
                    ManifestDocs.of(node)), catalog);
            perNode.add(nc);
            CoverageReport.Tally t = new CoverageReport.Tally(1, nc.documented() ? 1 : 0, nc.columns(),
                    nc.documentedColumns());
            perFolder.merge(nc.folder(), t, CoverageReport.Tally::plus);
            total = total.plus(t);
        }
        List<CoverageReport.FolderCoverage> folders = perFolder.entrySet().stream()
                .map(e -> new CoverageReport.FolderCoverage(e.getKey(), e.getValue())).toList();
        return new CoverageReport(projectName, total, folders, perNode);
    }

    private CoverageReport.NodeCoverage measure(Node node, NodeDocs docs, Catalog catalog) {
        List<String> undocumented = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int documented = 0;
        for (ColumnDocs c : docs.columns()) {
            if (!seen.add(c.name().toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (placeholders.isDocumented(c.description())) {
                documented++;
            } else {
                undocumented.add(c.name());
            }
        }
        for (Catalog.CatalogColumn c : catalog.table(node.uniqueId()).map(Catalog.Table::columns).orElse(List.of())) {
            if (seen.add(c.name().toLowerCase(Locale.ROOT))) {
                undocumented.add(c.name());
            }
        }
        return new CoverageReport.NodeCoverage(node.uniqueId(), node.resourceType().label(), node.displayName(),
                folderOf(node), placeholders.isDocumented(docs.description()), seen.size(), documented, undocumented);
    }

    /** The folder of the node's file, as coverage groups by it ("." at the project root). */
    public static String folderOf(Node node) {
        String path = node.originalFilePath();
        if (path == null) {
            return ".";
        }
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "." : path.substring(0, slash);
    }
}
