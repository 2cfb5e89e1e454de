package dev.osmosis.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.cli.CliHarness;
import dev.osmosis.testing.FakeOpenAi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The language and style of a project reach every prompt (issue 19, point 7), against a fake OpenAI server that
 * records the prompts of a two-node project raw.pedidos -> stg_pedidos whose stg has two columns to write.
 * <table>
 *   <caption>cases</caption>
 *   <tr><th>project</th><th>prompt</th></tr>
 *   <tr><td>six Portuguese descriptions</td><td>"Write every description in Portuguese"; the run says why</td></tr>
 *   <tr><td>the same, one call per column</td><td>"Write it in Portuguese" in each</td></tr>
 *   <tr><td>the same in English, or only two Portuguese ones</td><td>no language line</td></tr>
 *   <tr><td>the six Portuguese ones marked osmosis_generated (an AI wrote them)</td><td>no language line</td></tr>
 *   <tr><td>Portuguese, {@code llm: language: Spanish}</td><td>Spanish, "set by dbt_project.yml"</td></tr>
 *   <tr><td>Portuguese, {@code llm: language: none}, or --llm-language none</td><td>no language line</td></tr>
 *   <tr><td>Portuguese, OSMOSIS_LLM_LANGUAGE=fr over the var</td><td>French</td></tr>
 *   <tr><td>--llm-dry-run</td><td>no call, the same language line on stderr</td></tr>
 *   <tr><td>dbt-styleguide.md at the root, with and without --llm-context</td><td>its text, under a heading when
 *       both</td></tr>
 *   <tr><td>dbt-styleguide.md a link out of the project</td><td>exit 2, refused by name, no call</td></tr>
 * </table>
 */
class ProjectLanguagePromptTest {
    private static final List<String> PORTUGUESE = List.of("Identificador único do pedido.",
            "Data em que o cliente fez o pedido.", "Valor total da fatura em reais.",
            "Situação do pagamento, conforme informado pelo banco.", "Chave estrangeira para a tabela de clientes.",
            "Número de parcelas da compra.");
    private static final List<String> ENGLISH = List.of("Unique identifier of the order.",
            "Date when the customer placed the order.", "Total amount of the invoice.",
            "Status of the payment, as reported by the bank.", "Foreign key to the customers table.",
            "Number of instalments of the purchase.");
    private static final String ASK_PORTUGUESE = "Write every description in Portuguese";

    @TempDir Path tmp;

    private Path project(List<String> descriptions, String llmVars) throws IOException {
        return project(descriptions, llmVars, "");
    }

    /** {@code columnExtra}: YAML lines added to every documented source column (a meta mark, say). */
    private Path project(List<String> descriptions, String llmVars, String columnExtra) throws IOException {
        Path root = tmp.resolve("p");
        Files.createDirectories(root.resolve("models"));
        Path spec = tmp.resolve("case.json");
        Files.writeString(spec, """
                {"nodes": {
                  "source.p.raw.pedidos": {"file": "models/sources.yml"},
                  "model.p.stg_pedidos": {"file": "models/stg_pedidos.sql", "parents": ["source.p.raw.pedidos"]}}}
                """);
        GoldenProject.write(spec, root, "name: p\n" + (llmVars.isEmpty() ? ""
                : "vars:\n  dbt-osmosis:\n    llm:\n" + llmVars.indent(6)));
        List<String> names = List.of("id", "data_pedido", "valor_total", "situacao", "cliente_id", "parcelas");
        StringBuilder sources = new StringBuilder("""
                version: 2
                sources:
                  - name: raw
                    tables:
                      - name: pedidos
                        columns:
                """);
        for (int i = 0; i < descriptions.size(); i++) {
            sources.append("          - name: ").append(names.get(i)).append("\n            description: \"")
                    .append(descriptions.get(i)).append("\"\n").append(columnExtra.indent(12));
        }
        Files.writeString(root.resolve("models/sources.yml"), sources.toString());
        undocument(root);
        return root;
    }

