package dev.osmosis.cli;

import dev.osmosis.OsmosisException;
import dev.osmosis.text.TerminalText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command. {@link #run} is the whole program minus {@code System.exit}. */
@Command(
        name = Osmosis.NAME,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = Osmosis.DESCRIPTION,
        subcommands = {YamlCommand.class, CoverageCommand.class, ReportCommand.class, ReviewCommand.class, LlmCommand.class,
                HelpCommand.class})
public final class Osmosis implements Runnable {
    /** Constants, so that {@link CommandTree} can build the root without reading this annotation. */
    static final String NAME = "osmosis";
    static final String DESCRIPTION =
            "Documents dbt projects: inherits column docs down the DAG, asks an LLM for the rest.";

    private final Map<String, String> environment;
    private final Path workingDir;
    private final boolean interactive;
    private final InterruptTrap interrupts;

    /** The process's own run: its environment, and Ctrl-C / SIGTERM stop a synthesis politely. */
    public Osmosis() {
        this(System.getenv(), Path.of("").toAbsolutePath(), System.console() != null, new SignalTrap());
    }

    /** Tests pass their own environment so nothing reads the real one. */
    public Osmosis(Map<String, String> environment) {
        this(environment, Path.of("").toAbsolutePath());
    }

    public Osmosis(Map<String, String> environment, Path workingDir) {
        this(environment, workingDir, false);
    }

    /** {@code interactive}: stderr is a terminal, so progress may redraw one line. */
    public Osmosis(Map<String, String> environment, Path workingDir, boolean interactive) {
        this(environment, workingDir, interactive, InterruptTrap.NONE);
    }

    /** {@code interrupts}: how Ctrl-C and SIGTERM reach a synthesis run ({@link InterruptTrap#NONE}: they do not). */
    public Osmosis(Map<String, String> environment, Path workingDir, boolean interactive, InterruptTrap interrupts) {
        this.environment = Map.copyOf(environment);
        this.workingDir = workingDir;
        this.interactive = interactive;
        this.interrupts = interrupts;
    }

    InterruptTrap interrupts() {
        return interrupts;
    }

    public boolean interactive() {
        return interactive;
    }

    public Map<String, String> environment() {
        return environment;
    }

    /** Relative paths on the command line resolve against this folder. */
    public Path workingDir() {
        return workingDir;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "Missing command: try 'osmosis --help'.");
    }

    public int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = CommandTree.forArgs(this, args);
        CommandLine yaml = cli.getSubcommands().get("yaml");
        CommandLine document = yaml == null ? null : yaml.getSubcommands().get("document");
        if (document != null) {
            OptionSections.install(document, DocumentCommand.HELP_SECTIONS);
        }
        CommandLine llm = cli.getSubcommands().get("llm");
        CommandLine eval = llm == null ? null : llm.getSubcommands().get("eval");
        if (eval != null) {
            OptionSections.install(eval, LlmEvalCommand.HELP_SECTIONS);
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler(new ErrorReporter());
        cli.setExitCodeExceptionMapper(ErrorReporter::exitCode);
        cli.setParameterExceptionHandler(ErrorReporter::onParameterError);
        try {
            return cli.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Maps exceptions to exit codes and messages: the only place that does so. */
    static final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
            PrintWriter err = cmd.getErr();
            boolean stacktrace = parseResult != null && wantsStacktrace(parseResult);
            if (ex instanceof OsmosisException oe) {
                err.println("error: " + TerminalText.escape(oe.getMessage()));
                if (stacktrace) {
                    oe.printStackTrace(err);
                }
                return oe.exitCode();
            }
            err.println("error: unexpected " + ex.getClass().getSimpleName() + ": "
                    + TerminalText.escape(ex.getMessage()));
            if (stacktrace) {
                ex.printStackTrace(err);
            } else {
                err.println("(run again with --stacktrace for details)");
            }
            return OsmosisException.FAILURE;
        }

        static int onParameterError(CommandLine.ParameterException ex, String[] args) {
            CommandLine cmd = ex.getCommandLine();
            PrintWriter err = cmd.getErr();
            err.println("error: " + TerminalText.escapeLines(ex.getMessage()));
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
                err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
            }
            return OsmosisException.USAGE;
        }

        static int exitCode(Throwable t) {
            return t instanceof OsmosisException oe ? oe.exitCode() : OsmosisException.FAILURE;
        }

        private static boolean wantsStacktrace(CommandLine.ParseResult parseResult) {
            for (CommandLine.ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
                if (pr.hasMatchedOption("--stacktrace")) {
                    return true;
                }
            }
            return false;
        }
    }
}
