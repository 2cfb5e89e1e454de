package dev.osmosis.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osmosis.cli.CliHarness;
import dev.osmosis.testing.FakeOpenAi;
import dev.osmosis.testing.ProjectDocs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 1,400-column model is 35 bulk calls of 40 columns. They are independent: one batch that exhausts its retries
 * must not cost the others, and they run side by side up to the run's concurrency limit.
 */
class WideModelFaultsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int COLUMNS = 1400;
    private static final int BATCHES = COLUMNS / 40;
    private static final String WIDE = "model.p.wide";
    @TempDir Path tmp;

    private Path wideProject() throws IOException {
        Path root = tmp.resolve("p");
        Files.createDirectories(root.resolve("models"));
        StringBuilder columns = new StringBuilder();
        for (int i = 1; i <= COLUMNS; i++) {
            columns.append(i == 1 ? "" : ", ").append(String.format("\"c_%04d integer\"", i));
        }
        Path spec = Files.writeString(tmp.resolve("case.json"), "{\"nodes\": {\"" + WIDE
                + "\": {\"file\": \"models/wide.sql\"}}, \"catalog\": {\"" + WIDE + "\": [" + columns + "]}}");
        GoldenProject.write(spec, root, "name: p\n");
        Files.writeString(root.resolve("models/wide.sql"), "select * from upstream");
        return root;
    }

    private static CliHarness.Result synthesize(Path root, FakeOpenAi llm, Path home, String concurrency) {
        Map<String, String> env = new java.util.HashMap<>(llm.env(home));
        env.put("OSMOSIS_LLM_MAX_RETRIES", "3"); // the default: four attempts per call
        return CliHarness.run(env, "yaml", "document", "--synthesize", "--llm-concurrency", concurrency,
                "--project-dir", root.toString());
    }

    /** The columns a bulk request asks for, in order. */
    private static List<String> requestedColumns(JsonNode request) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = request.at("/response_format/json_schema/schema/properties/columns/properties")
                .fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    private static Set<String> undocumented(Path root) {
        NodeDocs wide = ProjectDocs.read(ProjectDocs.load(root)).docs().get(WIDE);
        Set<String> gaps = new TreeSet<>();
        wide.columns().stream().filter(c -> c.description().isBlank()).forEach(c -> gaps.add(c.name()));
        assertEquals(COLUMNS, wide.columns().size());
        return gaps;
    }

    /**
     * 60 % of requests fail with HTTP 500. Whether an attempt fails is a fixed draw per (batch, attempt number),
     * so the outcome does not depend on thread timing. A batch then fails for good with probability 0.6^4 = 13 %:
     * independent batches fill about 87 % of the gaps, where giving up a model's remaining batches after its first
     * failed one filled 29 %.
     */
    @Test
    void atSixtyPercentFaultsEveryAnsweredBatchIsKeptAndARerunSendsOnlyTheFailedOnes() throws Exception {
        Path root = wideProject();
        try (FakeOpenAi llm = new FakeOpenAi()) {
            Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
            AtomicInteger faults = new AtomicInteger();
            llm.failWhen(body -> {
                try {
                    List<String> cols = requestedColumns(JSON.readTree(body));
                    String batch = cols.isEmpty() ? "plain" : cols.get(0);
                    int attempt = attempts.computeIfAbsent(batch, k -> new AtomicInteger()).incrementAndGet();
                    boolean fail = new SplittableRandom(batch.hashCode() * 31L + attempt).nextDouble() < 0.6;
                    faults.addAndGet(fail ? 1 : 0);
                    return fail;
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });

            CliHarness.Result first = synthesize(root, llm, tmp.resolve("home"), "8");

            int sent = llm.requests().size();
            assertTrue(faults.get() >= 0.5 * sent, "the injected fault rate is about 60 %: " + faults + "/" + sent);
            Set<String> gaps = undocumented(root);
            double filled = 1.0 - (double) gaps.size() / COLUMNS;
            assertTrue(filled >= 0.85, "filled " + filled + " of the gaps in one run: " + first.err());
            assertTrue(!gaps.isEmpty(), "some batches exhausted their retries (else the faults were too mild)");
            int failedBatches = gaps.size() / 40;
            assertEquals(1, first.exitCode(), first.err());
            assertTrue(first.err().contains("failed: " + WIDE + ": " + failedBatches + " of " + BATCHES
                    + " calls failed ("), first.err());

            llm.failWhen(body -> false);
            int before = llm.requests().size();
            CliHarness.Result rerun = synthesize(root, llm, tmp.resolve("home"), "8");

            assertEquals(0, rerun.exitCode(), rerun.err());
            List<JsonNode> resent = llm.requests().subList(before, llm.requests().size());
            assertEquals(failedBatches, resent.size(), "the rerun sends only the failed batches");
            Set<String> asked = new TreeSet<>();
            resent.forEach(r -> asked.addAll(requestedColumns(r)));
            assertEquals(gaps, asked, "exactly the columns of the failed batches");
            assertEquals(Set.of(), undocumented(root));
        }
    }

    @Test
    void theBatchesOfOneModelRunSideBySideUpToTheConcurrencyLimit() throws Exception {
        Path root = wideProject();
        try (FakeOpenAi llm = new FakeOpenAi()) {
            llm.holdUntilInFlight(8);

            CliHarness.Result r = synthesize(root, llm, tmp.resolve("home"), "8");

            assertEquals(0, r.exitCode(), r.err());
            assertEquals(BATCHES, llm.requests().size());
            assertEquals(8, llm.peakInFlight(), "eight calls at once, never more than --llm-concurrency");
            assertEquals(Set.of(), undocumented(root));
        }
    }
}
