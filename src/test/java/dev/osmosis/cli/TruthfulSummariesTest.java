package dev.osmosis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osmosis.testing.FakeOpenAi;
import dev.osmosis.testing.TestProjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What osmosis says matches what it does: paid previews, review counts, refactor counts, coverage hints. */
class TruthfulSummariesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path tmp;

    @Test
    void aDryRunWithSynthesizeSaysItCallsTheModelAndTheRealRunReusesTheAnswers() throws Exception {
        Path root = TestProjects.copy(TestProjects.corpus("jaffle_shop_classic"), tmp.resolve("project"));
        Map<String, String> before = TestProjects.snapshot(root);
        try (FakeOpenAi llm = new FakeOpenAi()) {
            Map<String, String> env = llm.env(tmp.resolve("home"));
            CliHarness.Result preview = CliHarness.run(env, "yaml", "document", "--synthesize", "--dry-run",
                    "--project-dir", root.toString());
            assertEquals(0, preview.exitCode(), preview.err());
            int paid = llm.requests().size();
            assertTrue(paid > 0, "the preview made real calls");
            int note = preview.err().indexOf("note: --dry-run writes no file, but --synthesize still calls openai "
                    + "(gpt-4o)");
            assertTrue(note >= 0, preview.err());
            assertTrue(preview.err().contains("billed; the answers are cached, so the same run without --dry-run "
                    + "reuses them"), preview.err());
            assertTrue(note < preview.err().indexOf("dry run, nothing written"), "said before, not after");
            assertEquals(before, TestProjects.snapshot(root));

            CliHarness.Result real = CliHarness.run(env, "yaml", "document", "--synthesize",
                    "--project-dir", root.toString());
            assertEquals(0, real.exitCode(), real.err());
            assertEquals(paid, llm.requests().size(), "the real run is served from the cache: no new call");
            assertFalse(real.err().contains("note: --dry-run"), real.err());
            assertTrue(!before.equals(TestProjects.snapshot(root)), "the real run writes the answers");
        }
    }

    @Test
    void theReportCountsWhatAwaitsReviewAsReviewDoes() throws Exception {
        Path root = TestProjects.copy(TestProjects.corpus("jaffle_shop_classic"), tmp.resolve("project"));
        Map<String, String> env;
        try (FakeOpenAi llm = new FakeOpenAi()) {
            env = llm.env(tmp.resolve("home"));
            CliHarness.Result run = CliHarness.run(env, "yaml", "document", "--synthesize", "--project-dir",
                    root.toString());
            assertEquals(0, run.exitCode(), run.err());
        }
        CliHarness.Result review = CliHarness.run(env, "review", "--format", "json", "--project-dir",
                root.toString());
        assertEquals(0, review.exitCode(), review.err());
        JsonNode listing = JSON.readTree(review.out());
        int pending = listing.get("pending").asInt();
        assertTrue(StreamSupport.stream(listing.get("descriptions").spliterator(), false)
                .anyMatch(d -> d.get("column").isNull()), "node descriptions await review too: " + listing);

        CliHarness.Result report = CliHarness.run(env, "report", "--project-dir", root.toString(), "--output",
                tmp.resolve("report.html").toString());
        assertEquals(0, report.exitCode(), report.err());
        Matcher m = Pattern.compile("(\\d+) AI-written description\\(s\\) awaiting review").matcher(report.err());
        assertTrue(m.find(), report.err());
        assertEquals(pending, Integer.parseInt(m.group(1)), report.err());
    }

    @Test
    void aSecondRefactorCountsOnlyWhatChanged() {
        // stg_salesforce__order declares order_id twice: the patcher leaves that column alone, with a warning
        Path root = TestProjects.copy(TestProjects.corpus("fivetran_salesforce"), tmp.resolve("project"));
        CliHarness.Result first = CliHarness.run("yaml", "refactor", "--auto-apply", "--project-dir",
                root.toString());
        assertEquals(0, first.exitCode(), first.err());
        CliHarness.Result second = CliHarness.run("yaml", "refactor", "--auto-apply", "--project-dir",
                root.toString());
        assertEquals(0, second.exitCode(), second.err());
        assertTrue(second.err().contains("column order_id of stg_salesforce__order is declared 2 times"),
                second.err());
        assertTrue(second.err().contains("0 columns injected, 0 descriptions inherited; 0 files changed"),
                second.err());
        assertFalse(second.err().contains("data types synced"), second.err());
    }

    @Test
    void coverageTellsHowAnEphemeralModelGetsAnEntryAndThatWayWorks() throws Exception {
        Path root = TestProjects.copy(TestProjects.corpus("shopverse"), tmp.resolve("project"));
        CliHarness.Result coverage = CliHarness.run("coverage", "--format", "github", "--project-dir",
                root.toString());
        assertEquals(0, coverage.exitCode(), coverage.err());
        assertTrue(coverage.out().contains("int_profit_calculation has no description and no YAML entry: an "
                + "ephemeral model has no warehouse columns for osmosis yaml document to add; osmosis yaml document "
                + "--synthesize writes one with a description, or add one by hand"), coverage.out());
        assertTrue(coverage.out().contains("snapshot_customers has no description and no YAML entry: osmosis yaml "
                + "document creates one with its columns"), coverage.out());

        CliHarness.Result plain = CliHarness.run("yaml", "document", "--project-dir", root.toString(),
                "int_profit_calculation");
        assertEquals(0, plain.exitCode(), plain.err());
        assertTrue(plain.err().contains("0 files changed"), "plain yaml document does not create it: " + plain.err());
        try (FakeOpenAi llm = new FakeOpenAi()) {
            CliHarness.Result synthesized = CliHarness.run(llm.env(tmp.resolve("home")), "yaml", "document",
                    "--synthesize", "--project-dir", root.toString(), "int_profit_calculation");
            assertEquals(0, synthesized.exitCode(), synthesized.err());
            assertTrue(synthesized.err().contains("new YAML entries in "), synthesized.err());
        }
        try (var files = Files.walk(root.resolve("models"))) {
            assertTrue(files.filter(p -> p.toString().endsWith(".yml")).anyMatch(p -> {
                try {
                    return Files.readString(p).contains("name: int_profit_calculation");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }), "--synthesize wrote the entry the hint promises");
        }
    }
}
