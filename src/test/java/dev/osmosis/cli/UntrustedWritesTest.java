package dev.osmosis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.osmosis.testing.FakeOpenAi;
import dev.osmosis.testing.TestProjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, points 1 to 3: a repository's links, templates and node names never make osmosis write outside the
 * project or over a file it did not read, and a file edited while a run works is not reverted.
 *
 * <table>
 *   <caption>Hard cases</caption>
 *   <tr><th>case</th><th>expected</th></tr>
 *   <tr><td>dangling link at a schema path, pointing out of the project</td><td>refused, nothing created outside</td></tr>
 *   <tr><td>linked folder inside the project + template into it</td><td>refused, nothing created outside</td></tr>
 *   <tr><td>FIFO at a schema path, or a link to a FIFO outside</td><td>refused, never opened, still a FIFO</td></tr>
 *   <tr><td>template to analyses/schema.yml, .github/workflows/ci.yml</td><td>refused, file unchanged; dry run
 *   shows no /dev/null diff</td></tr>
 *   <tr><td>node named ../dbt_project</td><td>dbt_project.yml refused, unchanged</td></tr>
 *   <tr><td>template to a new file outside model/seed/snapshot paths</td><td>refused, not created</td></tr>
 *   <tr><td>file edited while the run waits on the model</td><td>refused, the edit kept</td></tr>
 *   <tr><td>another run holds the project lock</td><td>refused; read-only commands run; a dead run's lock is
 *   taken over</td></tr>
 * </table>
 * In every refused case the message names the file and the reason, the other files are written, and the exit
 * code is 1.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS) // a FIFO opened by mistake would block forever
class UntrustedWritesTest {
    private static final String SEEDS = "seeds:\n  shopverse_analytics:  \n";
    @TempDir Path tmp;

    private Path project() {
        return TestProjects.copy(Path.of("examples/shopverse"), tmp.resolve("project"));
    }

    private CliHarness.Result document(Path root, String... extra) {
        List<String> args = new ArrayList<>(List.of("yaml", "document", "--project-dir", root.toString()));
        args.addAll(List.of(extra));
        return CliHarness.run(Map.of("OSMOSIS_HOME", tmp.resolve("home").toString()), args.toArray(String[]::new));
    }

    /** The seed `country` has no YAML entry: `yaml document` creates one in the file this template names. */
    private static void seedTemplate(Path root, String template) throws IOException {
        Path config = root.resolve("dbt_project.yml");
        String text = Files.readString(config);
        assertTrue(text.contains(SEEDS));
        Files.writeString(config, text.replace(SEEDS, SEEDS + "    +dbt-osmosis: \"" + template + "\"\n"));
    }

    /** The other new files of a plain run are still written (the snapshot's entry). */
    private static void othersWritten(Path root, CliHarness.Result r) {
        assertTrue(Files.isRegularFile(root.resolve("snapshots/schema.yml")), "other files are written: " + r.err());
        assertTrue(r.err().contains("created snapshots/schema.yml"), r.err());
    }

    @Test
    void aDanglingLinkOutOfTheProjectIsRefusedAndNothingIsCreatedOutside() throws Exception {
        Path root = project();
        Path outside = tmp.resolve("elsewhere/x.yml");
        Files.createDirectories(outside.getParent());
        Files.createSymbolicLink(root.resolve("seeds/schema.yml"), Path.of("../../elsewhere/x.yml"));

        CliHarness.Result r = document(root);

        assertEquals(1, r.exitCode(), r.err());
        assertFalse(Files.exists(outside), "nothing is created outside the project: " + r.err());
        assertTrue(r.err().contains("cannot write seeds/schema.yml: it resolves through a symbolic link to "),
                r.err());
        assertTrue(r.err().contains("outside the project folder"), r.err());
        assertFalse(r.err().contains("created seeds/schema.yml"), r.err());
        assertTrue(Files.isSymbolicLink(root.resolve("seeds/schema.yml")), "the link is left as it is");
        othersWritten(root, r);
    }

