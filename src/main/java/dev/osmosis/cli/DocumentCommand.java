package dev.osmosis.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** `osmosis yaml document`: inject catalog columns and inherit docs down the DAG, editing YAML in place. */
@Command(name = "document", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Add missing columns from the catalog and inherit column docs from upstream nodes.",
        footer = {"%nExamples:",
                "  # preview the YAML changes as a diff, write nothing",
                "  osmosis yaml document --dry-run",
                "  # document one model, the LLM writing what inheritance leaves missing",
                "  osmosis yaml document stg_orders --synthesize",
                "  # show the LLM calls and their cost, make none",
                "  osmosis yaml document --synthesize --llm-dry-run",
                "  # a CI gate: exit 1 when the YAML is not up to date",
                "  osmosis yaml document --check --dry-run",
                "  # cap the spend at 2 USD and report usage at the end",
                "  osmosis yaml document --synthesize --llm-max-cost 2 --llm-stats"})
public class DocumentCommand implements Callable<Integer> {
    /** The help's option sections: heading to the mixins whose options it lists (the rest go under Output). */
    static final java.util.Map<String, java.util.List<String>> HELP_SECTIONS = sections();

    private static java.util.Map<String, java.util.List<String>> sections() {
        java.util.Map<String, java.util.List<String>> s = new java.util.LinkedHashMap<>();
        s.put("Selection (the project and its nodes)", java.util.List.of("project"));
        s.put("Documenting", java.util.List.of("docs", "fusion", "dbtOsmosis"));
        s.put("LLM (with --synthesize)", java.util.List.of("synthesis", "llm", "prompts"));
        s.put("Cost", java.util.List.of("usage"));
        s.put("Output", java.util.List.of("write", "logging"));
        return java.util.Collections.unmodifiableMap(s);
    }

    @Spec CommandSpec spec;
    @Mixin ProjectOptions project;
    @Mixin WriteOptions write;
    @Mixin DocOptions docs;
    @Mixin FusionOptions fusion;
    @Mixin SynthesisOptions synthesis;
    @Mixin LlmOptions llm;
    @Mixin PromptOptions prompts;
    @Mixin UsageOptions usage;
    @Mixin LoggingOptions logging;
    @Mixin DbtOsmosisOptions dbtOsmosis;

    enum Format { text, json }

    @picocli.CommandLine.Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Format of the --llm-dry-run preview: text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    /** `refactor` says yes. */
    boolean refactor() {
        return false;
    }

    /** `refactor --keep-documented-columns`. */
    boolean keepDocumentedColumns() {
        return false;
    }

    @Override
    public Integer call() {
        return new YamlRun(CommandContext.of(spec), this).execute();
    }
}
