package dev.osmosis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.llm.prompt.PromptContext;
import dev.osmosis.llm.prompt.PromptKey;
import dev.osmosis.llm.prompt.PromptTemplates;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LlmPromptsCommandTest {
    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    /** Runs the command alone, with the root command's error mapping. */
    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new LlmPromptsCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler(new Osmosis.ErrorReporter());
        cli.setExitCodeExceptionMapper(Osmosis.ErrorReporter::exitCode);
        cli.setParameterExceptionHandler(Osmosis.ErrorReporter::onParameterError);
        return new Result(cli.execute(args), out.toString(), err.toString());
    }

    @Test
    void exportWritesTheClasspathDefaults() throws Exception {
        Path dir = tmp.resolve("a/b/prompts");
        Result r = run("export", dir.toString());
        assertEquals(0, r.code(), r.err());
        for (PromptKey key : PromptKey.values()) {
            Path f = dir.resolve(key.fileName());
            assertEquals(PromptTemplates.defaultSource(key), Files.readString(f));
            assertTrue(r.out().contains("wrote " + f), r.out());
        }
        try (var files = Files.list(dir)) {
            assertEquals(PromptKey.values().length, files.count(), "no temp files left behind");
        }
        assertTrue(r.out().contains("--llm-prompt-dir " + dir));
        // what was exported loads as a prompt dir and renders like the defaults
        assertEquals(PromptTemplates.defaults().render(PromptKey.TABLE_USER, sample()),
                PromptTemplates.load(dir, null, Map.of()).render(PromptKey.TABLE_USER, sample()));
    }

    private static PromptContext sample() {
        return new PromptContext("model.p.m", "m", "model", "models/m.sql", "view", "", "select a < b from t", null,
                List.of(PromptContext.Column.gap("a", "int")), true, null, "", null, null);
    }

    @Test
    void exportRefusesToOverwriteWithoutForce() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        Path edited = Files.writeString(dir.resolve("column_user.mustache"), "my edit");
        Result r = run("export", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("already has column_user.mustache; use --force to overwrite"), r.err());
        assertEquals("my edit", Files.readString(edited));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "nothing written when refusing");
        }

        Result forced = run("export", "--force", dir.toString());
        assertEquals(0, forced.code(), forced.err());
        assertEquals(PromptTemplates.defaultSource(PromptKey.COLUMN_USER), Files.readString(edited));
    }

    @Test
    void exportIntoAFileOrWithoutDirIsAUsageError() throws Exception {
        Path file = Files.writeString(tmp.resolve("f"), "x");
        Result r = run("export", file.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("is a file, not a directory"), r.err());
        assertEquals(2, run("export").code());
        Result bare = run();
        assertEquals(2, bare.code());
        assertTrue(bare.err().contains("Missing command"), bare.err());
    }
}
