package dev.osmosis.cli;

import dev.osmosis.OsmosisException;
import dev.osmosis.docs.DocState;
import dev.osmosis.docs.NodeDocumenter;
import dev.osmosis.docs.PlaceholderSettings;
import dev.osmosis.docs.synthesis.Cancellation;
import dev.osmosis.docs.synthesis.SynthesisRun;
import dev.osmosis.docs.synthesis.SynthesisSettings;
import dev.osmosis.lineage.Lineage;
import dev.osmosis.llm.LlmClient;
import dev.osmosis.llm.LlmClients;
import dev.osmosis.llm.LlmException;
import dev.osmosis.llm.LlmSettings;
import dev.osmosis.llm.TimeSource;
import dev.osmosis.llm.chain.RateLimiter;
import dev.osmosis.llm.prompt.PromptBuilder;
import dev.osmosis.llm.prompt.PromptTemplates;
import dev.osmosis.project.Project;
import dev.osmosis.text.TerminalText;
import dev.osmosis.usage.UsageHome;
import dev.osmosis.usage.UsageSession;
import dev.osmosis.usage.UsageSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Assembles the LLM side of `--synthesize` (settings, prompts, the client chain under the usage links), runs the
 * synthesis over the DAG, lets the caller write the result, then reports usage and failures.
 */
final class SynthesisStep {
    /** Writes (or previews) the run's result; returns the exit code so far. */
    interface ResultWriter {
        int write(SynthesisRun.Result result, boolean previewOnly);
    }

    private final CommandContext ctx;
    private final DocumentCommand command;

    SynthesisStep(CommandContext ctx, DocumentCommand command) {
        this.ctx = ctx;
        this.command = command;
    }

    @SuppressWarnings("try") // the armed trap is held for the block's extent, never referenced in it
    int run(Project project, Lineage lineage, NodeDocumenter documenter, Set<String> selected, DocState state,
            ResultWriter writeResult) {
        Map<String, String> env = ctx.env();
        Map<String, Object> llmVars = project.config().llmVars();
        LlmSettings llm = LlmSettings.resolve(command.llm.toCliOptions(), env, llmVars);
        UsageSettings usage = command.usage.resolve(env, llmVars);
        PromptTemplates templates = PromptOptions.resolveTemplates(command.prompts, env, llmVars, project.root());
        SynthesisSettings settings = PromptStyle.apply(ctx, command.prompts, project, state, command.synthesis.resolve(llmVars, llm.jsonMode(),
                command.prompts.userContext(), command.prompts.limits(env)));
        Cancellation cancellation = new Cancellation();
        // armed through the writes too: a first signal then changes nothing but the exit code, a second aborts
        try (UsageSession session = new UsageSession(usage, llm.provider().id(), llm.model(),
                UsageHome.databaseFile(env), Clock.systemUTC());
             InterruptTrap.Armed armed = ctx.interrupts().arm(() -> onInterrupt(cancellation))) {
            if (command.write.dryRun && !usage.dryRun()) {
                warnPaidPreview(llm, usage);
            }
            RateLimiter limiter = RateLimiter.of(llm, Duration.ofMinutes(1), TimeSource.SYSTEM);
            LlmClient provider = usage.dryRun() ? null : LlmClients.builder(llm).limiter(limiter).build();
            LlmClient client = session.wrap(provider);
            SynthesisProgress progress = new SynthesisProgress(ctx.err(), ctx.interactive(),
                    TerminalWidth.of(env, ctx.interactive(), TerminalWidth::stty),
                    session.dryRunReport()::markPromptEstimated, usage.dryRun() ? null : limiter::pace);
            // As many threads as the limiter may let calls run at once: it, not the pool, sets the concurrency.
            int threads = usage.dryRun() ? llm.concurrency() : limiter.maxConcurrency();
            SynthesisRun.Result result = new SynthesisRun(project, lineage, documenter, client,
                    new PromptBuilder(templates), PlaceholderSettings.from(project.config()), settings,
                    threads, progress).run(selected, state.docs(), cancellation);
            int code;
            OsmosisException writeError = null;
            try {
                code = writeResult.write(result, usage.dryRun());
            } catch (OsmosisException e) {
                // --check, an unparsable or unwritable file: the usage report and the failed nodes still matter
                writeError = e;
                code = e.exitCode();
            }
            session.stats().recordAbstained(result.abstainedCount());
            session.writeReports(ctx.out(), ctx.err(), command.format == DocumentCommand.Format.json);
            OsmosisException synthesisError = failures(result);
            if (cancellation.isCancelled()) {
                for (OsmosisException e : new OsmosisException[] {writeError, synthesisError}) {
                    if (e != null) {
                        ctx.err().println("error: " + TerminalText.escape(e.getMessage()));
                    }
                }
                throw new OsmosisException(SignalTrap.EXIT_INTERRUPTED, "interrupted: no LLM call was started after "
                        + "the signal; what was complete (injected columns, inherited text, "
                        + result.synthesized().size() + " synthesized description(s)) is "
                        + (usage.dryRun() ? "reported" : "written") + ", the rest stays undocumented. Run again to "
                        + "finish.");
            }
            if (synthesisError == null) {
                if (writeError != null) {
                    throw writeError;
                }
                return code;
            }
            if (writeError != null) {
                ctx.err().println("error: " + TerminalText.escape(writeError.getMessage()));
            }
            throw synthesisError;
        }
    }

