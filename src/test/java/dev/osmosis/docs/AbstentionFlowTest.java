package dev.osmosis.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osmosis.cli.CliHarness;
import dev.osmosis.testing.FakeOpenAi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model may abstain and stale columns are not asked (issue 19 point 5, ADR 0714), the way users run it:
 * `yaml document --synthesize` against a fake OpenAI, then `osmosis review`.
 *
 * <p>stg's one gap (note) is a plain per-column call answered UNKNOWN; fct's gaps go in one structured call whose
 * answer is JSON null for note. fct's legacy_flag is in the YAML but neither in the catalog nor in the SQL.
 */
class AbstentionFlowTest {
    @TempDir Path tmp;
    private Path root;

    @BeforeEach
    void project() throws Exception {
        root = tmp.resolve("p");
        Files.createDirectories(root.resolve("models"));
        Path spec = tmp.resolve("case.json");
        Files.writeString(spec, """
                {"nodes": {
                  "source.p.raw.orders": {"file": "models/sources.yml"},
                  "model.p.stg": {"file": "models/stg.sql", "parents": ["source.p.raw.orders"],
                                  "compiled": "select id, cast(null as text) as note from raw.orders"},
                  "model.p.fct": {"file": "models/fct.sql", "parents": ["model.p.stg"],
                                  "compiled": "select id, 'open' as status, note from stg"}},
                 "catalog": {"model.p.stg": ["id int", "note text"],
                             "model.p.fct": ["id int", "status text", "note text"]}}
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
                    description: Staged orders.
                    columns:
                      - name: id
                      - name: note
                  - name: fct
                    columns:
                      - name: id
                      - name: status
                      - name: note
                      - name: legacy_flag
                """);
    }

    private CliHarness.Result document(Map<String, String> env, String... extra) {
        List<String> args = new ArrayList<>(List.of("yaml", "document", "--synthesize", "--project-dir",
                root.toString()));
        args.addAll(List.of(extra));
        return CliHarness.run(env, args.toArray(String[]::new));
    }

    private static FakeOpenAi abstainingOnNote() throws Exception {
        FakeOpenAi llm = new FakeOpenAi();
        llm.answerColumn("note", FakeOpenAi.NULL_TEXT);
        llm.answerPlain(prompt -> prompt.contains("Describe the column") ? "UNKNOWN" : null);
        return llm;
    }

    @Test
    void abstainedColumnsStayUndocumentedAreListedAndReviewShowsThem() throws Exception {
        try (FakeOpenAi llm = abstainingOnNote()) {
            Map<String, String> env = llm.env(tmp.resolve("home"));
            CliHarness.Result r = document(env, "--llm-stats");

            assertEquals(0, r.exitCode(), "an abstention is no failure: " + r.err());
            assertEquals(2, llm.requests().size(), "stg's plain call, fct's bulk call; null is not asked again");
            assertTrue(r.err().contains("2 description(s) left for their owner (the model could not tell them from "
                    + "its input; osmosis review lists them): model.p.fct.note, model.p.stg.note"), r.err());
            assertTrue(r.err().contains("abstained: 2 description(s)"), "--llm-stats counts them: " + r.err());
            assertFalse(r.err().contains("no usable text"), "an abstention is not an unusable answer: " + r.err());
            assertFalse(r.err().contains("got tags or meta"), "the record is no merged meta: " + r.err());

            String yaml = Files.readString(root.resolve("models/schema.yml"));
            assertEquals(2, count(yaml, "osmosis_abstained: "), yaml);
            assertTrue(yaml.contains("Synthesized description of status"), yaml);
            assertFalse(yaml.contains("UNKNOWN"), yaml);
            assertEquals(2, count(yaml, "osmosis_generated: true"), "fct's description and status: " + yaml);

            CliHarness.Result review = CliHarness.run(env, "review", "--project-dir", root.toString());
            assertEquals(0, review.exitCode(), review.err());
            assertTrue(review.out().contains("stg.note  [needs its owner: the model could not tell it from its input]"),
                    review.out());
            assertTrue(review.out().contains("fct.note  [needs its owner"), review.out());
            assertTrue(review.out().contains("2 undocumented places need their owner"), review.out());
            JsonNode json = new ObjectMapper().readTree(CliHarness.run(env, "review", "--format", "json",
                    "--project-dir", root.toString()).out());
            assertEquals(2, json.path("needs_owner").size(), json.toString());
            assertEquals("note", json.path("needs_owner").path(0).path("column").asText());
            CliHarness.Result github = CliHarness.run(env, "review", "--format", "github", "--project-dir",
                    root.toString());
            assertTrue(github.out().contains("title=Undocumented place that needs its owner::stg.note: the model could not tell"),
                    github.out());
            assertEquals(0, CliHarness.run(env, "review", "--max-pending", "2", "--project-dir", root.toString())
                    .exitCode(), "no text awaits a decision there: only fct's two descriptions count");

            // a rerun pays nothing (the abstention is remembered with its prompt's print) and changes nothing, though
            // fct's note alone would now be a plain call, not the bulk call the cache holds
            CliHarness.Result again = document(env);
            assertEquals(0, again.exitCode(), again.err());
            assertEquals(2, llm.requests().size(), "not asked again: " + again.err());
            assertEquals(yaml, Files.readString(root.resolve("models/schema.yml")));
            assertTrue(again.err().contains("left for their owner"), again.err());
        }
    }

