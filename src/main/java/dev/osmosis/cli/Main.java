package dev.osmosis.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Process entry point: everything else is testable in-process through {@link Osmosis#run}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = new Osmosis().run(out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
