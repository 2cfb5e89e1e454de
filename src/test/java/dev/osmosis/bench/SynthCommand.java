package dev.osmosis.bench;

import dev.osmosis.OsmosisException;
import dev.osmosis.cli.CommandContext;
import dev.osmosis.cli.Osmosis;
import dev.osmosis.lineage.Lineage;
import dev.osmosis.project.ProjectLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `osmosis-bench synth`: generates a synthetic project, runs `yaml document --synthesize` in-process
 * against {@link FakeLlmServer} (no cache), and sets the wall time against the lower bound
 * max(critical path x latency, calls x latency / concurrency). The per-node calls come from a dry run first.
 * With {@code --announce-rpm}, the server announces and enforces that budget and osmosis runs with no pacing flag
 * at all: the bound is then max(calls / rpm, critical path x latency), and the 429s are counted.
 */
@Command(name = "synth", description = "Time --synthesize against a fake LLM server with a fixed latency.")
final class SynthCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--models", defaultValue = "300", description = "Models to generate (default: ${DEFAULT-VALUE}).")
    int models;
    @Option(names = "--latency", defaultValue = "200ms", description = "Latency of each call, e.g. 200ms or 1s.")
    String latency;
    @Option(names = "--concurrency", defaultValue = "4", description = "--llm-concurrency (default: ${DEFAULT-VALUE}).")
    int concurrency;
    @Option(names = "--seed", defaultValue = "42") long seed;
    @Option(names = "--announce-rpm", defaultValue = "0", description = "Requests a minute the fake server "
            + "announces and enforces; osmosis then runs without --llm-rpm/--llm-concurrency (default: none).")
    int announceRpm;

    @Override
    public Integer call() throws IOException {
        CommandContext ctx = BenchMain.context(spec);
        Duration delay = parseLatency(latency);
        Path dir = Files.createTempDirectory("osmosis-bench-synth");
        try {
            return measure(ctx, delay, dir);
        } finally {
            TempDirs.delete(dir);
        }
    }

    private int measure(CommandContext ctx, Duration delay, Path dir) throws IOException {
        new SyntheticProject(models, seed).write(dir);
        Lineage lineage = Lineage.of(new ProjectLoader().load(new ProjectLoader.Paths(dir, null, null, null),
                dir).manifest());
        DryRunPlan plan = DryRunPlan.of(dir);
        int critical = CriticalPath.calls(lineage.topologicalOrder(), lineage::parents, plan.callsPerNode());
        // The same run with instant answers and no writes, twice: the first warms the JVM up (HTTP client,
        // templates), the second measures the run's own work (load, prompts, inheritance), which no schedule hides.
        run(dir, Duration.ZERO, "--dry-run");
        long overheadMs = run(dir, Duration.ZERO, "--dry-run").wallMs();
        Run run = run(dir, delay, null);
        if (announceRpm > 0) {
            double bound = Math.max(plan.calls() * 60_000.0 / announceRpm, (double) critical * delay.toMillis());
            ctx.out().printf(Locale.ROOT, "nodes=%d announced_rpm=%d latency_ms=%d no pacing flags: calls=%d "
                            + "(planned %d) rate_limited=%d (%.1f%% of responses) max_in_flight=%d critical_path_calls=%d"
                            + " bound_ms=%.0f wall_ms=%d ratio=%.2f | settled pace: %s%n", lineage.size(), announceRpm,
                    delay.toMillis(), run.calls(), plan.calls(), run.rateLimited(),
                    100.0 * run.rateLimited() / Math.max(1, run.calls() + run.rateLimited()), run.maxInFlight(),
                    critical, bound, run.wallMs(), run.wallMs() / bound, run.pace());
            return 0;
        }
        double bound = CriticalPath.lowerBoundMs(critical, plan.calls(), delay.toMillis(), concurrency);
        ctx.out().printf(Locale.ROOT, "nodes=%d concurrency=%d latency_ms=%d calls=%d (planned %d) max_in_flight=%d "
                        + "critical_path_calls=%d bound_ms=%.0f wall_ms=%d ratio=%.2f | the run's own work at zero "
                        + "latency: %d ms%n", lineage.size(), concurrency, delay.toMillis(),
                run.calls(), plan.calls(), run.maxInFlight(), critical, bound, run.wallMs(), run.wallMs() / bound,
                overheadMs);
        return 0;
    }

    /** @param pace the last pace the progress showed, or "" */
    private record Run(long wallMs, int calls, int maxInFlight, int rateLimited, String pace) {
    }

    /** One `yaml document --synthesize` against a fresh fake server; {@code extra} e.g. --dry-run (no writes). */
    private Run run(Path dir, Duration delay, String extra) throws IOException {
        Path home = Files.createTempDirectory("osmosis-bench-home");
        try (FakeLlmServer server = new FakeLlmServer(delay, extra == null ? announceRpm : 0)) {
            return run(dir, server, home, extra);
        } finally {
            TempDirs.delete(home);
        }
    }

    private Run run(Path dir, FakeLlmServer server, Path home, String extra) {
        Map<String, String> env = Map.of("LLM_PROVIDER", "openai", "OPENAI_API_KEY", "sk-fake-bench",
                "OPENAI_BASE_URL", server.baseUrl(), "OPENAI_MODEL", "gpt-4o", "OSMOSIS_HOME", home.toString());
        StringWriter err = new StringWriter();
        // only the measured run goes unpaced: the warm-ups' server announces nothing, so they would crawl at 60 rpm
        String[] args = announceRpm > 0 && extra == null
                ? new String[] {"yaml", "document", "--synthesize", "--no-llm-cache", "--project-dir", dir.toString()}
                : new String[] {"yaml", "document", "--synthesize", "--no-llm-cache", "--llm-rpm", "100000",
                    "--llm-concurrency", String.valueOf(concurrency), "--project-dir", dir.toString()};
        if (extra != null) {
            args = Stream.concat(Arrays.stream(args), Stream.of(extra)).toArray(String[]::new);
        }
        long t0 = System.nanoTime();
        int code = new Osmosis(env).run(new PrintWriter(Writer.nullWriter()), new PrintWriter(err), args);
        long wall = (System.nanoTime() - t0) / 1_000_000;
        if (code != 0) {
            throw OsmosisException.failure("--synthesize against the fake server failed (exit " + code + "): "
                    + err);
        }
        String log = err.toString();
        int at = log.lastIndexOf(", pace ");
        String pace = at < 0 ? "" : log.substring(at + ", pace ".length()).lines().findFirst().orElse("").strip();
        return new Run(wall, server.requests(), server.maxInFlight(), server.rateLimited(), pace);
    }

    static Duration parseLatency(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
            }
            return Duration.ofMillis(Long.parseLong(t));
        } catch (NumberFormatException e) {
            throw OsmosisException.usage("--latency must look like 200ms or 1.5s, not '" + text + "'.");
        }
    }
}