    @Test
    void aChangedPromptAsksAgainAndAnAnswerReplacesTheAbstention() throws Exception {
        Map<String, String> env;
        try (FakeOpenAi llm = abstainingOnNote()) {
            env = llm.env(tmp.resolve("home"));
            assertEquals(0, document(env).exitCode());
        }
        try (FakeOpenAi llm = new FakeOpenAi()) {
            Map<String, String> envNow = llm.env(tmp.resolve("home"));
            Path context = Files.writeString(tmp.resolve("context.md"), "note holds the support agent's remark.");
            CliHarness.Result r = document(envNow, "--llm-context", context.toString());
            assertEquals(0, r.exitCode(), r.err());
            // stg's note is asked again (its prompt changed) and answered; fct's note then inherits that text
            assertEquals(1, llm.requests().size(), r.err());
            assertTrue(FakeOpenAi.prompt(llm.requests().get(0)).contains("support agent"));
            String yaml = Files.readString(root.resolve("models/schema.yml"));
            assertFalse(yaml.contains("osmosis_abstained"), "the answer replaces the abstentions: " + yaml);
            assertEquals(2, count(yaml, "A synthesized description (#1)."), yaml);
            assertFalse(r.err().contains("left for their owner"), r.err());
        }
    }

    @Test
    void aStaleColumnIsNotAskedNorShownAndIsListed() throws Exception {
        try (FakeOpenAi llm = new FakeOpenAi()) {
            Map<String, String> env = llm.env(tmp.resolve("home"));
            String before = Files.readString(root.resolve("models/schema.yml"));
            CliHarness.Result preview = document(env, "--llm-dry-run");
            assertEquals(0, preview.exitCode(), preview.err());
            assertTrue(preview.err().contains("not synthesized, stale (1 YAML column(s) neither the catalog nor the "
                    + "SQL produces; remove them or rebuild the model): model.p.fct.legacy_flag"), preview.err());

            CliHarness.Result r = document(env);
            assertEquals(0, r.exitCode(), r.err());
            assertFalse(llm.requests().isEmpty());
            for (JsonNode request : llm.requests()) {
                assertFalse(request.toString().contains("legacy_flag"), "never asked nor shown: " + request);
            }
            assertTrue(r.err().contains("stale (1 YAML column(s)"), r.err());
            String yaml = Files.readString(root.resolve("models/schema.yml"));
            assertTrue(yaml.contains("      - name: legacy_flag\n"), "left as it was: " + yaml);
            assertFalse(before.equals(yaml));
            assertFalse(yaml.contains("legacy_flag\n        description"), yaml);
        }
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }
}
