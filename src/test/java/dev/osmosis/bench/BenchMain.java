package dev.osmosis.bench;

import dev.osmosis.OsmosisException;
import dev.osmosis.cli.CommandContext;
import dev.osmosis.lineage.Lineage;
import dev.osmosis.project.Project;
import dev.osmosis.project.ProjectLoader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The benchmark tool, run by bench/osmosis-bench (and so by bench/run): generates synthetic projects and measures
 * reading, documenting and synthesizing them. Not part of the product: it lives with the tests, so osmosis.jar and
 * `osmosis --help` hold only what users run (docs/adr/0708-benchmarks-outside-the-product.md). It runs on the test
 * classes plus osmosis.jar, so it may use the product and its dependencies, not test-scope libraries.
 */
@Command(name = "osmosis-bench",
        description = "Benchmarks: generate a synthetic project, measure loading it, LLM call strategy and scheduling.",
        subcommands = {BenchMain.Generate.class, BenchMain.Load.class, StrategyCommand.class,
            SynthCommand.class, CommandLine.HelpCommand.class})
public final class BenchMain implements Runnable {
    private final Path workingDir;
    @Spec CommandSpec spec;
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    BenchMain(Path workingDir) {
        this.workingDir = workingDir;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(new BenchMain(Path.of("").toAbsolutePath()).run(out, err, args));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'osmosis-bench --help'.");
    }

    /** One command line, as the process runs it; an OsmosisException prints its message and exits with its code. */
    int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(this);
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof OsmosisException oe) {
                cmd.getErr().println("error: " + oe.getMessage());
                return oe.exitCode();
            }
            throw ex;
        });
        try {
            return cli.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * What a bench command needs from the root: the working folder and the streams. No environment: no bench
     * command reads it, and the osmosis runs they start in-process get one of their own.
     */
    static CommandContext context(CommandSpec spec) {
        BenchMain root = (BenchMain) spec.root().userObject();
        return new CommandContext(Map.of(), root.workingDir, spec.commandLine().getOut(), spec.commandLine().getErr(),
                false, dev.osmosis.cli.InterruptTrap.NONE);
    }

    @Command(name = "generate", description = "Write a synthetic dbt project of N models into DIR.")
    static final class Generate implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--models", defaultValue = "1000") int models;
        @Option(names = "--seed", defaultValue = "42") long seed;
        @Option(names = "--shape", defaultValue = "STANDARD", description = "What the schema YAML looks like: ${COMPLETION-CANDIDATES} (SPARSE: a first adoption, issue 22).")
        SyntheticProject.Shape shape;
        @Parameters(paramLabel = "DIR") Path dir;

        @Override
        public Integer call() throws Exception {
            CommandContext ctx = context(spec);
            Path root = ctx.workingDir().resolve(dir);
            SyntheticProject project = new SyntheticProject(models, seed, shape);
            project.write(root);
            long manifestBytes = Files.size(root.resolve("target/manifest.json"));
            long yamlBytes;
            try (var walk = Files.walk(root.resolve("models"))) {
                yamlBytes = walk.filter(p -> p.toString().endsWith(".yml")).mapToLong(p -> p.toFile().length()).sum();
            }
            long columns = project.nodes().stream().mapToLong(n -> n.columns().size()).sum();
            ctx.out().printf(Locale.ROOT, "generated %d nodes in %s (%d columns, manifest %.1f MB, YAML %.1f MB)%n",
                    project.nodes().size(), root, columns, manifestBytes / 1e6, yamlBytes / 1e6);
            return 0;
        }
    }

    @Command(name = "load", description = "Read the manifest and catalog, build the DAG, print times and peak RSS.")
    static final class Load implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--project-dir", required = true) Path projectDir;

        @Override
        public Integer call() {
            CommandContext ctx = context(spec);
            long t0 = System.nanoTime();
            Project project = new ProjectLoader().load(new ProjectLoader.Paths(projectDir, null, null, null),
                    ctx.workingDir());
            long t1 = System.nanoTime();
            Lineage lineage = Lineage.of(project.manifest());
            long t2 = System.nanoTime();
            ctx.out().printf(Locale.ROOT, "nodes=%d edges=%d load_ms=%d dag_ms=%d total_ms=%d peak_rss_mb=%d%n",
                    lineage.size(), lineage.edgeCount(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                    (t2 - t0) / 1_000_000, PeakMemory.peakRssKb() / 1024);
            return 0;
        }
    }
}
