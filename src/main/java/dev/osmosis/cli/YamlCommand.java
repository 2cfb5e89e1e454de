package dev.osmosis.cli;

import picocli.CommandLine.Command;

/** `osmosis yaml`: the schema YAML commands. */
@Command(name = "yaml", mixinStandardHelpOptions = true, description = "Document and refactor schema YAML.",
        subcommands = {DocumentCommand.class, RefactorCommand.class, OrganizeCommand.class})
public final class YamlCommand {
}
