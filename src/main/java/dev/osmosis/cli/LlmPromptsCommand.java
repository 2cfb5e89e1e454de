package dev.osmosis.cli;

import dev.osmosis.OsmosisException;
import dev.osmosis.llm.prompt.PromptKey;
import dev.osmosis.llm.prompt.PromptTemplates;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code osmosis llm prompts}: the prompt templates of {@code --synthesize}. */
@Command(name = "prompts", mixinStandardHelpOptions = true,
        description = "Prompt templates used by --synthesize.",
        subcommands = {LlmPromptsCommand.Export.class})
public final class LlmPromptsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing command: try '" + spec.qualifiedName() + " export DIR'.");
    }

    /** {@code osmosis llm prompts export DIR}: writes the default templates to start editing from. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the default prompt templates to DIR (then use --llm-prompt-dir DIR).")
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        LoggingOptions logging;

        @Parameters(index = "0", paramLabel = "DIR", description = "Folder to write <key>.mustache files to.")
        Path dir;

        @Option(names = "--force", description = "Overwrite templates already in DIR.")
        boolean force;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<PromptKey> keys = Arrays.asList(PromptKey.values());
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw OsmosisException.usage(dir + " is a file, not a directory");
            }
            List<String> existing = keys.stream().map(PromptKey::fileName)
                    .filter(f -> Files.exists(dir.resolve(f))).toList();
            if (!existing.isEmpty() && !force) {
                throw OsmosisException.usage(dir + " already has " + String.join(", ", existing)
                        + "; use --force to overwrite");
            }
            try {
                Files.createDirectories(dir);
                for (PromptKey key : keys) {
                    Path target = dir.resolve(key.fileName());
                    dev.osmosis.AtomicFiles.write(target, PromptTemplates.defaultSource(key));
                    out.println("wrote " + target);
                }
            } catch (IOException e) {
                throw OsmosisException.failure("cannot write prompt templates to " + dir + ": " + e.getMessage());
            }
            out.println("Edit them, then pass --llm-prompt-dir " + dir + " (templates you delete use the defaults).");
            return 0;
        }
    }
}
