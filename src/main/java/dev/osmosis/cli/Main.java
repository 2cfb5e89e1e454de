package dev.osmosis.cli;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Process entry point: everything else is testable in-process through {@link Osmosis#run}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** One command line on these streams, as the process runs it (also what CdsTraining runs). */
    static int run(OutputStream stdout, OutputStream stderr, String... args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(stderr, StandardCharsets.UTF_8), true);
        int code = new Osmosis().run(out, err, args);
        out.flush();
        err.flush();
        return code;
    }
}
