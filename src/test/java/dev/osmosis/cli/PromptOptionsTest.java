package dev.osmosis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.OsmosisException;
import dev.osmosis.llm.prompt.PromptKey;
import dev.osmosis.llm.prompt.PromptLimits;
import dev.osmosis.llm.prompt.PromptTemplates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class PromptOptionsTest {
    @TempDir
    Path tmp;

    @Command(name = "t")
    static final class Holder {
        @Mixin
        PromptOptions prompts;
    }

    private static PromptOptions parse(String... args) {
        Holder h = new Holder();
        new CommandLine(h).parseArgs(args);
        return h.prompts;
    }

    private Path promptDir(String name, String columnUser) throws Exception {
        Path d = Files.createDirectories(tmp.resolve(name));
        Files.writeString(d.resolve("column_user.mustache"), columnUser);
        return d;
    }

    @Test
    void promptDirComesFromCliElseProjectVarsRelativeToProject() throws Exception {
        Path cliDir = promptDir("cli", "from cli");
        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.createDirectories(project.resolve("my_prompts"));
        Files.writeString(project.resolve("my_prompts/column_user.mustache"), "from vars");
        Map<String, Object> vars = Map.of("prompt_dir", "my_prompts");

        PromptTemplates cli = PromptOptions.resolveTemplates(parse("--llm-prompt-dir", cliDir.toString()), Map.of(),
                vars, project);
        assertEquals("from cli", cli.source(PromptKey.COLUMN_USER));
        PromptTemplates fromVars = PromptOptions.resolveTemplates(parse(), Map.of(), vars, project);
        assertEquals("from vars", fromVars.source(PromptKey.COLUMN_USER));
        PromptTemplates none = PromptOptions.resolveTemplates(null, null, null, project);
        assertEquals(PromptTemplates.defaultSource(PromptKey.COLUMN_USER), none.source(PromptKey.COLUMN_USER));
    }

    @Test
    void promptFileComesFromCliElseEnvElseProjectVars() throws Exception {
        Path cliFile = Files.writeString(tmp.resolve("cli.yaml"), "model_user: from cli\n");
        Path envFile = Files.writeString(tmp.resolve("env.yaml"), "model_user: from env\n");
        Files.writeString(tmp.resolve("vars.yaml"), "model_user: from vars\n");
        Map<String, String> env = Map.of("OSMOSIS_LLM_PROMPT_FILE", envFile.toString());
        Map<String, Object> vars = Map.of("prompt_file", "vars.yaml");

        assertEquals("from cli", PromptOptions.resolveTemplates(parse("--llm-prompt-file", cliFile.toString()), env,
                vars, tmp).source(PromptKey.MODEL_USER));
        assertEquals("from env", PromptOptions.resolveTemplates(parse(), env, vars, tmp).source(PromptKey.MODEL_USER));
        assertEquals("from vars", PromptOptions.resolveTemplates(parse(), Map.of(), vars, tmp)
                .source(PromptKey.MODEL_USER));
        assertEquals("from vars", PromptOptions.resolveTemplates(parse(), Map.of(),
                Map.of("prompt_file", tmp.resolve("vars.yaml").toString()), null).source(PromptKey.MODEL_USER));
    }

    @Test
    void perTemplateEnvBeatsThePromptFile() throws Exception {
        Path f = Files.writeString(tmp.resolve("p.yaml"), "model_user: from file\n");
        PromptTemplates t = PromptOptions.resolveTemplates(parse("--llm-prompt-file", f.toString()),
                Map.of("OSMOSIS_LLM_PROMPT_MODEL_USER", "from env"), Map.of(), tmp);
        assertEquals("from env", t.source(PromptKey.MODEL_USER));
    }

    @Test
    void badProjectVarIsAUsageError() {
        OsmosisException e = assertThrows(OsmosisException.class,
                () -> PromptOptions.resolveTemplates(parse(), Map.of(), Map.of("prompt_dir", 3), tmp));
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().contains("llm: prompt_dir must be a path"), e.getMessage());
    }

    @Test
    void maxSqlCharsFromCliElseEnvElseDefault() {
        Map<String, String> env = Map.of("OSMOSIS_LLM_MAX_SQL_CHARS", " 1200 ");
        assertEquals(300, parse("--llm-max-sql-chars", "300").maxSqlChars(env));
        assertEquals(1200, parse().maxSqlChars(env));
        assertEquals(PromptLimits.DEFAULT_MAX_SQL_CHARS, parse().maxSqlChars(Map.of()));
        assertEquals(PromptLimits.DEFAULT_MAX_SQL_CHARS, parse().maxSqlChars(null));
        assertEquals(1200, parse().limits(env).maxSqlChars());
        assertEquals(PromptLimits.DEFAULTS.maxParents(), parse().limits(env).maxParents());

        OsmosisException bad = assertThrows(OsmosisException.class,
                () -> parse().maxSqlChars(Map.of("OSMOSIS_LLM_MAX_SQL_CHARS", "lots")));
        assertTrue(bad.getMessage().contains("OSMOSIS_LLM_MAX_SQL_CHARS must be a whole number"));
        OsmosisException zero = assertThrows(OsmosisException.class,
                () -> parse("--llm-max-sql-chars", "0").maxSqlChars(Map.of()));
        assertTrue(zero.getMessage().contains("--llm-max-sql-chars must be at least 1"));
    }

    @Test
    void contextFileIsReadOrReported() throws Exception {
        Path f = Files.writeString(tmp.resolve("glossary.md"), "ARR: annual recurring revenue <USD> & more");
        PromptOptions o = parse("--llm-context", f.toString());
        assertEquals("ARR: annual recurring revenue <USD> & more", o.userContext());
        assertEquals(f, o.contextFile());
        assertEquals("", parse().userContext());
        OsmosisException e = assertThrows(OsmosisException.class,
                () -> parse("--llm-context", tmp.resolve("none.md").toString()).userContext());
        assertTrue(e.getMessage().contains("--llm-context file"));
        assertEquals(null, parse().promptDir());
        assertEquals(null, parse().promptFile());
    }
}
