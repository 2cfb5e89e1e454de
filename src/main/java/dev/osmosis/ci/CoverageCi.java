package dev.osmosis.ci;

import dev.osmosis.docs.CoverageReport;
import dev.osmosis.docs.YamlDocs;
import dev.osmosis.project.Node;
import dev.osmosis.schema.SchemaColumn;
import dev.osmosis.schema.SchemaFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * `osmosis coverage` for CI: each undocumented node description and column on its YAML line (a node without a
 * YAML entry on line 1 of its .sql file; a warehouse column the YAML lacks on its node's entry).
 */
public final class CoverageCi {
    /** One thing to document, where it is. */
    record Gap(String node, String column, String file, int line, String message) {
    }

    private final CoverageReport report;
    private final Map<String, Node> nodes;
    private final SchemaFiles files;
    private final Path root;
    private final Function<Path, String> shown;

    public CoverageCi(CoverageReport report, Map<String, Node> nodes, SchemaFiles files, Function<Path, String> shown) {
        this.report = report;
        this.nodes = nodes;
        this.files = files;
        this.root = files.root();
        this.shown = shown;
    }

    public String github() {
        StringBuilder b = new StringBuilder();
        for (CoverageReport.NodeCoverage nc : report.nodes()) {
            for (Gap g : gaps(nc)) {
                b.append(GithubAnnotations.on(GithubAnnotations.Level.warning, g.file(), g.line(),
                        g.column() == null ? "undocumented node" : "undocumented column", g.message())).append('\n');
            }
        }
        CoverageReport.Tally t = report.total();
        return b.append(GithubAnnotations.run(GithubAnnotations.Level.notice, "osmosis coverage",
                String.format(Locale.ROOT, "%.1f%% documented: %d of %d node descriptions, %d of %d columns",
                        t.overallPercent(), t.documentedNodes(), t.nodes(), t.documentedColumns(), t.columns())))
                .append('\n').toString();
    }

    /** A test case per node: it fails while any of its descriptions is missing. */
    public String junit() {
        JUnitXml xml = new JUnitXml("osmosis coverage");
        for (CoverageReport.NodeCoverage nc : report.nodes()) {
            List<Gap> gaps = gaps(nc);
            String file = gaps.isEmpty() ? null : gaps.get(0).file();
            String details = String.join("\n", gaps.stream().map(g -> g.file() + ":" + g.line() + ": "
                    + g.message()).toList());
            xml.add(new JUnitXml.TestCase(nc.folder().replace('/', '.'), nc.name(), file,
                    gaps.isEmpty() ? 0 : gaps.get(0).line(),
                    gaps.isEmpty() ? null : gaps.size() + " undocumented", details));
        }
        return xml.render();
    }

    List<Gap> gaps(CoverageReport.NodeCoverage nc) {
        List<Gap> gaps = new ArrayList<>();
        Node node = nodes.get(nc.uniqueId());
        Optional<SchemaFiles.Located> yaml = node == null ? Optional.empty()
                : files.find(YamlDocs.ref(node), node);
        String file = yaml.map(l -> shown.apply(l.file().path()))
                .orElseGet(() -> shown.apply(root.resolve(node == null || node.originalFilePath() == null ? "."
                        : node.originalFilePath())));
        int entryLine = yaml.map(l -> l.entry().line()).orElse(1);
        if (!nc.documented()) {
            gaps.add(new Gap(nc.name(), null, file, entryLine, nc.name() + " has no description"
                    + (yaml.isEmpty() ? " and no YAML entry: " + howToAddEntry(nc, node) : "")));
        }
        for (String column : nc.undocumentedColumns()) {
            Optional<SchemaColumn> c = yaml.flatMap(l -> l.entry().column(column));
            gaps.add(new Gap(nc.name(), column, file, c.map(SchemaColumn::line).orElse(entryLine),
                    nc.name() + "." + column + (c.isPresent() ? " has no description"
                            : " is in the warehouse but not in the YAML: osmosis yaml document adds it")));
        }
        return gaps;
    }

    /**
     * Plain `yaml document` creates an entry only to hold what it adds: warehouse columns. A node with none (an
     * ephemeral model has no table; a model not built when the catalog was made) gets an entry only from
     * --synthesize, which writes its description, or by hand.
     */
    private static String howToAddEntry(CoverageReport.NodeCoverage nc, Node node) {
        if (!nc.undocumentedColumns().isEmpty()) {
            return "osmosis yaml document creates one with its columns";
        }
        boolean ephemeral = node != null && "ephemeral".equals(node.materialized());
        return (ephemeral ? "an ephemeral model has no warehouse columns for osmosis yaml document to add; "
                : "the catalog has no columns for it; ")
                + "osmosis yaml document --synthesize writes one with a description, or add one by hand";
    }
}
