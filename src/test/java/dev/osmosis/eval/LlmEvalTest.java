package dev.osmosis.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osmosis.cli.CliHarness;
import dev.osmosis.testing.TestProjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code osmosis llm eval} end to end on a copy of the shopverse project against {@link FakeJudgeServer}, whose
 * judge grades by a keyword the writer put in each answer, so every figure of the report is known in advance.
 *
 * <table>
 * <caption>Hard cases</caption>
 * <tr><th>case</th><th>expected</th></tr>
 * <tr><td>two runs, same seed</td><td>the same descriptions held out; another seed holds out others</td></tr>
 * <tr><td>a run</td><td>no file under the project changes, bytes nor modification time</td></tr>
 * <tr><td>the prompts</td><td>no held-out human text reaches the writer; the judge sees both, fenced</td></tr>
 * <tr><td>--llm-dry-run</td><td>the calls and cost, no request</td></tr>
 * <tr><td>a judge answering a score "three"</td><td>that answer counted as ungraded, not scored</td></tr>
 * <tr><td>--fail-under above / below the mean</td><td>exit 1 / exit 0</td></tr>
 * <tr><td>synthesis calls refused</td><td>unanswered, exit 1 (a partial eval)</td></tr>
 * <tr><td>--sample 0, --fail-under 4</td><td>exit 2</td></tr>
 * </table>
 */
class LlmEvalTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private FakeJudgeServer server;
    private Path project;
    private Map<String, String> env;

    @BeforeEach
    void setUp() throws IOException {
        server = new FakeJudgeServer();
        project = TestProjects.copy(TestProjects.corpus("shopverse"), tmp.resolve("shopverse"));
        env = server.env(tmp.resolve("home"));
    }

    @AfterEach
    void tearDown() throws IOException {
        server.close();
    }

    private CliHarness.Result eval(String... args) {
        List<String> all = new ArrayList<>(List.of("llm", "eval", "--project-dir", project.toString()));
        all.addAll(List.of(args));
        return CliHarness.run(env, all.toArray(String[]::new));
    }

    private JsonNode evalJson(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--format", "json"));
        CliHarness.Result r = eval(all.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        return JSON.readTree(r.out());
    }

    private static List<String> heldOut(JsonNode report) {
        List<String> keys = new ArrayList<>();
        report.path("items").forEach(i -> keys.add(i.path("node").asText() + "|" + i.path("column").asText()));
        return keys;
    }

    @Test
    void theSameSeedHoldsOutTheSameDescriptionsAndAnotherSeedOthers() throws IOException {
        JsonNode first = evalJson("--sample", "6", "--no-llm-cache");
        JsonNode second = evalJson("--sample", "6", "--no-llm-cache");
        JsonNode other = evalJson("--sample", "6", "--seed", "7", "--no-llm-cache");
        assertEquals(6, heldOut(first).size());
        assertEquals(heldOut(first), heldOut(second));
        assertNotEquals(heldOut(first), heldOut(other));
        assertEquals(first.path("candidates").asInt(), other.path("candidates").asInt());
    }

    @Test
    void scoresDistributionAndWorstCasesAreTheJudgesAndMatchTheAnswers() throws IOException {
        JsonNode report = evalJson("--sample", "12");
        int[] expected = new int[4];
        double sum = 0;
        for (JsonNode item : report.path("items")) {
            int score = FakeJudgeServer.scoreOf(item.path("column").asText());
            assertEquals(score, item.path("score").asInt(), item.toString());
            assertTrue(item.path("answer").asText().contains("[score=" + score + "]"), item.toString());
            assertFalse(item.path("human").asText().isBlank());
            expected[score]++;
            sum += score;
        }
        for (int s = 0; s < 4; s++) {
            assertEquals(expected[s], report.path("distribution").path(String.valueOf(s)).asInt(), "score " + s);
        }
        assertEquals(12, report.path("graded").asInt());
        assertEquals(Math.round(sum / 12 * 1000) / 1000.0, report.path("mean_score").asDouble(), 1e-9);
        assertEquals(Math.round(expected[3] / 12.0 * 1000) / 1000.0, report.path("fully_right_share").asDouble(),
                1e-9);
        // one judge call per answer, each given the human text and the answer
        assertEquals(12, server.judgeRequests().size());

        CliHarness.Result text = eval("--sample", "12");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains(String.format(java.util.Locale.ROOT, "Score: %.2f of 3 (12 graded)",
                sum / 12)), text.out());
        assertTrue(text.out().contains("  3 every key fact"), text.out());
        assertTrue(text.out().contains("  0 contradicts"), text.out());
        assertTrue(text.out().contains("Worst cases:"), text.out());
        assertTrue(text.out().contains("    human:  "), text.out());
        assertTrue(text.out().contains("    judge:  keyword says 0"), text.out());
        assertTrue(text.out().contains("from the response cache"), "the second run's answers are cached: "
                + text.out());
    }

    @Test
    void heldOutTextNeverReachesTheWriterAndTheJudgeSeesItFenced() throws IOException {
        JsonNode report = evalJson("--sample", "50", "--no-llm-cache");
        assertTrue(report.path("held_out").asInt() >= 15, report.toString());
        String prompts = String.join("\n", server.synthesisRequests().stream().map(FakeJudgeServer::prompt)
                .toList());
        for (JsonNode item : report.path("items")) {
            String human = item.path("human").asText();
            assertFalse(prompts.contains(human), "held-out text reached the writer: " + human);
        }
        String firstHuman = report.path("items").get(0).path("human").asText().strip();
        // the writer is asked for the held-out descriptions only, not for what the project leaves undocumented
        List<String> asked = new ArrayList<>();
        for (JsonNode request : server.synthesisRequests()) {
            request.path("response_format").path("json_schema").path("schema").path("properties").path("columns")
                    .path("properties").fieldNames().forEachRemaining(asked::add);
        }
        List<String> heldColumns = new ArrayList<>();
        report.path("items").forEach(i -> {
            if (!i.path("column").asText().isEmpty()) {
                heldColumns.add(i.path("column").asText());
            }
        });
        java.util.Collections.sort(asked);
        java.util.Collections.sort(heldColumns);
        assertEquals(heldColumns, asked);
        JsonNode firstJudge = server.judgeRequests().stream()
                .filter(j -> FakeJudgeServer.prompt(j).contains(firstHuman)).findFirst().orElseThrow();
        String judgePrompt = FakeJudgeServer.prompt(firstJudge);
        assertTrue(judgePrompt.matches("(?s).*<data-[0-9a-f]{8}>\n?\\Q" + firstHuman
                + "\\E\n?</data-[0-9a-f]{8}>.*"), judgePrompt);
        assertEquals("description_grade", firstJudge.path("response_format").path("json_schema").path("name")
                .asText(), "the judge asks for structured output when JSON mode is on");
    }

    @Test
    void nothingUnderTheProjectIsWritten() throws IOException {
        Map<String, String> before = fingerprint(project);
        CliHarness.Result r = eval("--sample", "8");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(before, fingerprint(project));
    }

    @Test
    void aDryRunShowsTheCallsAndCostAndCallsNoOne() {
        CliHarness.Result r = eval("--llm-dry-run", "--sample", "5");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(0, server.requestCount());
        assertTrue(r.out().contains("Held out 5 of "), r.out());
        assertTrue(r.out().contains("LLM dry run (no request made)"), r.out());
        assertTrue(r.out().matches("(?s).*\ntotal +\\d+ .*"), r.out());
    }

    @Test
    void aJudgeAnswerWithoutAUsableScoreIsCountedAsUngraded() throws IOException {
        JsonNode first = evalJson("--sample", "10", "--no-llm-cache");
        String column = "";
        for (JsonNode item : first.path("items")) {
            column = column.isEmpty() ? item.path("column").asText() : column;
        }
        server.garbageFor(column);
        JsonNode report = evalJson("--sample", "10", "--no-llm-cache");
        long sameColumn = 0;
        for (JsonNode item : report.path("items")) {
            sameColumn += item.path("column").asText().equals(column) ? 1 : 0;
        }
        assertEquals(sameColumn, report.path("ungraded").asLong());
        assertEquals(10 - sameColumn, report.path("graded").asLong());
        JsonNode ungraded = null;
        for (JsonNode item : report.path("items")) {
            ungraded = ungraded == null && item.path("column").asText().equals(column) ? item : ungraded;
        }
        assertTrue(ungraded.path("score").isNull());
        assertTrue(ungraded.path("reason").asText().contains("not a whole number from 0 to 3"),
                ungraded.toString());
    }

    @Test
    void failUnderExitsOneBelowTheMeanAndZeroAtOrAbove() throws IOException {
        double mean = evalJson("--sample", "10").path("mean_score").asDouble();
        CliHarness.Result below = eval("--sample", "10", "--fail-under", String.valueOf(Math.min(3, mean + 0.5)));
        assertEquals(1, below.exitCode(), below.err());
        assertTrue(below.err().contains("below --fail-under"), below.err());
        CliHarness.Result above = eval("--sample", "10", "--fail-under", String.valueOf(Math.max(0, mean - 0.5)));
        assertEquals(0, above.exitCode(), above.err());
    }

    @Test
    void failedSynthesisCallsMakeAPartialEvalThatExitsOne() {
        server.refuseWriting();
        CliHarness.Result partial = eval("--sample", "4", "--no-llm-cache");
        assertEquals(1, partial.exitCode(), partial.err());
        assertTrue(partial.err().contains("failed: "), partial.err());
        assertTrue(partial.err().contains("count as unanswered"), partial.err());
    }

    @Test
    void aJudgeModelOfItsOwnGradesWhileTheConfiguredModelWrites() throws IOException {
        JsonNode report = evalJson("--sample", "4", "--judge-model", "judge-model-x", "--no-llm-cache");
        assertEquals("openai judge-model-x", report.path("judge").asText());
        assertEquals("openai gpt-4o", report.path("synthesizer").asText());
        assertEquals(4, server.judgeRequests().size());
        server.judgeRequests().forEach(j -> assertEquals("judge-model-x", j.path("model").asText()));
        assertFalse(server.synthesisRequests().isEmpty());
        server.synthesisRequests().forEach(w -> assertEquals("gpt-4o", w.path("model").asText()));
        assertEquals(4, report.path("graded").asInt());
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertEquals(2, eval("--sample", "0").exitCode());
        CliHarness.Result gate = eval("--fail-under", "4");
        assertEquals(2, gate.exitCode());
        assertTrue(gate.err().contains("from 0 to 3"), gate.err());
        CliHarness.Result synthesize = eval("--synthesize");
        assertEquals(2, synthesize.exitCode(), "eval has no --synthesize: it is what it does");
        assertEquals(0, server.requestCount());
    }

    /** Every file under {@code root} with its bytes' hash and modification time. */
    static Map<String, String> fingerprint(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p)) {
                    files.put(root.relativize(p).toString(), java.util.Arrays.hashCode(Files.readAllBytes(p)) + "@"
                            + Files.getLastModifiedTime(p).toMillis());
                }
            }
        }
        return files;
    }
}
