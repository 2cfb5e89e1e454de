package dev.osmosis.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code osmosis help yaml document}: the help of the command the whole path names. picocli's own help command
 * reads only the first name, so it printed {@code yaml}'s help for that.
 */
@Command(name = "help", helpCommand = true, description = "Show the help of a command, e.g. osmosis help yaml document.")
public final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Runnable {
    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command and its subcommands, in order.")
    String[] commands = {};

    private CommandLine self;
    private CommandLine.Help.ColorScheme colors;
    private PrintWriter out;

    @Override
    public void init(CommandLine helpCommandLine, CommandLine.Help.ColorScheme colorScheme, PrintWriter outWriter,
                     PrintWriter errWriter) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = outWriter;
    }

    @Override
    public void run() {
        CommandLine target = self.getParent();
        StringBuilder path = new StringBuilder(target.getCommandName());
        for (String name : commands) {
            path.append(' ').append(name);
            CommandLine sub = target.getSubcommands().get(name);
            if (sub == null) {
                throw new CommandLine.ParameterException(self, "unknown command '" + path + "'; run 'osmosis "
                        + "--help' for the commands.");
            }
            target = sub;
        }
        target.usage(out, colors);
    }
}
