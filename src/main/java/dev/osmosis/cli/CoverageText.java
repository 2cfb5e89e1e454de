package dev.osmosis.cli;

import dev.osmosis.docs.CoverageReport;
import dev.osmosis.text.TerminalText;
import java.io.PrintWriter;
import java.util.Locale;

/** Renders a coverage report as an aligned text table for a terminal or CI log. */
final class CoverageText {
    private final PrintWriter out;

    CoverageText(PrintWriter out) {
        this.out = out;
    }

    void print(CoverageReport report) {
        CoverageReport.Tally t = report.total();
        out.printf(Locale.ROOT, "Documentation coverage of '%s': %d nodes, %d columns%n",
                TerminalText.escape(report.project()), t.nodes(), t.columns());
        out.printf(Locale.ROOT, "  nodes    %s%n", ratio(t.documentedNodes(), t.nodes(), t.nodePercent()));
        out.printf(Locale.ROOT, "  columns  %s%n", ratio(t.documentedColumns(), t.columns(), t.columnPercent()));
        out.printf(Locale.ROOT, "  overall  %s%n", ratio(t.documentedNodes() + t.documentedColumns(),
                t.nodes() + t.columns(), t.overallPercent()));
        int width = Math.max(6, report.folders().stream().mapToInt(f -> folder(f).length()).max().orElse(6));
        out.println();
        out.printf(Locale.ROOT, "%-" + width + "s  %-18s  %-18s  %s%n", "folder", "nodes", "columns", "overall");
        for (CoverageReport.FolderCoverage f : report.folders()) {
            CoverageReport.Tally ft = f.tally();
            out.printf(Locale.ROOT, "%-" + width + "s  %-18s  %-18s  %5.1f%%%n", folder(f),
                    ratio(ft.documentedNodes(), ft.nodes(), ft.nodePercent()),
                    ratio(ft.documentedColumns(), ft.columns(), ft.columnPercent()), ft.overallPercent());
        }
        boolean header = false;
        for (CoverageReport.NodeCoverage n : report.nodes()) {
            if (n.documented() && n.undocumentedColumns().isEmpty()) {
                continue;
            }
            if (!header) {
                out.println();
                out.println("Undocumented:");
                header = true;
            }
            out.printf(Locale.ROOT, "  %s %s%s%n", n.resourceType(), TerminalText.escape(n.name()),
                    n.documented() ? "" : " (no description)");
            if (!n.undocumentedColumns().isEmpty()) {
                out.println("    columns: " + TerminalText.escape(String.join(", ", n.undocumentedColumns())));
            }
        }
    }

    /** Folder and node names come from the project and the warehouse: escaped (TerminalText). */
    private static String folder(CoverageReport.FolderCoverage f) {
        return TerminalText.escape(f.folder());
    }

    private static String ratio(int part, int whole, double percent) {
        return String.format(Locale.ROOT, "%d/%d %5.1f%%", part, whole, percent);
    }
}
