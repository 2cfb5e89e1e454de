package dev.osmosis.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Builds only the part of the command tree a command line uses. picocli reads every command's annotations by
 * reflection when the tree is built, which took most of a short command's fixed cost (about 0.3 s of
 * `osmosis --version`): {@code osmosis yaml document} needs the `yaml` branch, `--version` needs no branch. Help,
 * an unknown command or no command at all get the whole tree, as the root's {@code @Command} declares it (which is
 * also what the completion script and man pages are generated from).
 */
final class CommandTree {
    private static final List<String> ROOT_ONLY = List.of("--version", "-V");

    private CommandTree() {
    }

    static CommandLine forArgs(Osmosis root, String... args) {
        String first = args.length == 0 ? "" : args[0];
        if (ROOT_ONLY.contains(first)) {
            return new CommandLine(lean(root));
        }
        for (Class<?> sub : Osmosis.class.getAnnotation(Command.class).subcommands()) {
            Command command = sub.getAnnotation(Command.class);
            if (command != null && command.name().equals(first) && sub != CommandLine.HelpCommand.class) {
                CommandSpec spec = lean(root);
                spec.addSubcommand(first, new CommandLine(sub));
                return new CommandLine(spec);
            }
        }
        return new CommandLine(root);
    }

    /** The root command as its annotation describes it, without reading its subcommands. */
    private static CommandSpec lean(Osmosis root) {
        Command annotation = Osmosis.class.getAnnotation(Command.class);
        CommandSpec spec = CommandSpec.wrapWithoutInspection(root);
        spec.name(annotation.name());
        spec.mixinStandardHelpOptions(true);
        spec.versionProvider(new VersionProvider());
        spec.usageMessage().description(annotation.description());
        return spec;
    }
}
