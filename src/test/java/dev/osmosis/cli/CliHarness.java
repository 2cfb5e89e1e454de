package dev.osmosis.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs osmosis in-process and captures what it prints. */
public final class CliHarness {
    public record Result(int exitCode, String out, String err) {
    }

    private CliHarness() {
    }

    public static Result run(String... args) {
        return run(Map.of(), args);
    }

    public static Result run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Osmosis(env).run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }
}
