package dev.osmosis.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osmosis.cli.CliHarness;
import dev.osmosis.testing.FakeOpenAi;
import dev.osmosis.testing.ProjectDocs;
import dev.osmosis.testing.TestProjects;
import dev.osmosis.usage.Ledger;
import dev.osmosis.usage.UsageDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Synthesis on a three-node chain raw.orders -> stg -> fct, against a fake OpenAI server: what flows down, what a
 * prompt shows, what the preview, stats, budget, cache and ledger say.
 */
class SynthesisFlowTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path tmp;
    private Path root;

    @BeforeEach
    void project() throws IOException {
        root = tmp.resolve("p");
        writeProject(root);
    }

    static void writeProject(Path root) throws IOException {
        Files.createDirectories(root.resolve("models"));
        Path spec = root.resolve("case.json");
        Files.writeString(spec, """
                {"nodes": {
                  "source.p.raw.orders": {"file": "models/sources.yml"},
                  "model.p.stg": {"file": "models/stg.sql", "parents": ["source.p.raw.orders"]},
                  "model.p.fct": {"file": "models/fct.sql", "parents": ["model.p.stg"]}}}
                """);
        GoldenProject.write(spec, root, "name: p\n");
        Files.writeString(root.resolve("models/sources.yml"), """
                version: 2
                sources:
                  - name: raw
                    tables:
                      - name: orders
                        columns:
                          - name: id
                            description: Order id from the shop.
                """);
        Files.writeString(root.resolve("models/schema.yml"), """
                version: 2
                models:
                  - name: stg
                    columns:
                      - name: id
                      - name: status
                  - name: fct
                    columns:
                      - name: id
                      - name: status
                      - name: total
                """);
    }

    private CliHarness.Result run(Map<String, String> env, String... extra) {
        List<String> args = new ArrayList<>(List.of("yaml", "document", "--synthesize", "--project-dir",
                root.toString()));
        args.addAll(List.of(extra));
        return CliHarness.run(env, args.toArray(String[]::new));
    }

    private static JsonNode requestAbout(FakeOpenAi llm, String model) {
        return llm.requests().stream().filter(r -> FakeOpenAi.prompt(r).contains("`" + model + "`")
                || FakeOpenAi.prompt(r).contains("Model: " + model) || FakeOpenAi.prompt(r).contains(model + "\n"))
                .findFirst().orElseThrow(() -> new AssertionError("no request about " + model));
    }

    @Test
    void childSeesParentsNewTextAndInheritsItsSynthesizedColumnWithoutACall() throws Exception {
        try (FakeOpenAi llm = new FakeOpenAi()) {
            CliHarness.Result r = run(llm.env(tmp.resolve("home")));
            assertEquals(0, r.exitCode(), r.err());
            assertEquals(2, llm.requests().size(), "one bulk call for stg, one for fct");

            JsonNode first = llm.requests().get(0);
            JsonNode second = llm.requests().get(1);
            JsonNode stgSchema = first.at("/response_format/json_schema/schema/properties/columns/properties");
            JsonNode fctSchema = second.at("/response_format/json_schema/schema/properties/columns/properties");
            assertTrue(stgSchema.has("status"), first.toString());
            assertFalse(stgSchema.has("id"), "id was inherited from the source, so it is not asked for");
            assertEquals(List.of("total"), fieldNames(fctSchema), "status flowed down from stg: no call for it");
            String fctPrompt = FakeOpenAi.prompt(second);
            assertTrue(fctPrompt.contains("A synthesized model description (#1)."), fctPrompt);
            assertTrue(fctPrompt.contains("Synthesized description of status (#1)."), fctPrompt);

            NodeDocs fct = ProjectDocs.read(ProjectDocs.load(root)).docs().get("model.p.fct");
            ColumnDocs status = fct.column("status").orElseThrow();
            assertEquals("Synthesized description of status (#1).", status.description());
            assertNull(status.meta().get("osmosis_generated"), "inherited, not synthesized for fct");
            assertEquals(Boolean.TRUE, fct.column("total").orElseThrow().meta().get("osmosis_generated"));
            assertEquals("Order id from the shop.", fct.column("id").orElseThrow().description());
            assertTrue(r.err().contains("3 descriptions inherited, 2 column and 2 model descriptions synthesized;"),
                    r.err());
        }
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void customPromptDirectoryChangesTheRequest() throws Exception {
        Path prompts = Files.createDirectories(tmp.resolve("prompts"));
        Files.writeString(prompts.resolve("table_user.mustache"),
                "CUSTOM PROMPT for {{name}}: describe {{#gaps}}{{name}} {{/gaps}}as JSON.");
        try (FakeOpenAi llm = new FakeOpenAi()) {
            CliHarness.Result r = run(llm.env(tmp.resolve("home")), "--llm-prompt-dir", prompts.toString());
            assertEquals(0, r.exitCode(), r.err());
            String prompt = FakeOpenAi.prompt(llm.requests().get(0));
            assertTrue(prompt.contains("CUSTOM PROMPT for stg: describe status as JSON."), prompt);
        }
    }

    @Test
    void dryRunCallsNobodyAndPredictsTheRealRunsCalls() throws Exception {
        try (FakeOpenAi llm = new FakeOpenAi()) {
            Map<String, String> env = llm.env(tmp.resolve("home"));
            Map<String, String> before = TestProjects.snapshot(root);
            CliHarness.Result preview = run(env, "--llm-dry-run", "--format", "json");
            assertEquals(0, preview.exitCode(), preview.err());
            assertEquals(0, llm.requests().size(), "a dry run makes no request");
            assertEquals(before, TestProjects.snapshot(root), "a dry run writes nothing");
            JsonNode report = JSON.readTree(preview.out());
            int predicted = report.at("/total/calls").asInt();
            for (JsonNode node : report.get("nodes")) {
                boolean child = node.get("node").asText().equals("model.p.fct");
                assertEquals(child, node.get("prompt_estimated").asBoolean(), "only fct's prompt shows new text");
            }

            CliHarness.Result real = run(env, "--llm-stats-file", tmp.resolve("stats.json").toString());
            assertEquals(0, real.exitCode(), real.err());
            assertEquals(predicted, llm.requests().size());
            JsonNode stats = JSON.readTree(tmp.resolve("stats.json").toFile());
            assertEquals(predicted, stats.at("/total/ok").asInt());
            assertEquals(predicted * FakeOpenAi.PROMPT_TOKENS, stats.at("/total/input_tokens").asInt());
            assertEquals(predicted * FakeOpenAi.COMPLETION_TOKENS, stats.at("/total/output_tokens").asInt());
        }
    }

    @Test
    void aFailingNodeIsReportedAndTheRestIsWritten() throws Exception {
        try (FakeOpenAi llm = new FakeOpenAi()) {
            llm.failWhen(body -> body.contains("fct"));
            CliHarness.Result r = run(llm.env(tmp.resolve("home")));
            assertEquals(1, r.exitCode());
            assertTrue(r.err().contains("failed: model.p.fct"), r.err());
            NodeDocs stg = ProjectDocs.read(ProjectDocs.load(root)).docs().get("model.p.stg");
            assertTrue(stg.column("status").orElseThrow().description().startsWith("Synthesized"));
            NodeDocs fct = ProjectDocs.read(ProjectDocs.load(root)).docs().get("model.p.fct");
            assertTrue(fct.column("status").orElseThrow().description().startsWith("Synthesized"),
                    "what fct inherits is still written");
            assertEquals("", fct.column("total").orElseThrow().description());
        }
    }

    @Test
    void budgetStopsTheRunBeforeAnyCallWouldPassIt() throws Exception {
        try (FakeOpenAi llm = new FakeOpenAi()) {
            CliHarness.Result r = run(llm.env(tmp.resolve("home")), "--llm-max-cost", "0.0000001");
            assertEquals(1, r.exitCode());
            assertEquals(0, llm.requests().size());
            assertTrue(r.err().contains("budget"), r.err());
            NodeDocs stg = ProjectDocs.read(ProjectDocs.load(root)).docs().get("model.p.stg");
            assertEquals("Order id from the shop.", stg.column("id").orElseThrow().description(),
                    "inheritance is written even when synthesis stops");
        }
    }

    @Test
    void cachedAnswersAreNotPaidTwice() throws Exception {
        try (FakeOpenAi llm = new FakeOpenAi()) {
            Map<String, String> env = llm.env(tmp.resolve("home"));
            assertEquals(0, run(env, "--dry-run").exitCode());
            int first = llm.requests().size();
            assertTrue(first > 0);
            CliHarness.Result again = run(env, "--dry-run", "--llm-stats");
            assertEquals(0, again.exitCode(), again.err());
            assertEquals(first, llm.requests().size(), "the second run is served from the cache");
            assertEquals(first + 0, llm.requests().size());
            CliHarness.Result noCache = run(env, "--dry-run", "--no-llm-cache");
            assertEquals(0, noCache.exitCode());
            assertEquals(2 * first, llm.requests().size());
        }
    }

    @Test
    void twoRunsAtOnceShareTheLedgerSafely() throws Exception {
        Path other = tmp.resolve("q");
        writeProject(other);
        try (FakeOpenAi llm = new FakeOpenAi()) {
            Map<String, String> env = llm.env(tmp.resolve("home"));
            CompletableFuture<CliHarness.Result> a = CompletableFuture.supplyAsync(() -> run(env, "--no-llm-cache"));
            CompletableFuture<CliHarness.Result> b = CompletableFuture.supplyAsync(() -> CliHarness.run(env, "yaml",
                    "document", "--synthesize", "--no-llm-cache", "--project-dir", other.toString()));
            assertEquals(0, a.get().exitCode(), a.get().err());
            assertEquals(0, b.get().exitCode(), b.get().err());
            assertEquals(4, llm.requests().size());
            try (UsageDatabase db = UsageDatabase.open(tmp.resolve("home/osmosis.db"))) {
                assertEquals(4, new Ledger(db).since(Instant.EPOCH).size());
            }
            CliHarness.Result history = CliHarness.run(env, "llm", "stats", "--since", "1d", "--format", "json");
            assertEquals(0, history.exitCode(), history.err());
            assertFalse(history.out().contains("sk-test"), "no key in the ledger report");
        }
    }

    /** Two osmosis processes (separate JVMs, as two CI jobs on one machine) writing one cache and ledger. */
    @Test
    void twoProcessesAtOnceShareTheLedgerSafely() throws Exception {
        Path other = tmp.resolve("q");
        writeProject(other);
        try (FakeOpenAi llm = new FakeOpenAi()) {
            Map<String, String> env = llm.env(tmp.resolve("home"));
            Process a = osmosis(env, root);
            Process b = osmosis(env, other);
            assertEquals(0, a.waitFor(), new String(a.getInputStream().readAllBytes()));
            assertEquals(0, b.waitFor(), new String(b.getInputStream().readAllBytes()));
            assertEquals(4, llm.requests().size());
            try (UsageDatabase db = UsageDatabase.open(tmp.resolve("home/osmosis.db"))) {
                assertEquals(4, new Ledger(db).since(Instant.EPOCH).size());
            }
            byte[] dbBytes = Files.readAllBytes(tmp.resolve("home/osmosis.db"));
            assertFalse(new String(dbBytes, java.nio.charset.StandardCharsets.ISO_8859_1).contains("sk-test"),
                    "the key is never stored");
        }
    }

    private static Process osmosis(Map<String, String> env, Path project) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "dev.osmosis.cli.Main", "yaml", "document", "--synthesize", "--no-llm-cache", "--project-dir",
                project.toString()).redirectErrorStream(true);
        pb.environment().putAll(env);
        return pb.start();
    }
}