    /** stg_pedidos with two columns to write (again: a run writes them). */
    private static void undocument(Path root) throws IOException {
        Files.writeString(root.resolve("models/schema.yml"), """
                version: 2
                models:
                  - name: stg_pedidos
                    description: Pedidos limpos.
                    columns:
                      - name: id
                      - name: canal
                      - name: desconto
                """);
    }

    private CliHarness.Result run(FakeOpenAi llm, Path root, Map<String, String> extraEnv, String... extra) {
        Map<String, String> env = new HashMap<>(llm.env(tmp.resolve("home")));
        env.putAll(extraEnv);
        List<String> args = new ArrayList<>(List.of("yaml", "document", "--synthesize", "--project-dir",
                root.toString()));
        args.addAll(List.of(extra));
        return CliHarness.run(env, args.toArray(String[]::new));
    }

    private static String onlyPrompt(FakeOpenAi llm) {
        assertEquals(1, llm.requests().size(), "one bulk call for stg_pedidos");
        return FakeOpenAi.prompt(llm.requests().get(0));
    }

    @Test
    void aPortugueseProjectIsAskedForPortuguese() throws Exception {
        Path root = project(PORTUGUESE, "");
        try (FakeOpenAi llm = new FakeOpenAi()) {
            CliHarness.Result r = run(llm, root, Map.of());
            assertEquals(0, r.exitCode(), r.err());
            String prompt = onlyPrompt(llm);
            assertTrue(prompt.contains(ASK_PORTUGUESE + ", the language of the project's documentation."), prompt);
            assertTrue(r.err().contains("language: asking for descriptions in Portuguese (detected in 5 of 7 "
                    + "human-written descriptions, none in another language)"), r.err());
            assertEquals(1, r.err().split("language: ", -1).length - 1, "said once: " + r.err());
        }
    }

    @Test
    void perColumnCallsAskForItToo() throws Exception {
        Path root = project(PORTUGUESE, "");
        try (FakeOpenAi llm = new FakeOpenAi()) {
            CliHarness.Result r = run(llm, root, Map.of(), "--llm-strategy", "per-column");
            assertEquals(0, r.exitCode(), r.err());
            assertEquals(2, llm.requests().size(), "one call per column");
            for (var request : llm.requests()) {
                assertTrue(FakeOpenAi.prompt(request).contains("Write it in Portuguese, the language of the project's "
                        + "documentation."), FakeOpenAi.prompt(request));
            }
        }
    }

    @Test
    void anEnglishOrThinProjectGetsNoLanguageLine() throws Exception {
        for (List<String> descriptions : List.of(ENGLISH, PORTUGUESE.subList(0, 2))) {
            Path root = project(descriptions, "");
            try (FakeOpenAi llm = new FakeOpenAi()) {
                CliHarness.Result r = run(llm, root, Map.of());
                assertEquals(0, r.exitCode(), r.err());
                String prompt = onlyPrompt(llm);
                assertFalse(prompt.contains("Write every description in"), prompt);
                assertFalse(r.err().contains("language:"), r.err());
            }
            deleteTree(root); // the next case writes a fresh project

        }
    }

    @Test
    void textAnAiWroteDoesNotCount() throws Exception {
        Path root = project(PORTUGUESE, "", "meta:\n  osmosis_generated: true");
        try (FakeOpenAi llm = new FakeOpenAi()) {
            CliHarness.Result r = run(llm, root, Map.of());
            assertEquals(0, r.exitCode(), r.err());
            assertFalse(onlyPrompt(llm).contains("Write every description in"), r.err());
        }
    }

    @Test
    void theProjectSettingOverridesDetection() throws Exception {
        Path root = project(PORTUGUESE, "language: Spanish");
        try (FakeOpenAi llm = new FakeOpenAi()) {
            CliHarness.Result r = run(llm, root, Map.of());
            assertEquals(0, r.exitCode(), r.err());
            String prompt = onlyPrompt(llm);
            assertTrue(prompt.contains("Write every description in Spanish"), prompt);
            assertFalse(prompt.contains(ASK_PORTUGUESE), prompt);
            assertTrue(r.err().contains("language: asking for descriptions in Spanish (set by dbt_project.yml (vars: "
                    + "dbt-osmosis: llm: language))"), r.err());
        }
    }

