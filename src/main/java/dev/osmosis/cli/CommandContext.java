package dev.osmosis.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/** What every command needs from the root: environment, working folder and the two output streams. */
public record CommandContext(Map<String, String> env, Path workingDir, PrintWriter out, PrintWriter err,
                             boolean interactive, InterruptTrap interrupts) {
    /** A path as the user (and a CI annotation) wants it: relative to the working folder when under it. */
    public String shown(Path projectRoot, Path file) {
        Path cwd = workingDir.toAbsolutePath().normalize();
        Path abs = file.toAbsolutePath().normalize();
        Path rel = abs.startsWith(cwd) ? cwd.relativize(abs) : projectRoot.toAbsolutePath().normalize().relativize(abs);
        return rel.toString().replace('\\', '/');
    }

    public static CommandContext of(CommandSpec spec) {
        Osmosis root = (Osmosis) spec.root().userObject();
        return new CommandContext(root.environment(), root.workingDir(), spec.commandLine().getOut(),
                spec.commandLine().getErr(), root.interactive(), root.interrupts());
    }
}
