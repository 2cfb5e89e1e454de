package dev.osmosis.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** `osmosis yaml document`: inject catalog columns and inherit docs down the DAG, editing YAML in place. */
@Command(name = "document", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Add missing columns from the catalog and inherit column docs from upstream nodes.")
public class DocumentCommand implements Callable<Integer> {
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