    @Test
    void theEnvironmentOverridesTheProjectAndTakesACode() throws Exception {
        Path root = project(PORTUGUESE, "language: Spanish");
        try (FakeOpenAi llm = new FakeOpenAi()) {
            CliHarness.Result r = run(llm, root, Map.of("OSMOSIS_LLM_LANGUAGE", "fr"));
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(onlyPrompt(llm).contains("Write every description in French"), r.err());
        }
    }

    @Test
    void noneTurnsTheInstructionOff() throws Exception {
        Path root = project(PORTUGUESE, "language: none");
        try (FakeOpenAi llm = new FakeOpenAi()) {
            CliHarness.Result r = run(llm, root, Map.of());
            assertEquals(0, r.exitCode(), r.err());
            assertFalse(onlyPrompt(llm).contains("Write every description in"));
        }
        Files.writeString(root.resolve("dbt_project.yml"), "name: p\n");
        undocument(root);
        try (FakeOpenAi llm = new FakeOpenAi()) {
            CliHarness.Result r = run(llm, root, Map.of(), "--llm-language", "none", "--no-llm-cache");
            assertEquals(0, r.exitCode(), r.err());
            assertFalse(onlyPrompt(llm).contains("Write every description in"));
        }
    }

    @Test
    void aDryRunSaysTheLanguageToo() throws Exception {
        Path root = project(PORTUGUESE, "");
        try (FakeOpenAi llm = new FakeOpenAi()) {
            CliHarness.Result r = run(llm, root, Map.of(), "--llm-dry-run");
            assertEquals(0, r.exitCode(), r.err());
            assertEquals(0, llm.requests().size());
            assertTrue(r.err().contains("language: asking for descriptions in Portuguese (detected in"), r.err());
        }
    }

    @Test
    void theStyleGuideGoesIntoThePromptWithTheContextFile() throws Exception {
        Path root = project(ENGLISH, "");
        Files.writeString(root.resolve("dbt-styleguide.md"), "Start every description with a verb.\n");
        try (FakeOpenAi llm = new FakeOpenAi()) {
            CliHarness.Result r = run(llm, root, Map.of());
            assertEquals(0, r.exitCode(), r.err());
            String prompt = onlyPrompt(llm);
            assertTrue(prompt.contains("Style guide of this project (dbt-styleguide.md):\n"
                    + "Start every description with a verb."), prompt);
            assertTrue(r.err().contains("style: dbt-styleguide.md goes into every prompt"), r.err());
        }
        undocument(root);
        Path context = Files.writeString(tmp.resolve("glossary.txt"), "GMV means gross merchandise value.\n");
        try (FakeOpenAi llm = new FakeOpenAi()) {
            CliHarness.Result r = run(llm, root, Map.of(), "--llm-context", context.toString(), "--no-llm-cache");
            assertEquals(0, r.exitCode(), r.err());
            String prompt = onlyPrompt(llm);
            assertTrue(prompt.contains("Style guide of this project (dbt-styleguide.md):\n"
                    + "Start every description with a verb.\n\nMore context (--llm-context):\n"
                    + "GMV means gross merchandise value."), prompt);
        }
    }

    @Test
    void aStyleGuideLinkedOutOfTheProjectIsRefused() throws Exception {
        Path root = project(ENGLISH, "");
        Path secret = Files.writeString(tmp.resolve("credentials"), "aws_secret_access_key = not-for-the-model\n");
        Files.createSymbolicLink(root.resolve("dbt-styleguide.md"), secret);
        try (FakeOpenAi llm = new FakeOpenAi()) {
            CliHarness.Result r = run(llm, root, Map.of());
            assertEquals(2, r.exitCode(), r.err());
            assertEquals(0, llm.requests().size(), "nothing reaches the provider");
            assertTrue(r.err().contains("refused to read " + root.resolve("dbt-styleguide.md") + ": it is a symbolic "
                    + "link to " + secret.toRealPath() + ", outside the project folder"), r.err());
            assertFalse(r.err().contains("not-for-the-model"), r.err());
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
