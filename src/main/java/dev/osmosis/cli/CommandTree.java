package dev.osmosis.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

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

    /**
     * The root command as its annotation describes it, built without reflection: reading an annotation makes the
     * JDK generate a proxy class for its type (several ms each, and a class-data-sharing archive cannot keep
     * them), and {@code mixinStandardHelpOptions} reads picocli's own help mixin that way. The options and texts
     * are picocli's standard ones; CommandTreeTest checks the usage against the annotated root.
     */
    private static CommandSpec lean(Osmosis root) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(root);
        spec.name(Osmosis.NAME);
        spec.versionProvider(new VersionProvider());
        spec.usageMessage().description(Osmosis.DESCRIPTION);
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
        return spec;
    }
}
