package dev.osmosis.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.testing.FakeOpenAi;
import dev.osmosis.testing.TestProjects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a fault campaign found on 0.1.0 (issue 12): an unparsable file's models duplicated elsewhere, a read-only
 * file replaced, a symlink turned into a regular file, temp files of a killed run never removed.
 */
class WriteFaultsTest {
    private static final String GOLD_MODELS = "country_profit_summary, customer_profit, payment_success_rate, "
            + "product_profit, unpaid_orders_audit";
    @TempDir Path tmp;

    private Path project() {
        return TestProjects.copy(Path.of("examples/shopverse"), tmp.resolve("project"));
    }

    private CliHarness.Result document(Path root, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("yaml", "document", "--project-dir", root.toString()));
        args.addAll(List.of(extra));
        return CliHarness.run(Map.of("OSMOSIS_HOME", tmp.resolve("home").toString()), args.toArray(String[]::new));
    }

    /** The gold models are documented in models/gold/model.yml; a new entry would go to models/gold/schema.yml. */
    @ParameterizedTest
    @ValueSource(strings = {"syntax", "tab", "latin1"})
    void modelsOfAnUnparsableFileGetNoEntryElsewhere(String fault) throws Exception {
        Path root = project();
        Path modelYml = root.resolve("models/gold/model.yml");
        String text = Files.readString(modelYml);
        byte[] broken = switch (fault) {
            case "syntax" -> (text + "  - name: [unclosed\n").getBytes(StandardCharsets.UTF_8);
            case "tab" -> text.replace("    description: Aggregated profit by customer.",
                    "\tdescription: Aggregated profit by customer.").getBytes(StandardCharsets.UTF_8);
            default -> text.replace("Aggregated", "Aggr\u00e9gated").getBytes(StandardCharsets.ISO_8859_1);
        };
        Files.write(modelYml, broken);

        CliHarness.Result r = document(root);

        assertEquals(1, r.exitCode(), r.err());
        assertFalse(Files.exists(root.resolve("models/gold/schema.yml")),
                "no second entry for the models of the broken file: " + r.err());
        assertTrue(r.err().contains("skipped (documented in a YAML file that could not be parsed): " + GOLD_MODELS),
                r.err());
        assertArrayEquals(broken, Files.readAllBytes(modelYml), "the broken file is left untouched");
        assertTrue(Files.readString(root.resolve("models/silver/schema.yml")).contains("data_type"),
                "every other file is still edited");
    }

    @Test
    void modelsOfAnUnparsableFileCostNoLlmCall() throws Exception {
        Path root = project();
        Files.writeString(root.resolve("models/gold/model.yml"), "version: 2\nmodels:\n  - name: [unclosed\n");
        try (FakeOpenAi llm = new FakeOpenAi()) {
            CliHarness.Result r = CliHarness.run(llm.env(tmp.resolve("home")), "yaml", "document", "--synthesize",
                    "--project-dir", root.toString());

            assertEquals(1, r.exitCode(), r.err());
            assertFalse(llm.requests().isEmpty(), "the other models are synthesized");
            assertTrue(llm.requests().stream().map(FakeOpenAi::prompt)
                            .noneMatch(p -> p.contains("customer_profit.sql")),
                    "no call for a model whose YAML cannot be read");
            assertFalse(Files.exists(root.resolve("models/gold/schema.yml")), r.err());
        }
    }

    /**
     * osmosis refuses a file whose owner-write bit is off. That holds for root too (root may write anything, so a
     * Files.isWritable check alone would let the rename replace the file): this test passes as root in CI and as
     * an ordinary user.
     */
    @Test
    void aReadOnlyFileIsReportedAndNotReplaced() throws Exception {
        Path root = project();
        Path silver = root.resolve("models/silver/schema.yml");
        String before = Files.readString(silver);
        Files.setPosixFilePermissions(silver, PosixFilePermissions.fromString("r--r--r--"));
        CliHarness.Result all = document(project2(), "--dry-run");

        CliHarness.Result r = document(root);

        assertEquals(1, r.exitCode(), r.err());
        assertEquals(before, Files.readString(silver), "a read-only file keeps its text");
        assertEquals("r--r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(silver)));
        assertTrue(r.err().contains(silver + ": the file is read-only"), r.err());
        assertTrue(r.err().contains("1 file(s) could not be written"), r.err());
        assertFalse(r.err().contains("updated models/silver/schema.yml"), r.err());
        int changedInDryRun = filesChanged(all.err());
        assertEquals(changedInDryRun - 1, filesChanged(r.err()), "the summary does not count the unwritten file");
    }

    private Path project2() {
        return TestProjects.copy(Path.of("examples/shopverse"), tmp.resolve("reference"));
    }

    private static int filesChanged(String err) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("; (\\d+) files? changed").matcher(err);
        assertTrue(m.find(), err);
        return Integer.parseInt(m.group(1));
    }

    @Test
    void aSymlinkedFileIsWrittenThroughTheLink() throws Exception {
        Path root = project();
        Path link = root.resolve("models/silver/schema.yml");
        Path target = root.resolve("shared_yaml/silver.yml");
        Files.createDirectories(target.getParent());
        Files.move(link, target);
        Files.createSymbolicLink(link, Path.of("../../shared_yaml/silver.yml"));
        String before = Files.readString(target);

        CliHarness.Result r = document(root);

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertEquals(Path.of("../../shared_yaml/silver.yml"), Files.readSymbolicLink(link));
        assertNotEquals(before, Files.readString(target), "the target got the edits");
        assertTrue(Files.readString(target).contains("data_type"));
        try (Stream<Path> s = Files.list(target.getParent())) {
            assertEquals(List.of(target), s.toList(), "no temp file left beside the target");
        }
        CliHarness.Result again = document(root);
        assertTrue(again.err().contains("; 0 files changed"), "a second run changes nothing: " + again.err());
    }

    @Test
    void tempFilesOfAKilledRunAreRemovedAndOnlyThose() throws Exception {
        Path root = project();
        Path silver = root.resolve("models/silver");
        long deadPid = deadPid();
        Path stale = Files.writeString(silver.resolve(".schema.yml.osmosis-" + deadPid + "-4711.tmp"), "half");
        Path staleGold = Files.writeString(root.resolve("models/gold/.model.yml.osmosis-" + deadPid + "-8.tmp"), "");
        Path live = Files.writeString(silver.resolve(".schema.yml.osmosis-" + ProcessHandle.current().pid()
                + "-1.tmp"), "a concurrent run's temp file");
        Path foreign = Files.writeString(silver.resolve(".schema.yml.12345.tmp"), "not osmosis's pattern");
        Path notWritten = Files.createDirectories(root.resolve("analyses"))
                .resolve(".x.yml.osmosis-" + deadPid + "-1.tmp");
        Files.writeString(notWritten, "a folder osmosis does not write");

        CliHarness.Result preview = document(root, "--dry-run");
        assertTrue(Files.exists(stale), "a dry run deletes nothing");

        CliHarness.Result r = document(root);

        assertEquals(0, r.exitCode(), r.err() + preview.err());
        assertFalse(Files.exists(stale), r.err());
        assertFalse(Files.exists(staleGold), "also in a folder whose files do not change: " + r.err());
        assertTrue(r.err().contains("removed models/silver/" + stale.getFileName()
                + ", a temp file left by an interrupted run"), r.err());
        assertTrue(Files.exists(live), "a temp file of a running process stays");
        assertTrue(Files.exists(foreign), "a name osmosis does not make stays");
        assertTrue(Files.exists(notWritten), "a folder osmosis does not write is not touched");
    }

    /** The pid of a process that has ended (so no running process owns a temp file named after it). */
    private static long deadPid() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }
}
