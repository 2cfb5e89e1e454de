package dev.osmosis.llm.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.OsmosisException;
import dev.osmosis.llm.LlmRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptOverridesTest {
    @TempDir
    Path tmp;

    private Path dir(String... fileAndText) throws Exception {
        Path d = Files.createDirectories(tmp.resolve("prompts"));
        for (int i = 0; i < fileAndText.length; i += 2) {
            Files.writeString(d.resolve(fileAndText[i]), fileAndText[i + 1]);
        }
        return d;
    }

    private Path file(String yaml) throws Exception {
        return Files.writeString(tmp.resolve("prompts.yaml"), yaml);
    }

    @Test
    void customPromptDirectoryChangesTheRenderedRequest() throws Exception {
        Path d = dir("table_user.mustache", "Model {{name}} needs: {{gap_names}}. SQL: {{{sql}}}",
                "column_system.mustache", "Answer in French.", "notes.txt", "ignored");
        PromptBuilder builder = new PromptBuilder(PromptTemplates.load(d, null, Map.of()));
        LlmRequest bulk = builder.bulk(Fixtures.orders());
        String tag = Fixtures.fence(Fixtures.orders());
        assertEquals("Model orders needs: status, order_total. SQL: <" + tag + ">\n" + Fixtures.SQL.strip() + "\n</"
                + tag + ">", bulk.user(), "a user's template gets fenced values too");
        assertEquals(PromptTemplates.defaults().render(PromptKey.TABLE_SYSTEM, Fixtures.orders()), bulk.system(),
                "a template missing in the directory falls back to the default");
        assertEquals("Answer in French.", builder.column(Fixtures.orders(), Fixtures.orders().gaps().get(0)).system());
        assertEquals("prompt file " + d.resolve("table_user.mustache"),
                builder.templates().origin(PromptKey.TABLE_USER));
    }

    @Test
    void precedenceIsEnvThenFileThenDirThenDefault() throws Exception {
        Path d = dir("model_system.mustache", "dir-ms", "model_user.mustache", "dir-mu",
                "column_system.mustache", "dir-cs");
        Path f = file("model_system: file-ms\nmodel_user: |\n  file-mu {{name}}\n");
        Map<String, String> env = Map.of("OSMOSIS_LLM_PROMPT_MODEL_SYSTEM", "env-ms",
                "OSMOSIS_LLM_PROMPT_COLUMN_USER", "   ", // blank: unset
                "OSMOSIS_LLM_PROMPT_FILE", "not-a-template-key", "OSMOSIS_LLM_PROMPT_TYPO", "ignored");
        PromptTemplates t = PromptTemplates.load(d, f, env);
        PromptContext ctx = Fixtures.orders();
        assertEquals("env-ms", t.render(PromptKey.MODEL_SYSTEM, ctx));
        assertEquals("file-mu orders", t.render(PromptKey.MODEL_USER, ctx));
        assertEquals("dir-cs", t.render(PromptKey.COLUMN_SYSTEM, ctx));
        assertEquals(PromptTemplates.defaultSource(PromptKey.COLUMN_USER), t.source(PromptKey.COLUMN_USER));
        assertEquals("environment variable OSMOSIS_LLM_PROMPT_MODEL_SYSTEM", t.origin(PromptKey.MODEL_SYSTEM));
        assertEquals("prompt file " + f + " (model_user)", t.origin(PromptKey.MODEL_USER));
    }

    @Test
    void aliasesWorkInEveryOverride() throws Exception {
        Path d = dir("bulk_system.mustache", "dir-bulk-system");
        Path f = file("bulk_user: file-bulk-user\n");
        PromptTemplates t = PromptTemplates.load(d, f, Map.of());
        assertEquals("dir-bulk-system", t.source(PromptKey.TABLE_SYSTEM));
        assertEquals("file-bulk-user", t.source(PromptKey.TABLE_USER));
        PromptTemplates e = PromptTemplates.load(null, null, Map.of("OSMOSIS_LLM_PROMPT_BULK_USER", "env-bulk"));
        assertEquals("env-bulk", e.source(PromptKey.TABLE_USER));
    }

    @Test
    void emptyPromptFileChangesNothing() throws Exception {
        PromptTemplates t = PromptTemplates.load(null, file("# nothing yet\n"), Map.of());
        assertEquals(PromptTemplates.defaultSource(PromptKey.TABLE_USER), t.source(PromptKey.TABLE_USER));
    }

    private static String usageError(Runnable r) {
        OsmosisException e = assertThrows(OsmosisException.class, r::run);
        assertEquals(OsmosisException.USAGE, e.exitCode());
        return e.getMessage();
    }

    @Test
    void badMustacheNamesTheFile() throws Exception {
        Path d = dir("column_user.mustache", "Describe {{#column}}{{name}}");
        String msg = usageError(() -> PromptTemplates.load(d, null, Map.of()));
        assertTrue(msg.contains(d.resolve("column_user.mustache").toString()), msg);
        assertTrue(msg.contains("is not valid Mustache"), msg);

        String env = usageError(() -> PromptTemplates.load(null, null,
                Map.of("OSMOSIS_LLM_PROMPT_TABLE_USER", "{{/oops}}")));
        assertTrue(env.contains("environment variable OSMOSIS_LLM_PROMPT_TABLE_USER"), env);
    }

    @Test
    void unknownKeyInPromptFileIsAUsageError() throws Exception {
        Path f = file("model_system: ok\ncolumn_sytem: typo\n");
        String msg = usageError(() -> PromptTemplates.load(null, f, Map.of()));
        assertTrue(msg.contains(f.toString()) && msg.contains("unknown template key 'column_sytem'"), msg);
        assertTrue(msg.contains("model_system, model_user"), "lists the valid keys: " + msg);
    }

    @Test
    void malformedPromptFilesAreUsageErrors() throws Exception {
        assertTrue(usageError(() -> PromptTemplates.load(null, tmp.resolve("absent.yaml"), Map.of()))
                .contains("does not exist"));
        Path notMap = file("- a\n- b\n");
        assertTrue(usageError(() -> PromptTemplates.load(null, notMap, Map.of())).contains("must be a YAML mapping"));
        Path notString = file("model_user:\n  nested: true\n");
        assertTrue(usageError(() -> PromptTemplates.load(null, notString, Map.of())).contains("must be a string"));
        Path badYaml = file("model_user: [unclosed\n");
        assertTrue(usageError(() -> PromptTemplates.load(null, badYaml, Map.of())).contains("not valid YAML"));
        Path twice = file("table_user: a\nbulk_user: b\n");
        assertTrue(usageError(() -> PromptTemplates.load(null, twice, Map.of())).contains("given twice"));
    }

    @Test
    void missingOrAmbiguousDirectoryIsAUsageError() throws Exception {
        String msg = usageError(() -> PromptTemplates.load(tmp.resolve("nope"), null, Map.of()));
        assertTrue(msg.contains("prompt directory") && msg.contains("nope") && msg.contains("--llm-prompt-dir"), msg);
        Path d = dir("table_user.mustache", "a", "bulk_user.mustache", "b");
        assertTrue(usageError(() -> PromptTemplates.load(d, null, Map.of())).contains("keep one"));
    }

    @Test
    void partialsAreRejectedNamingTheTemplate() throws Exception {
        Path d = dir("model_user.mustache", "{{> shared}}");
        String msg = usageError(() -> PromptTemplates.load(d, null, Map.of()));
        assertTrue(msg.contains("model_user.mustache") && msg.contains("partials ({{> ...}}) are not supported"),
                msg);
    }

    @Test
    void readmePromptFileExampleWorks() throws Exception {
        Path f = file("""
                # prompts.yaml, used with --llm-prompt-file prompts.yaml
                column_system: |
                  You document columns of a dbt project for finance analysts. Use British English.
                  Reply with one or two plain sentences.
                column_user: |
                  Column {{column_name}}{{#has_column_data_type}} ({{column_data_type}}){{/has_column_data_type}} of {{name}}.
                  SQL:
                  {{sql}}
                """);
        PromptContext ctx = Fixtures.orders();
        LlmRequest r = new PromptBuilder(PromptTemplates.load(null, f, Map.of())).column(ctx, ctx.gaps().get(1));
        String tag = Fixtures.fence(ctx.withColumn(ctx.gaps().get(1)));
        assertEquals("Column order_total (<" + tag + ">numeric(18,2)</" + tag + ">) of orders.\nSQL:\n<" + tag + ">\n"
                + Fixtures.SQL.strip() + "\n</" + tag + ">", r.user());
        assertTrue(r.system().startsWith("You document columns of a dbt project for finance analysts."));
    }
}
