package dev.osmosis.cli;

import dev.osmosis.AtomicFiles;
import dev.osmosis.OsmosisException;
import dev.osmosis.docs.DocState;
import dev.osmosis.project.Node;
import dev.osmosis.project.Project;
import dev.osmosis.report.HtmlReport;
import dev.osmosis.report.ReportBuilder;
import dev.osmosis.report.ReportData;
import dev.osmosis.report.ReviewMarks;
import dev.osmosis.report.RunUsage;
import dev.osmosis.review.ReviewScan;
import dev.osmosis.schema.SchemaFiles;
import dev.osmosis.text.TerminalText;
import dev.osmosis.usage.UsageHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `osmosis report`: one self-contained HTML page of coverage, provenance and LLM usage. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write an HTML report: coverage per folder by provenance, every column and where its "
                + "description came from, and LLM usage from the ledger. Reads only; writes the one file.")
public final class ReportCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ProjectOptions project;
    @Mixin LoggingOptions logging;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "osmosis-report.html",
            description = "Where to write the page (default: ${DEFAULT-VALUE}).")
    Path output;

    @Override
    public Integer call() {
        CommandContext ctx = CommandContext.of(spec);
        ProjectOptions.WithFiles withFiles = project.loadWithFiles(ctx);
        Project loaded = withFiles.project();
        List<Node> nodes = project.select(loaded, ctx);
        SchemaFiles files = withFiles.files();
        List<RunUsage> usage = RunUsage.read(UsageHome.databaseFile(ctx.env()),
                loaded.manifest().nodes().keySet());
        ReportData data = new ReportBuilder(loaded, DocState.read(loaded, files),
                new DocOptions().resolve(loaded.config()), ReviewMarks.from(loaded.config().llmVars()))
                .build(nodes, usage, Instant.now())
                .withWarnings(files.problems().stream().map(p -> p.message()
                        + " (the report shows the manifest's docs for its nodes)").toList());
        data.warnings().forEach(w -> ctx.err().println("warning: " + TerminalText.escape(w)));
        Path file = ctx.workingDir().resolve(output);
        if (file.getParent() != null && !Files.isDirectory(file.getParent())) {
            throw OsmosisException.usage("--output: folder " + file.getParent() + " does not exist.");
        }
        try {
            AtomicFiles.write(file, HtmlReport.render(data));
        } catch (IOException e) {
            throw OsmosisException.failure("cannot write " + file + ": " + e.getMessage());
        }
        ctx.err().printf(Locale.ROOT, "wrote %s: %d nodes, %d columns (%d documented), %d AI-written "
                        + "description(s) awaiting review (osmosis review lists them), %d LLM run(s)%n",
                TerminalText.escape(file.toString()),
                data.totals().nodes(), data.totals().columns(), data.totals().documentedColumns(),
                ReviewScan.of(loaded.config()).pending(nodes, files),
                usage.stream().map(RunUsage::run).distinct().count());
        return 0;
    }
}
