package dev.osmosis.report;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.osmosis.docs.CoverageReport;
import java.util.List;
import java.util.Map;

/**
 * Everything the HTML page shows, as the JSON embedded in it.
 *
 * @param totals              the same figures as {@code osmosis coverage --format json}'s "total"
 * @param columnsByProvenance column count per {@link Provenance#key()}
 * @param nodesByProvenance   node descriptions per {@link Provenance#key()}
 * @param nodes               the selected nodes; rows refer to them by index
 * @param ancestors           display name of every node a row says its text was inherited from, by unique id
 * @param warnings            things the reader should know (e.g. a YAML file that could not be read)
 */
public record ReportData(String project, String generatedAt, CoverageReport.Tally totals,
                         Map<String, Integer> columnsByProvenance, Map<String, Integer> nodesByProvenance,
                         List<Legend> provenance, List<Folder> folders, List<NodeInfo> nodes, List<Row> rows,
                         Map<String, String> ancestors, List<RunUsage> usage, List<String> warnings) {

    public ReportData withWarnings(List<String> more) {
        List<String> all = new java.util.ArrayList<>(warnings);
        all.addAll(more);
        return new ReportData(project, generatedAt, totals, columnsByProvenance, nodesByProvenance, provenance,
                folders, nodes, rows, ancestors, usage, List.copyOf(all));
    }

    /** A provenance's key and label, in the chart's stacking order. */
    public record Legend(String key, String label, String shortLabel) {
    }

    /** One folder's coverage and its columns per provenance key. */
    public record Folder(String folder, CoverageReport.Tally tally, Map<String, Integer> columns) {
    }

    public record NodeInfo(String id, String name, String type, String folder, String provenance) {
    }

    /**
     * One description: a column's, or the node's own when {@code column} is null. Serialized as an array (the page
     * may hold tens of thousands): [node, column, description, provenance, ancestor, file, line, ancestorProvenance,
     * rendered]; {@code ancestor} is the unique id the text was inherited from, or null; {@code ancestorProvenance}
     * is the AI mark the text carries there ({@link Provenance#key()} of ai-awaiting or ai-reviewed), else null;
     * {@code rendered} is the text with its doc() references replaced by the doc blocks, null when it has none;
     * {@code line} is 0 when the column has no YAML line yet.
     */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    @JsonPropertyOrder({"node", "column", "description", "provenance", "ancestor", "file", "line",
        "ancestorProvenance", "rendered"})
    public record Row(int node, String column, String description, String provenance, String ancestor, String file,
                      int line, String ancestorProvenance, String rendered) {

        public Row(int node, String column, String description, String provenance, String ancestor, String file,
                   int line) {
            this(node, column, description, provenance, ancestor, file, line, null, null);
        }

        /** The node's own description rather than a column's. */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public boolean isNodeDescription() {
            return column == null;
        }
    }
}
