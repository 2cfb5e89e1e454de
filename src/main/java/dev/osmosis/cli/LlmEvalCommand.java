package dev.osmosis.cli;

import dev.osmosis.OsmosisException;
import dev.osmosis.docs.DocState;
import dev.osmosis.docs.NodeDocumenter;
import dev.osmosis.docs.PlaceholderSettings;
import dev.osmosis.docs.synthesis.SynthesisRun;
import dev.osmosis.docs.synthesis.SynthesisSettings;
import dev.osmosis.eval.EvalReportFormat;
import dev.osmosis.eval.EvalRun;
import dev.osmosis.eval.HoldOuts;
import dev.osmosis.eval.Judge;
import dev.osmosis.lineage.Lineage;
import dev.osmosis.llm.LlmCliOptions;
import dev.osmosis.llm.LlmClient;
import dev.osmosis.llm.LlmClients;
import dev.osmosis.llm.LlmSettings;
import dev.osmosis.llm.TimeSource;
import dev.osmosis.llm.chain.RateLimiter;
import dev.osmosis.llm.prompt.PromptBuilder;
import dev.osmosis.llm.prompt.PromptTemplates;
import dev.osmosis.project.Node;
import dev.osmosis.project.Project;
import dev.osmosis.review.ReviewKeys;
import dev.osmosis.schema.SchemaFiles;
import dev.osmosis.text.TerminalText;
import dev.osmosis.usage.UsageHome;
import dev.osmosis.usage.UsageSession;
import dev.osmosis.usage.UsageSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code osmosis llm eval}: holds out human-written descriptions of the project, has the configured model and
 * prompts write them again, and grades the answers against the originals (docs/adr/0716). Reads only.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        modelTransformer = LlmEvalCommand.WithoutWriteFlags.class,
        description = "Measure the configured model and prompts on your project: hold out human-written "
                + "descriptions (in memory), synthesize them again and grade each answer against the original.",
        footer = {"%nExit status: 0 done, 1 --fail-under missed or the calls stopped early (budget), 2 usage or "
                + "configuration error.",
                "%nExamples:",
                "  # the calls, tokens and cost of an eval of 50 descriptions, making none",
                "  osmosis llm eval --llm-dry-run",
                "  # 100 descriptions of the marts, graded by a stronger model",
                "  osmosis llm eval models/marts --sample 100 --judge-model gpt-4o",
                "  # a CI gate on your own prompt templates",
                "  osmosis llm eval --llm-prompt-dir prompts --fail-under 2.5 --format json"})
public final class LlmEvalCommand implements Callable<Integer> {
    static final int DEFAULT_SAMPLE = 50;
    /** Fixed, so two runs hold out the same descriptions unless asked otherwise. */
    static final long DEFAULT_SEED = 19;

