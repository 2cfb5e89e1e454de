package dev.osmosis.docs;

import java.util.List;

/** Documentation coverage of a selection of nodes: totals, per folder, per node. */
public record CoverageReport(String project, Tally total, List<FolderCoverage> folders, List<NodeCoverage> nodes) {

    /** Documented counts; {@link #overallPercent} weighs each node description and each column as one item. */
    public record Tally(int nodes, int documentedNodes, int columns, int documentedColumns) {
        public Tally plus(Tally o) {
            return new Tally(nodes + o.nodes, documentedNodes + o.documentedNodes, columns + o.columns,
                    documentedColumns + o.documentedColumns);
        }

        public double nodePercent() {
            return percent(documentedNodes, nodes);
        }

        public double columnPercent() {
            return percent(documentedColumns, columns);
        }

        public double overallPercent() {
            return percent(documentedNodes + documentedColumns, nodes + columns);
        }

        private static double percent(int part, int whole) {
            return whole == 0 ? 100.0 : Math.round(1000.0 * part / whole) / 10.0;
        }
    }

    public record FolderCoverage(String folder, Tally tally) {
    }

    public record NodeCoverage(String uniqueId, String resourceType, String name, String folder, boolean documented,
                               int columns, int documentedColumns, List<String> undocumentedColumns) {
        public NodeCoverage {
            undocumentedColumns = List.copyOf(undocumentedColumns);
        }
    }
}