    @Test
    void aLinkedFolderAndATemplateIntoItAreRefused() throws Exception {
        Path root = project();
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.createSymbolicLink(root.resolve("seeds/ext"), outside);
        seedTemplate(root, "ext/{model}.yml");

        CliHarness.Result dry = document(root, "--dry-run");
        CliHarness.Result r = document(root);

        assertEquals(1, dry.exitCode(), dry.err());
        assertTrue(dry.err().contains("would not write seeds/ext/country.yml: it resolves through a symbolic link"),
                dry.err());
        assertFalse(dry.out().contains("seeds/ext/country.yml"), "no diff for a refused file: " + dry.out());
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("cannot write seeds/ext/country.yml"), r.err());
        try (var files = Files.list(outside)) {
            assertEquals(List.of(), files.toList(), "nothing is written outside the project");
        }
        othersWritten(root, r);
    }

    /** `yaml refactor` moves entries to their template's file too: a refused move is neither listed nor counted. */
    @Test
    void aRefactorMoveIntoALinkedFolderIsNotCounted() throws Exception {
        Path root = project();
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.createSymbolicLink(root.resolve("models/silver/ext"), outside);
        Path config = root.resolve("dbt_project.yml");
        String silver = "    silver:\n      +materialized: view \n";
        Files.writeString(config, Files.readString(config).replace(silver,
                silver + "      +dbt-osmosis: \"ext/{model}.yml\"\n"));

        CliHarness.Result r = CliHarness.run(Map.of("OSMOSIS_HOME", tmp.resolve("home").toString()),
                "yaml", "refactor", "--project-dir", root.toString());

        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("cannot write models/silver/ext/"), r.err());
        assertFalse(r.err().contains("moved model stg_orders"), r.err());
        assertFalse(r.err().contains("entries moved"), r.err());
        try (var files = Files.list(outside)) {
            assertEquals(List.of(), files.toList(), "nothing is written outside the project");
        }
    }

    @Test
    void anOrganizeMoveIntoALinkedFolderIsNotMade() throws Exception {
        Path root = project();
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.createSymbolicLink(root.resolve("models/silver/ext"), outside);
        Path config = root.resolve("dbt_project.yml");
        String silver = "    silver:\n      +materialized: view \n";
        Files.writeString(config, Files.readString(config).replace(silver,
                silver + "      +dbt-osmosis: \"ext/{model}.yml\"\n"));
        Path schema = root.resolve("models/silver/schema.yml");
        String before = Files.readString(schema);

        CliHarness.Result r = CliHarness.run(Map.of("OSMOSIS_HOME", tmp.resolve("home").toString()),
                "yaml", "organize", "--project-dir", root.toString());

        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("cannot write models/silver/ext/"), r.err());
        assertTrue(r.err().contains("outside the project folder"), r.err());
        assertEquals(before, Files.readString(schema), "no entry leaves its file when its target is refused");
        assertFalse(r.err().contains("moved model stg_orders: models/silver/schema.yml"), "a move not made: " + r.err());
        assertTrue(r.err().contains("0 entries moved; 0 files changed"), r.err());
        try (var files = Files.list(outside)) {
            assertEquals(List.of(), files.toList(), "nothing is written outside the project");
        }
    }

    @Test
    void aFifoAtASchemaPathIsNeverOpenedNorReplaced() throws Exception {
        Path root = project();
        Path fifo = root.resolve("seeds/schema.yml");
        mkfifo(fifo);

        CliHarness.Result r = document(root);

        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("cannot write seeds/schema.yml: it is a special file (a FIFO, device or socket), "
                + "not a regular file"), r.err());
        assertFalse(Files.isRegularFile(fifo), "the FIFO is still a FIFO");
        assertTrue(Files.exists(fifo));
        othersWritten(root, r);
    }

    @Test
    void aLinkToAFifoOutsideIsRefused() throws Exception {
        Path root = project();
        Path fifo = tmp.resolve("pipe.yml");
        mkfifo(fifo);
        Files.createSymbolicLink(root.resolve("seeds/schema.yml"), fifo);

        CliHarness.Result r = document(root);

        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("cannot write seeds/schema.yml: it resolves through a symbolic link to "
                + fifo.toRealPath()), r.err());
        assertFalse(Files.isRegularFile(fifo), "the FIFO is still a FIFO");
        othersWritten(root, r);
    }

    private static void mkfifo(Path path) throws Exception {
        int exit;
        try {
            exit = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start().waitFor();
        } catch (IOException e) {
            exit = -1;
        }
        Assumptions.assumeTrue(exit == 0, "mkfifo is not available on this system: a FIFO cannot be made");
    }

    @Test
    void anExistingFileOsmosisDidNotReadIsNeverReplacedNorCreated() throws Exception {
        Path root = project();
        Path analyses = root.resolve("analyses/schema.yml");
        Files.createDirectories(analyses.getParent());
        String kept = "version: 2\n# the analyses' own file\nanalyses:\n  - name: revenue\n";
        Files.writeString(analyses, kept);
        seedTemplate(root, "/../analyses/schema.yml");

        CliHarness.Result dry = document(root, "--dry-run");
        CliHarness.Result r = document(root);

        assertEquals(1, dry.exitCode(), dry.err());
        assertFalse(dry.out().contains("analyses/schema.yml"), "no diff from /dev/null: " + dry.out());
        assertTrue(dry.err().contains("would not write analyses/schema.yml: the file exists but osmosis did not read "
                + "it as a schema file"), dry.err());
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("cannot write analyses/schema.yml: the file exists but osmosis did not read it"),
                r.err());
        assertFalse(r.err().contains("created analyses"), r.err());
        assertFalse(r.err().contains("new YAML entries in analyses"), r.err());
        assertEquals(kept, Files.readString(analyses));
        othersWritten(root, r);
    }

    @Test
    void aWorkflowFileIsNotReplaced() throws Exception {
        Path root = project();
        Path workflow = root.resolve(".github/workflows/ci.yml");
        Files.createDirectories(workflow.getParent());
        Files.writeString(workflow, "on: pull_request\njobs: {}\n");
        seedTemplate(root, "/../.github/workflows/ci.yml");

        CliHarness.Result r = document(root);

        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("cannot write .github/workflows/ci.yml: the file exists but osmosis did not "
                + "read it"), r.err());
        assertEquals("on: pull_request\njobs: {}\n", Files.readString(workflow));
        othersWritten(root, r);
    }

    @Test
    void aNewFileOutsideTheSchemaFoldersIsNotCreated() throws Exception {
        Path root = project();
        seedTemplate(root, "/../.github/workflows/new.yml");

        CliHarness.Result r = document(root);

        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("cannot write .github/workflows/new.yml: a new file goes only under the model, "
                + "seed or snapshot paths of its dbt project (models/, seeds/, snapshots/)"), r.err());
        assertFalse(Files.exists(root.resolve(".github")));
        othersWritten(root, r);
    }

    @Test
    void aNodeNamedAfterDbtProjectDoesNotReplaceIt() throws Exception {
        Path root = project();
        Path manifest = root.resolve("target/manifest.json");
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(manifest.toFile());
        ((ObjectNode) tree.path("nodes").path("seed.shopverse_analytics.country")).put("name", "../dbt_project");
        json.writeValue(manifest.toFile(), tree);
        seedTemplate(root, "{model}.yml");
        String config = Files.readString(root.resolve("dbt_project.yml"));

        CliHarness.Result dry = document(root, "--dry-run");
        CliHarness.Result r = document(root);

        assertFalse(dry.out().contains("/dev/null\n+++ b/dbt_project.yml"), dry.out());
        assertTrue(dry.err().contains("would not write dbt_project.yml"), dry.err());
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("cannot write dbt_project.yml: the file exists but osmosis did not read it"),
                r.err());
        assertEquals(config, Files.readString(root.resolve("dbt_project.yml")));
        othersWritten(root, r);
    }

    @Test
    void aFileEditedWhileTheRunWaitsOnTheModelKeepsTheEdit() throws Exception {
        Path root = project();
        Path gold = root.resolve("models/gold/model.yml");
        Path silver = root.resolve("models/silver/schema.yml");
        String silverBefore = Files.readString(silver);
        String edited = Files.readString(gold) + "# a teammate's edit, made while osmosis waits on the model\n";
        try (FakeOpenAi llm = new FakeOpenAi()) {
            llm.beforeFirstAnswer(() -> {
                try {
                    Files.writeString(gold, edited);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });

            CliHarness.Result r = CliHarness.run(llm.env(tmp.resolve("home")), "yaml", "document", "--synthesize",
                    "--project-dir", root.toString());

            assertEquals(1, r.exitCode(), r.err());
            assertTrue(r.err().contains("cannot write models/gold/model.yml: it changed since osmosis read it"),
                    r.err());
            assertEquals(edited, Files.readString(gold), "the concurrent edit is not undone");
            assertTrue(Files.readString(silver).contains("Synthesized description"),
                    "every other file is written: " + r.err());
            assertFalse(silverBefore.equals(Files.readString(silver)));
        }
    }

    @Test
    void aSecondWritingRunRefusesWhileTheFirstHoldsTheLockAndReadersGoOn() throws Exception {
        Path root = project();
        ProcessHandle self = ProcessHandle.current();
        Path lock = root.resolve("target/.osmosis.lock");
        // this test process stands for the first run: it is alive, so its lock holds
        Files.writeString(lock, self.pid() + " " + self.info().startInstant().orElseThrow());
        Map<String, String> before = TestProjects.snapshot(root);

        CliHarness.Result r = document(root);
        CliHarness.Result review = CliHarness.run(Map.of("OSMOSIS_HOME", tmp.resolve("home").toString()),
                "review", "--project-dir", root.toString());
        CliHarness.Result dry = document(root, "--dry-run");

        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("another osmosis run (pid " + self.pid()), r.err());
        assertTrue(r.err().contains(lock.toString()), "names the lock file: " + r.err());
        assertEquals(before, TestProjects.snapshot(root), "the refused run writes nothing");
        assertEquals(0, review.exitCode(), "listing never blocks: " + review.err());
        assertEquals(0, dry.exitCode(), "a dry run never blocks: " + dry.err());
        CliHarness.Result accept = CliHarness.run(Map.of("OSMOSIS_HOME", tmp.resolve("home").toString()),
                "review", "--accept", "--all", "--project-dir", root.toString());
        assertEquals(1, accept.exitCode(), accept.err());
        assertTrue(accept.err().contains("another osmosis run"), "review --accept writes, so it waits its turn: "
                + accept.err());
        assertTrue(Files.exists(lock), "another run's lock is left alone");
    }

    @Test
    void aLockOfAProcessThatNoLongerRunsIsTakenOverAndRemovedOnExit() throws Exception {
        Path root = project();
        Path lock = root.resolve("target/.osmosis.lock");
        Files.writeString(lock, "2147483647 2001-01-01T00:00:00Z");

        CliHarness.Result r = document(root);

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("created seeds/schema.yml"), r.err());
        assertFalse(Files.exists(lock, LinkOption.NOFOLLOW_LINKS), "the lock is removed on exit");
        try (var files = Files.list(lock.getParent())) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith(".osmosis.lock")),
                    "no lock debris is left");
        }
    }
}