    /** `--synthesize` is what eval does, and it marks nothing: both flags of the shared mixin are left out. */
    static final class WithoutWriteFlags implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            for (String name : List.of("--synthesize", "--llm-mark")) {
                CommandLine.Model.OptionSpec option = spec.findOption(name);
                if (option != null) {
                    spec.remove(option);
                }
            }
            return spec;
        }
    }

    enum Format { text, json }

    /** The help's option sections, as `yaml document` groups them; the eval's own options go under the last. */
    static final Map<String, List<String>> HELP_SECTIONS = sections();

    private static Map<String, List<String>> sections() {
        Map<String, List<String>> s = new java.util.LinkedHashMap<>();
        s.put("Selection (the project and its nodes)", List.of("project"));
        s.put("Documenting (give the flags of your `yaml document` run: inheritance decides what is held out)",
                List.of("docs"));
        s.put("LLM (the writer)", List.of("synthesis", "llm", "prompts"));
        s.put("Cost and cache", List.of("usage"));
        s.put("Eval", List.of("logging"));
        return java.util.Collections.unmodifiableMap(s);
    }


    @Spec CommandSpec spec;
    @Mixin ProjectOptions project;
    @Mixin DocOptions docs;
    @Mixin SynthesisOptions synthesis;
    @Mixin LlmOptions llm;
    @Mixin PromptOptions prompts;
    @Mixin UsageOptions usage;
    @Mixin LoggingOptions logging;

    @Option(names = "--sample", paramLabel = "N", defaultValue = "" + DEFAULT_SAMPLE,
            description = "How many descriptions to hold out (default: ${DEFAULT-VALUE}).")
    int sample;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + DEFAULT_SEED,
            description = "Seed of the sample: the same seed holds out the same descriptions (default: "
                    + "${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--judge-model", paramLabel = "MODEL",
            description = "Model that grades the answers (default: the --llm-model).")
    String judgeModel;

    @Option(names = "--judge-provider", paramLabel = "NAME", completionCandidates = LlmOptions.Providers.class,
            description = "Provider of the judge model, with its own key and endpoint from the environment "
                    + "(default: the --llm-provider).")
    String judgeProvider;

    @Option(names = "--worst", paramLabel = "N", defaultValue = "5",
            description = "How many of the worst answers to show (default: ${DEFAULT-VALUE}).")
    int worst;

    @Option(names = "--fail-under", paramLabel = "SCORE",
            description = "Exit 1 when the mean score (0 to 3) is below SCORE, or when no answer could be graded.")
    Double failUnder;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json, for the report and the --llm-dry-run preview (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        checkArguments();
        CommandContext ctx = CommandContext.of(spec);
        ProjectOptions.WithFiles loaded = project.loadWithFiles(ctx);
        Project p = loaded.project();
        Map<String, String> env = ctx.env();
        Map<String, Object> llmVars = p.config().llmVars();
        LlmSettings writer = LlmSettings.resolve(llm.toCliOptions(), env, llmVars);
        LlmSettings judging = judgeSettings(writer, env, llmVars);
        UsageSettings usageSettings = usage.resolve(env, llmVars);
        PromptTemplates templates = PromptOptions.resolveTemplates(prompts, env, llmVars, p.root());
        Lineage lineage = Lineage.of(p.manifest());
        List<Node> selected = selectReadable(p, loaded.files(), ctx);
        DocState state = DocState.read(p, loaded.files());
        // the language is read off the project as it is, held-out texts included: the eval asks as a run would
        SynthesisSettings settings = PromptStyle.apply(ctx, prompts, p, state, synthesis.resolve(llmVars,
                writer.jsonMode(), prompts.userContext(), prompts.limits(env)));
        NodeDocumenter documenter = NodeDocumenter.forProject(docs.resolve(p.config()), lineage, p,
                state.docs().values(), false);
        HoldOuts.Selection chosen = new HoldOuts(p, lineage, documenter, PlaceholderSettings.from(p.config()),
                ReviewKeys.from(llmVars)).choose(selected, state.docs(), sample, seed);
        if (chosen.heldOut().isEmpty()) {
            throw OsmosisException.usage("nothing to evaluate: the selection has no human-written description "
                    + "that inheritance would not fill again (" + chosen.candidates() + " human-written, "
                    + chosen.refillable() + " inherited); select more nodes or document some by hand first.");
        }
        Set<String> ids = new LinkedHashSet<>();
        selected.forEach(n -> ids.add(n.uniqueId()));
        try (UsageSession session = new UsageSession(usageSettings, writer.provider().id(), writer.model(),
                UsageHome.databaseFile(env), Clock.systemUTC())) {
            boolean preview = usageSettings.dryRun();
            RateLimiter limiter = RateLimiter.of(writer, Duration.ofMinutes(1), TimeSource.SYSTEM);
            LlmClient client = session.wrap(preview ? null : LlmClients.builder(writer).limiter(limiter).build());
            LlmClient judgeClient = judging == writer ? client : session.wrap(preview ? null
                    : LlmClients.builder(judging).build(), judging.provider().id(), judging.model());
            int threads = preview ? writer.concurrency() : limiter.maxConcurrency();
            SynthesisProgress progress = new SynthesisProgress(ctx.err(), ctx.interactive(),
                    TerminalWidth.of(env, ctx.interactive(), TerminalWidth::stty),
                    session.dryRunReport()::markPromptEstimated, preview ? null : limiter::pace);
            SynthesisRun run = new SynthesisRun(p, lineage, documenter, client, new PromptBuilder(templates),
                    PlaceholderSettings.from(p.config()), settings, threads, progress);
            EvalRun.Outcome outcome = new EvalRun(run, new Judge(judgeClient, templates, judging.jsonMode()),
                    threads).run(ids, chosen, preview);
            EvalReportFormat.Context about = new EvalReportFormat.Context(name(writer), name(judging),
                    session.stats().snapshot());
            outcome.synthesis().failures().forEach(f -> ctx.err().println(TerminalText.escape("failed: "
                    + f.nodeId() + ": " + f.message() + " (its held-out descriptions count as unanswered)")));
            if (preview && format == Format.text) {
                ctx.out().println("Held out " + chosen.heldOut().size() + " of " + chosen.candidates()
                        + " human-written descriptions (seed " + seed + (chosen.refillable() > 0 ? "; "
                        + chosen.refillable() + " not held out: inheritance would fill them again" : "")
                        + "). The calls the eval would make, synthesis and judge (dry run, nothing sent):");
            } else if (!preview) {
                ctx.out().print(format == Format.json ? EvalReportFormat.json(outcome.result(), about)
                        : EvalReportFormat.text(outcome.result(), about, worst));
            }
            session.writeReports(ctx.out(), ctx.err(), format == Format.json);
            ctx.out().flush();
            return verdict(outcome, preview);
        }
    }

    private void checkArguments() {
        if (sample < 1) {
            throw OsmosisException.usage("--sample must be at least 1, got " + sample);
        }
        if (worst < 0) {
            throw OsmosisException.usage("--worst must be 0 or more, got " + worst);
        }
        if (failUnder != null && !(failUnder >= 0 && failUnder <= 3)) {
            throw OsmosisException.usage("--fail-under is a mean score from 0 to 3, got " + failUnder);
        }
    }

    /** The selected nodes whose YAML could be read; the others are named and skipped, as `yaml document` does. */
    private List<Node> selectReadable(Project p, SchemaFiles files, CommandContext ctx) {
        files.problems().forEach(e -> ctx.err().println("error: " + TerminalText.escape(e.message())));
        List<Node> selected = project.select(p, ctx);
        List<Node> readable = selected.stream().filter(n -> !files.isBroken(n)).toList();
        if (readable.size() < selected.size()) {
            ctx.err().println("skipped (documented in a YAML file that could not be parsed): " + TerminalText.escape(
                    String.join(", ", selected.stream().filter(files::isBroken).map(Node::displayName).toList())));
        }
        return readable;
    }

    /** The writer's settings, or the judge's own when --judge-model or --judge-provider names another. */
    private LlmSettings judgeSettings(LlmSettings writer, Map<String, String> env, Map<String, Object> llmVars) {
        if (judgeModel == null && judgeProvider == null) {
            return writer;
        }
        LlmCliOptions given = llm.toCliOptions();
        boolean otherProvider = judgeProvider != null && !judgeProvider.equalsIgnoreCase(writer.provider().id());
        // another provider has its own endpoint and default model; no fallback: one judge grades every answer
        LlmCliOptions judge = new LlmCliOptions(otherProvider ? judgeProvider : given.provider(),
                judgeModel != null ? judgeModel : otherProvider ? null : given.model(),
                otherProvider ? null : given.baseUrl(), given.temperature(), given.maxTokens(),
                given.timeoutSeconds(), given.maxRetries(), given.rpm(), given.tpm(), given.concurrency(), List.of(),
                given.jsonMode());
        return LlmSettings.resolve(judge, env, otherProvider ? Map.of() : llmVars);
    }

    private static String name(LlmSettings s) {
        return s.provider().id() + " " + s.model();
    }

    /** 0, or the error that stopped the calls, or 1 when --fail-under is missed. */
    private int verdict(EvalRun.Outcome outcome, boolean preview) {
        if (outcome.synthesis().stoppedBy() != null) {
            throw new OsmosisException(outcome.synthesis().stoppedBy().exitCode(), "the synthesis calls stopped: "
                    + outcome.synthesis().stoppedBy().getMessage());
        }
        if (outcome.judgeStop() != null) {
            throw new OsmosisException(outcome.judgeStop().exitCode(), "the judge calls stopped: "
                    + outcome.judgeStop().getMessage());
        }
        if (preview) {
            return 0;
        }
        if (failUnder != null) {
            gate(outcome);
        }
        // a partial run (a synthesis call failed) exits 1: a gate must not pass on the answers that came back
        return outcome.synthesis().failures().isEmpty() ? 0 : OsmosisException.FAILURE;
    }

    private void gate(EvalRun.Outcome outcome) {
        if (outcome.result().graded() == 0) {
            throw OsmosisException.failure("--fail-under " + failUnder + ": no answer could be graded");
        }
        if (outcome.result().meanScore() < failUnder) {
            throw OsmosisException.failure(String.format(Locale.ROOT, "mean score %.2f is below --fail-under %.2f",
                    outcome.result().meanScore(), failUnder));
        }
    }
}
