package dev.osmosis.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the command lines {@code mvn package} trains the class-data-sharing archive on, one after the other in one
 * JVM: a JDK 17 dynamic archive holds the classes one process loaded, and a single command would leave out those
 * of the others (help rendering, the yaml branch's options, ...). The arguments are command lines separated by a
 * lone {@code ;}. Output is discarded; a usage or configuration error (exit 2) stops the build, as the archive
 * would then miss what that command loads. Not a user command: see docs/adr/0005-class-data-sharing-archive.md.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) {
        for (List<String> commandLine : split(args)) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Main.run(OutputStream.nullOutputStream(), err, commandLine.toArray(String[]::new));
            if (code >= 2) {
                System.err.println("osmosis " + String.join(" ", commandLine) + " exited " + code + ": "
                        + err.toString(StandardCharsets.UTF_8));
                System.exit(code);
            }
        }
    }

    static List<List<String>> split(String... args) {
        List<List<String>> commandLines = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String arg : Arrays.asList(args)) {
            if (arg.equals(";")) {
                commandLines.add(current);
                current = new ArrayList<>();
            } else {
                current.add(arg);
            }
        }
        commandLines.add(current);
        return commandLines;
    }
}
