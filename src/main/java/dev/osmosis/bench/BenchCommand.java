package dev.osmosis.bench;

import dev.osmosis.cli.CommandContext;
import dev.osmosis.lineage.Lineage;
import dev.osmosis.project.Project;
import dev.osmosis.project.ProjectLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Hidden `osmosis bench`: generates synthetic projects and measures reading them. Used by bench/run. */
@Command(name = "bench", hidden = true, mixinStandardHelpOptions = true,
        description = "Benchmarks: generate a synthetic project, measure loading it, LLM call strategy and scheduling.",
        subcommands = {BenchCommand.Generate.class, BenchCommand.Load.class, StrategyCommand.class,
            SynthCommand.class})
public final class BenchCommand {

    @Command(name = "generate", description = "Write a synthetic dbt project of N models into DIR.")
    static final class Generate implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Option(names = "--models", defaultValue = "1000") int models;
        @Option(names = "--seed", defaultValue = "42") long seed;
        @Option(names = "--shape", defaultValue = "STANDARD", description = "STANDARD or YAML_HEAVY (${COMPLETION-CANDIDATES})")
        SyntheticProject.Shape shape;
        @Parameters(paramLabel = "DIR") Path dir;

        @Override
        public Integer call() throws Exception {
            CommandContext ctx = CommandContext.of(spec);
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
            CommandContext ctx = CommandContext.of(spec);
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
