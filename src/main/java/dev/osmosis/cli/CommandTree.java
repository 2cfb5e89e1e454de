package dev.osmosis.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Builds only the part of the command tree a command line uses. picocli reads every command's annotations by
 * reflection when the tree is built, which took most of a short command's fixed cost (about 0.3 s of
 * `osmosis --version`): {@code osmosis yaml document} needs the `yaml` branch, and of it only `document`;
 * `--version` needs no branch. Help, an unknown command or no command at all get the whole tree, as the root's
 * {@code @Command} declares it (which is also what the completion script and man pages are generated from).
 */
final class CommandTree {
    private static final List<String> ROOT_ONLY = List.of("--version", "-V");

    private CommandTree() {
    }

    static CommandLine forArgs(Osmosis root, String... args) {
        if (args.length > 0 && ROOT_ONLY.contains(args[0])) {
            return new CommandLine(lean(root));
        }
        Class<?> sub = subcommand(Osmosis.class, args, 0);
        if (sub == null) {
            return new CommandLine(root);
        }
        CommandSpec spec = lean(root);
        spec.addSubcommand(args[0], branch(sub, args));
        return new CommandLine(spec);
    }

    /**
     * The first command's branch. A group with nothing of its own to run or inject (`yaml`: no fields, not
     * Runnable) gets only the subcommand the next argument names; building `yaml`'s other commands cost `yaml
     * document` as much again.
     */
    private static CommandLine branch(Class<?> command, String... args) {
        Class<?> leaf = subcommand(command, args, 1);
        boolean stateless = command.getDeclaredFields().length == 0 && !Runnable.class.isAssignableFrom(command)
                && !Callable.class.isAssignableFrom(command);
        if (leaf == null || !stateless) {
            return new CommandLine(command);
        }
        Command annotation = command.getAnnotation(Command.class);
        CommandSpec group = CommandSpec.create();
        group.name(annotation.name());
        group.usageMessage().description(annotation.description()).hidden(annotation.hidden());
        addHelpOptions(group);
        group.addSubcommand(args[1], new CommandLine(leaf));
        return new CommandLine(group);
    }

    /** The subcommand of {@code parent} that {@code args[at]} names, or null. */
    private static Class<?> subcommand(Class<?> parent, String[] args, int at) {
        if (args.length <= at) {
            return null;
        }
        for (Class<?> sub : parent.getAnnotation(Command.class).subcommands()) {
            Command command = sub.getAnnotation(Command.class);
            if (command != null && command.name().equals(args[at]) && sub != HelpCommand.class) {
                return sub;
            }
        }
        return null;
    }

    /**
     * The root command as its annotation describes it, built without reflection: reading an annotation makes the
     * JDK generate a proxy class for its type (several ms each, and a class-data-sharing archive cannot keep
     * them), and {@code mixinStandardHelpOptions} reads picocli's own help mixin that way. CommandTreeTest checks
     * the result against the annotated root.
     */
    private static CommandSpec lean(Osmosis root) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(root);
        spec.name(Osmosis.NAME);
        spec.versionProvider(new VersionProvider());
        spec.usageMessage().description(Osmosis.DESCRIPTION);
        addHelpOptions(spec);
        return spec;
    }

    /** picocli's standard -h/--help and -V/--version, as {@code mixinStandardHelpOptions = true} declares them. */
    private static void addHelpOptions(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
    }
}
