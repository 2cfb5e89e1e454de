package dev.osmosis.cli;

import dev.osmosis.OsmosisException;
import dev.osmosis.ci.CoverageCi;
import dev.osmosis.docs.Coverage;
import dev.osmosis.docs.CoverageReport;
import dev.osmosis.docs.DocState;
import dev.osmosis.docs.PlaceholderSettings;
import dev.osmosis.project.Node;
import dev.osmosis.project.Project;
import dev.osmosis.schema.SchemaFiles;
import dev.osmosis.text.TerminalJson;
import dev.osmosis.text.TerminalText;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `osmosis coverage`: how much of the project is documented, what is missing, and a CI gate. */
@Command(name = "coverage", mixinStandardHelpOptions = true,
        description = "Report documentation coverage of models and columns; --fail-under gates CI.")
public final class CoverageCommand implements Callable<Integer> {
    enum Format { text, json, github, junit }

    @Spec CommandSpec spec;
    @Mixin ProjectOptions project;
    @Mixin LoggingOptions logging;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json, github (Actions annotations on the YAML lines) or junit (JUnit XML) "
                    + "(default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--fail-under", paramLabel = "PCT", converter = Percent.class,
            description = "Exit 1 when overall coverage (node descriptions and columns) is below PCT percent "
                    + "(80 or 80%%).")
    Double failUnder;

    /** A percentage as people write it: 80, 80.5 or 80%, from 0 to 100. */
    static final class Percent implements picocli.CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            String number = value.strip();
            number = number.endsWith("%") ? number.substring(0, number.length() - 1).strip() : number;
            try {
                double pct = Double.parseDouble(number);
                if (pct >= 0 && pct <= 100) {
                    return pct;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a percentage from 0 to "
                    + "100 (write 80 or 80%)");
        }
    }

    @Override
    public Integer call() throws Exception {
        CommandContext ctx = CommandContext.of(spec);
        ProjectOptions.WithFiles withFiles = project.loadWithFiles(ctx);
        Project loaded = withFiles.project();
        List<Node> nodes = project.select(loaded, ctx);
        SchemaFiles files = withFiles.files();
        files.problems().forEach(p -> ctx.err().println("warning: " + TerminalText.escape(p.message())
                .replaceFirst("\\.$", "") + "; its nodes are counted from the manifest."));
        CoverageReport report = new Coverage(PlaceholderSettings.from(loaded.config()))
                .compute(loaded.packageName(), nodes, DocState.read(loaded, files).docs(), loaded.catalog());
        switch (format) {
            case json -> ctx.out().println(TerminalJson.mapper().writeValueAsString(report));
            case github -> ctx.out().print(ci(ctx, loaded, files, nodes, report).github());
            case junit -> ctx.out().print(ci(ctx, loaded, files, nodes, report).junit());
            default -> new CoverageText(ctx.out()).print(report);
        }
        if (failUnder != null && report.total().overallPercent() < failUnder) {
            throw OsmosisException.failure(String.format(java.util.Locale.ROOT,
                    "coverage %.1f%% is below --fail-under %.1f%%", report.total().overallPercent(), failUnder));
        }
        return 0;
    }

    private static CoverageCi ci(CommandContext ctx, Project loaded, SchemaFiles files, List<Node> nodes,
                                 CoverageReport report) {
        Map<String, Node> byId = new HashMap<>();
        nodes.forEach(n -> byId.put(n.uniqueId(), n));
        return new CoverageCi(report, byId, files, p -> ctx.shown(loaded.root(), p));
    }
}
