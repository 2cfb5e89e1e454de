package dev.osmosis.bench;

import dev.osmosis.cli.CommandContext;
import dev.osmosis.cli.DocOptions;
import dev.osmosis.docs.DocSettings;
import dev.osmosis.docs.DocState;
import dev.osmosis.docs.DocumentationRun;
import dev.osmosis.docs.NodeDocs;
import dev.osmosis.docs.NodeDocumenter;
import dev.osmosis.docs.PlaceholderSettings;
import dev.osmosis.docs.synthesis.DbtOsmosisStrategy;
import dev.osmosis.docs.synthesis.SynthesisSettings;
import dev.osmosis.lineage.Lineage;
import dev.osmosis.llm.prompt.PromptBuilder;
import dev.osmosis.llm.prompt.PromptTemplates;
import dev.osmosis.project.Project;
import dev.osmosis.project.ProjectLoader;
import dev.osmosis.schema.SchemaFiles;
import dev.osmosis.usage.TokenCounter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `osmosis-bench strategy`: osmosis's planned LLM calls next to what dbt-osmosis's strategy would make. */
@Command(name = "strategy", description = "Calls and tokens: osmosis's plan (dry run) vs dbt-osmosis's strategy.")
final class StrategyCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--project-dir", required = true) Path projectDir;

    @Override
    public Integer call() {
        CommandContext ctx = BenchMain.context(spec);
        Path dir = ctx.workingDir().resolve(projectDir).normalize();
        DryRunPlan osmosis = DryRunPlan.of(dir);
        DbtOsmosisStrategy.Estimate dbt = dbtOsmosis(dir, ctx.workingDir());
        ctx.out().printf(Locale.ROOT, "%s: nodes_with_gaps=%d gaps=%d | osmosis calls=%d in_tok=%d out_tok=%d | "
                        + "dbt-osmosis calls=%d in_tok=%d out_tok=%d | call ratio=%.2f%n", dir.getFileName(),
                dbt.nodesWithGaps(), dbt.gaps(), osmosis.calls(), osmosis.inputTokens(), osmosis.outputTokens(),
                dbt.calls(), dbt.inputTokens(), dbt.outputTokens(),
                dbt.calls() == 0 ? 0.0 : (double) osmosis.calls() / dbt.calls());
        return 0;
    }

    /** dbt-osmosis's calls on the gaps plain inheritance leaves, with tokens counted on osmosis's templates. */
    static DbtOsmosisStrategy.Estimate dbtOsmosis(Path dir, Path workingDir) {
        Project project = new ProjectLoader().load(new ProjectLoader.Paths(dir, null, null, null), workingDir);
        DocSettings settings = new DocOptions().resolve(project.config());
        Lineage lineage = Lineage.of(project.manifest());
        SchemaFiles files = SchemaFiles.of(project);
        DocState state = DocState.read(project, files);
        NodeDocumenter documenter = NodeDocumenter.forProject(settings, lineage, project, state.docs().values(),
                false);
        Map<String, NodeDocs> after = DocumentationRun.run(lineage,
                new LinkedHashSet<>(project.manifest().nodes().keySet()), state.docs(), documenter);
        TokenCounter tokens = new TokenCounter();
        // Tokens as osmosis's dry run counts them (its default provider and model), so both sides compare.
        return DbtOsmosisStrategy.estimate(project, lineage, after, new PromptBuilder(PromptTemplates.defaults()),
                PlaceholderSettings.from(project.config()), SynthesisSettings.defaults(),
                r -> tokens.countRequest(r, "openai", "gpt-4o").count(), tokens::estimateOutput);
    }
}
