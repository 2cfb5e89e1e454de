package dev.osmosis.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osmosis.cli.CliHarness;
import dev.osmosis.testing.FakeOpenAi;
import dev.osmosis.testing.TestProjects;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `osmosis review` on a corpus project after `yaml document --synthesize` against a fake OpenAI server. */
class ReviewEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir static Path synthesized;
    private static int synthesisCalls;

    @TempDir Path tmp;
    private Path root;
    private Map<String, String> env;

    /** One synthesis for the class (it is the slow part); each test works on its own copy of the result. */
    @BeforeAll
    static void synthesize() throws Exception {
        Path project = TestProjects.copy(TestProjects.corpus("jaffle_shop_classic"), synthesized.resolve("project"));
        try (FakeOpenAi llm = new FakeOpenAi()) {
            CliHarness.Result run = CliHarness.run(llm.env(synthesized.resolve("home")), "yaml", "document",
                    "--synthesize", "--project-dir", project.toString());
            assertEquals(0, run.exitCode(), run.err());
            synthesisCalls = llm.requests().size();
        }
        assertTrue(synthesisCalls > 0, "the corpus project has gaps to synthesize");
    }

    @BeforeEach
    void copySynthesized() {
        root = TestProjects.copy(synthesized.resolve("project"), tmp.resolve("project"));
        TestProjects.copy(synthesized.resolve("home"), tmp.resolve("home"));
        env = new HashMap<>(Map.of("OSMOSIS_HOME", tmp.resolve("home").toString()));
    }

    private CliHarness.Result review(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--project-dir", root.toString()));
        return CliHarness.run(env, all.toArray(String[]::new));
    }

    private JsonNode pending() throws Exception {
        CliHarness.Result run = review("review", "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        return JSON.readTree(run.out());
    }

    @Test
    void listsEverySynthesizedDescriptionWithModelDateFileAndLine() throws Exception {
        JsonNode listing = pending();
        JsonNode items = listing.get("descriptions");
        assertEquals(listing.get("pending").asInt(), items.size());
        assertTrue(items.size() > 0);
        assertEquals(0, listing.get("reviewed").asInt());
        for (JsonNode i : items) {
            assertTrue(i.get("text").asText().contains("(#"), "the fake LLM's text: " + i);
            assertEquals("gpt-4o", i.get("model").asText(), "the model comes from the ledger");
            assertFalse(i.get("generated_at").isNull());
            Path file = root.resolve(i.get("file").asText());
            List<String> lines = java.nio.file.Files.readAllLines(file);
            String name = i.get("column").isNull() ? i.get("node").asText() : i.get("column").asText();
            assertTrue(lines.get(i.get("line").asInt() - 1).contains("name: " + name),
                    "file:line points at the entry or column: " + i);
        }
        CliHarness.Result text = review("review");
        assertTrue(text.out().contains(items.size() + " AI-written descriptions await review"), text.out());
        assertTrue(text.out().contains("[gpt-4o, "), text.out());
    }

    @Test
    void acceptMarksReviewedWithTheDateAndASecondAcceptChangesNothing() throws Exception {
        JsonNode items = pending().get("descriptions");
        JsonNode first = null;
        for (JsonNode i : items) {
            first = first == null && !i.get("column").isNull() ? i : first;
        }
        String selector = first.get("node").asText() + "." + first.get("column").asText();
        Path file = root.resolve(first.get("file").asText());
        String before = java.nio.file.Files.readString(file);
        LocalDate day = LocalDate.now();

        CliHarness.Result accepted = review("review", "--accept", selector);
        assertEquals(0, accepted.exitCode(), accepted.err());
        assertTrue(accepted.err().contains("accepted 1 description(s) in 1 file(s)"), accepted.err());
        String after = java.nio.file.Files.readString(file);
        List<String> added = diffLines(before, after);
        assertEquals(1, added.size(), "one line added: " + added);
        assertTrue(added.get(0).strip().matches("osmosis_reviewed: \"\\d{4}-\\d{2}-\\d{2}\""), added.get(0));
        String date = added.get(0).replaceAll(".*\"(.*)\".*", "$1");
        assertTrue(!LocalDate.parse(date).isBefore(day) && !LocalDate.parse(date).isAfter(LocalDate.now()));
        assertEquals(items.size() - 1, pending().get("pending").asInt());
        assertEquals(1, pending().get("reviewed").asInt());

        CliHarness.Result again = review("review", "--accept", selector);
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.err().contains("nothing awaiting review matches"), again.err());
        assertEquals(after, java.nio.file.Files.readString(file));
    }

    @Test
    void rejectEmptiesTheTextSoTheNextSynthesisWritesItAgain() throws Exception {
        JsonNode items = pending().get("descriptions");
        Map<String, String> before = TestProjects.snapshot(root);
        CliHarness.Result rejected = review("review", "--reject", "--all");
        assertEquals(0, rejected.exitCode(), rejected.err());
        assertEquals(0, pending().get("pending").asInt());
        String yaml = String.join("\n", TestProjects.snapshot(root).values());
        assertFalse(yaml.contains("osmosis_generated"), "every mark is gone");
        assertFalse(yaml.contains("(#"), "every synthesized text is gone");

        try (FakeOpenAi llm = new FakeOpenAi()) {
            env = llm.env(tmp.resolve("fresh-home")); // no cached answers: the calls are made again
            // new texts: a fresh server numbers its answers from #1 again, and a rejected text is asked anew
            llm.decorateAnswers(text -> text + " Written again.");
            CliHarness.Result again = review("yaml", "document", "--synthesize");
            assertEquals(0, again.exitCode(), again.err());
            assertEquals(synthesisCalls, llm.requests().size(), "the same gaps are asked for again");
        }
        assertEquals(items.size(), pending().get("pending").asInt());
        assertEquals(before.keySet(), TestProjects.snapshot(root).keySet());
    }

    /** The first column awaiting review: its selector, unique id and column name. */
    private JsonNode firstPendingColumn() throws Exception {
        for (JsonNode i : pending().get("descriptions")) {
            if (!i.get("column").isNull()) {
                return i;
            }
        }
        throw new AssertionError("no column awaits review");
    }

    /** A column's docs as the YAML holds them now. */
    private dev.osmosis.docs.ColumnDocs column(String uniqueId, String name) {
        dev.osmosis.docs.NodeDocs docs = dev.osmosis.testing.ProjectDocs.read(dev.osmosis.testing.ProjectDocs
                .load(root)).docs().get(uniqueId);
        return docs.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    /**
     * Issue 18.2: the reviewer rejects a text that was its node's only gap, so the next synthesis sends the same
     * plain request and the response cache holds the very answer rejected. It is not written back: the gap is asked
     * again with the rejected text named in the prompt, and the new answer is written.
     */
    @Test
    void aRejectedTextIsNeverWrittenBackFromTheCache() throws Exception {
        JsonNode item = firstPendingColumn();
        String selector = item.get("node").asText() + "." + item.get("column").asText();
        String id = item.get("unique_id").asText();
        String name = item.get("column").asText();
        assertEquals(0, review("review", "--reject", selector).exitCode());
        try (FakeOpenAi llm = new FakeOpenAi()) {
            env = llm.env(tmp.resolve("home")); // the cache of the first synthesis is kept
            assertEquals(0, review("yaml", "document", "--synthesize").exitCode());
            assertEquals(1, llm.requests().size(), "the node's only gap: one plain call");
            String second = column(id, name).description();
            assertTrue(second.contains("(#1)"), second);

            CliHarness.Result rejected = review("review", "--reject", selector);
            assertEquals(0, rejected.exitCode(), rejected.err());
            assertEquals(2, dev.osmosis.docs.Rejections.hashes(column(id, name).meta()).size(),
                    "both rejected texts are remembered: " + column(id, name).meta());

            CliHarness.Result again = review("yaml", "document", "--synthesize");
            assertEquals(0, again.exitCode(), again.err());
            assertEquals(2, llm.requests().size(), "the cached answer is the rejected text: the server is asked");
            String prompt = FakeOpenAi.prompt(llm.requests().get(1))
                    .replaceAll(dev.osmosis.llm.prompt.PromptFence.ANY_TAG.pattern(), "");
            assertTrue(prompt.contains("A reviewer rejected this description of \"" + name + "\": " + second),
                    prompt);
            String third = column(id, name).description();
            assertTrue(third.contains("(#2)"), "the new answer is written, not the rejected one: " + third);
            assertEquals(Boolean.TRUE, column(id, name).meta().get("osmosis_generated"));
        }
    }

    @Test
    void aRejectedTextTheModelRepeatsEvenWhenToldStaysUndocumentedAndIsNamed() throws Exception {
        JsonNode item = firstPendingColumn();
        String selector = item.get("node").asText() + "." + item.get("column").asText();
        String id = item.get("unique_id").asText();
        String name = item.get("column").asText();
        assertEquals(0, review("review", "--reject", selector).exitCode());
        try (FakeOpenAi llm = new FakeOpenAi()) {
            env = llm.env(tmp.resolve("home"));
            assertEquals(0, review("yaml", "document", "--synthesize").exitCode());
        }
        String rejectedText = column(id, name).description();
        assertEquals(0, review("review", "--reject", selector).exitCode());
        try (FakeOpenAi fresh = new FakeOpenAi()) { // numbers its answers from 1 again: the same text
            env = fresh.env(tmp.resolve("home"));
            CliHarness.Result again = review("yaml", "document", "--synthesize");
            assertEquals(0, again.exitCode(), again.err());
            assertEquals(1, fresh.requests().size());
            assertTrue(FakeOpenAi.prompt(fresh.requests().get(0)).replaceAll(dev.osmosis.llm.prompt.PromptFence.ANY_TAG.pattern(), "").contains(rejectedText));
            assertTrue(again.err().contains("left undocumented (the model gave again a text a reviewer rejected")
                    && again.err().contains(id + "." + name), again.err());
        }
        assertEquals("", column(id, name).description(), "the rejected text is not written back");
    }

    @Test
    void anAcceptedDescriptionCanBeRejected() throws Exception {
        JsonNode item = firstPendingColumn();
        String selector = item.get("node").asText() + "." + item.get("column").asText();
        assertEquals(0, review("review", "--accept", selector).exitCode());
        assertEquals(1, pending().get("reviewed").asInt());

        CliHarness.Result rejected = review("review", "--reject", selector);
        assertEquals(0, rejected.exitCode(), rejected.err());
        assertTrue(rejected.err().contains("rejected 1 description(s) in 1 file(s)"), rejected.err());
        dev.osmosis.docs.ColumnDocs after = column(item.get("unique_id").asText(), item.get("column").asText());
        assertEquals("", after.description());
        assertFalse(after.meta().containsKey("osmosis_reviewed"), after.meta().toString());
        assertEquals(List.of(dev.osmosis.docs.Rejections.hash(item.get("text").asText())),
                dev.osmosis.docs.Rejections.hashes(after.meta()));
        assertEquals(0, pending().get("reviewed").asInt());

        CliHarness.Result all = review("review", "--reject", "--all", "--dry-run");
        assertEquals(0, all.exitCode(), all.err());
        assertTrue(all.err().contains("would have rejected " + pending().get("pending").asInt() + " description"),
                "--all rejects what awaits review only: " + all.err());
    }

    @Test
    void maxPendingGatesAndAcceptAllOpensTheGate() throws Exception {
        int count = pending().get("pending").asInt();
        CliHarness.Result gate = review("review", "--max-pending", "0", "--format", "github");
        assertEquals(1, gate.exitCode(), gate.err());
        assertTrue(gate.err().contains(count + " AI-written description(s) await review; --max-pending allows 0"),
                gate.err());
        assertEquals(count, gate.out().lines().filter(l -> l.startsWith("::warning file=")).count(), gate.out());
        assertEquals(0, review("review", "--max-pending", String.valueOf(count)).exitCode());
        for (String line : gate.out().lines().toList()) {
            assertTrue(dev.osmosis.ci.CiFormatsTest.COMMAND.matcher(line).matches(), line);
        }

        CliHarness.Result dry = review("review", "--accept", "--all", "--dry-run");
        assertEquals(0, dry.exitCode(), dry.err());
        assertTrue(dry.out().contains("+") && dry.out().contains("osmosis_reviewed"), dry.out());
        assertEquals(count, pending().get("pending").asInt(), "a dry run writes nothing");
        assertTrue(dry.err().contains("once written: No AI-written description awaits review"), dry.err());

        CliHarness.Result all = review("review", "--accept", "--all", "--max-pending", "0");
        assertEquals(0, all.exitCode(), all.err());
        assertTrue(all.out().contains("No AI-written description awaits review (" + count + " reviewed)."),
                all.out());
        org.w3c.dom.Element junit = dev.osmosis.ci.CiFormatsTest.parse(review("review", "--format", "junit").out());
        assertEquals(String.valueOf(count), junit.getAttribute("tests"), "reviewed ones pass");
        assertEquals("0", junit.getAttribute("failures"));
    }

    @Test
    void badSelectorsAreUsageErrors() {
        CliHarness.Result unknown = review("review", "--accept", "no_such_model");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("no_such_model"), unknown.err());
        CliHarness.Result column = review("review", "--accept", "customers.no_such_column");
        assertEquals(2, column.exitCode());
        assertTrue(column.err().contains("'customers' has no column 'no_such_column'"), column.err());
        assertFalse(column.err().contains("customers.id."), "the hint named a column customers lacks: " + column.err());
        CliHarness.Result misspelt = review("review", "--accept", "customers.customer_idd");
        assertTrue(misspelt.err().contains("did you mean customers.customer_id?"), misspelt.err());
        CliHarness.Result node = review("review", "--accept", "custmers");
        assertEquals(2, node.exitCode());
        assertTrue(node.err().contains("Did you mean customers?"), node.err());
        assertEquals(2, review("review", "--accept").exitCode(), "nothing named and no --all");
        assertEquals(2, review("review", "--accept", "--all", "--reject").exitCode());
        assertEquals(2, review("review", "--all").exitCode());
        assertEquals(2, review("review", "--max-pending", "-1").exitCode());
    }

    /** Lines of {@code after} that {@code before} lacks (an insertion-only change). */
    private static List<String> diffLines(String before, String after) {
        List<String> a = new ArrayList<>(after.lines().toList());
        for (String l : before.lines().toList()) {
            a.remove(l);
        }
        return a;
    }
}