    /**
     * --dry-run writes no file, but the diff it shows needs the model's answers: the calls are real and billed.
     * Said before the first call, with what the user can do about it.
     */
    private void warnPaidPreview(LlmSettings llm, UsageSettings usage) {
        ctx.err().println("note: --dry-run writes no file, but --synthesize still calls " + llm.provider().id()
                + " (" + llm.model() + ") for every gap it shows, and those calls are billed; "
                + (usage.cache() ? "the answers are cached, so the same run without --dry-run reuses them at no "
                        + "cost." : "the response cache is off, so the run without --dry-run pays for them again.")
                + " --llm-dry-run previews the calls and their cost without making any.");
    }

    /** The first Ctrl-C or SIGTERM: say what happens now, on the signal's thread. */
    private void onInterrupt(Cancellation cancellation) {
        if (cancellation.cancel()) {
            ctx.err().println();
            ctx.err().println("interrupted: finishing the LLM calls in flight, then writing what is complete "
                    + "(press Ctrl-C again to abort at once, writing nothing more)");
            ctx.err().flush();
        }
    }

    /** "the model description and columns a, b". */
    private static String gapNames(Set<String> gaps) {
        java.util.List<String> columns = gaps.stream().filter(g -> !g.isEmpty()).toList();
        String cols = columns.isEmpty() ? "" : (columns.size() == 1 ? "column " : "columns ")
                + String.join(", ", columns);
        if (!gaps.contains("")) {
            return cols;
        }
        return columns.isEmpty() ? "the model description" : "the model description and " + cols;
    }

    /**
     * The provider cannot be reached: the nodes whose calls failed and those never asked fail together in one line
     * (each would repeat the same connection error), and the run says it stopped calling.
     */
    private OsmosisException unreachable(SynthesisRun.Result result, LlmException stop) {
        java.util.TreeSet<String> nodes = new java.util.TreeSet<>(result.notCalled());
        result.failures().forEach(f -> nodes.add(f.nodeId()));
        ctx.err().println(TerminalText.escape("failed: " + nodes.size() + " node(s) not synthesized, the LLM "
                + "provider cannot be reached: " + String.join(", ", nodes)));
        return OsmosisException.failure("stopped calling the LLM provider after its first connection failure "
                + "that outlasted the retries; what was done is written, the rest stays undocumented. "
                + stop.getMessage());
    }

    /** Prints the failed nodes; returns the error that ends the run, or null when every node went through. */
    private OsmosisException failures(SynthesisRun.Result result) {
        if (!result.ungrounded().isEmpty()) {
            ctx.err().println("not synthesized (no SQL and no columns to ground a description; add columns or run "
                    + "`dbt docs generate` for a catalog): "
                    + TerminalText.escape(String.join(", ", result.ungrounded())));
        }
        if (!result.rejectedAgain().isEmpty()) {
            ctx.err().println("left undocumented (the model gave again a text a reviewer rejected, even when told; "
                    + "write them by hand, or adjust the prompt or run with --no-llm-cache to ask anew): "
                    + TerminalText.escape(String.join(", ", result.rejectedAgain())));
        }
        if (!result.stale().isEmpty()) {
            List<String> stale = SynthesisRun.Result.places(result.stale());
            ctx.err().println("not synthesized, stale (" + stale.size() + " YAML column(s) neither the catalog nor "
                    + "the SQL produces; remove them or rebuild the model): "
                    + TerminalText.escape(String.join(", ", stale)));
        }
        if (!result.abstained().isEmpty()) {
            List<String> left = SynthesisRun.Result.places(result.abstained());
            ctx.err().println(left.size() + " description(s) left for their owner (the model could not tell them "
                    + "from its input; osmosis review lists them): " + TerminalText.escape(String.join(", ", left)));
        }
        result.unusable().forEach((id, gaps) -> ctx.err().println("warning: " + TerminalText.escape(id + ": the model gave no usable text "
                + "(only empty, null or placeholder answers) for " + gapNames(gaps)) + "; left undocumented, a rerun "
                + "asks again"));
        LlmException stop = result.stoppedBy();
        if (stop != null && stop.unreachable()) {
            return unreachable(result, stop);
        }
        result.failures().forEach(f -> ctx.err().println(TerminalText.escape("failed: " + f.nodeId() + ": "
                + f.message())));
        if (stop != null) {
            String what = stop.kind() == LlmException.Kind.BUDGET_EXCEEDED ? "the LLM budget was reached"
                    : "the LLM provider refused the run";
            return new OsmosisException(stop.exitCode(), what + "; what was done is written, the rest stays "
                    + "undocumented: " + stop.getMessage());
        }
        if (!result.failures().isEmpty()) {
            return OsmosisException.failure(result.failures().size() + " node(s) could not be synthesized (see "
                    + "above); everything else is written. Run again to retry them.");
        }
        return null;
    }
}
