package dev.osmosis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.testing.TestProjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A gate run with another project's manifest must not pass on nothing: every command that loads a project stops
 * with exit 2 and says which projects the manifest holds, and every real layout still loads its own manifest.
 *
 * <table>
 *   <caption>Layouts the ownership check must accept</caption>
 *   <tr><th>case</th><th>why it is the project's manifest</th></tr>
 *   <tr><td>fivetran_salesforce (root)</td><td>built by the integration_tests wrapper: project_name is the
 *       wrapper's, the nodes are package salesforce's</td></tr>
 *   <tr><td>fivetran_salesforce/integration_tests</td><td>the wrapper itself: project_name and its seeds</td></tr>
 *   <tr><td>snowplow_web</td><td>no metadata.project_name; nodes of the package</td></tr>
 *   <tr><td>fusion_orders</td><td>a Fusion manifest</td></tr>
 *   <tr><td>mesh_downstream</td><td>dbt-loom injected nodes of package upstream beside its own (the producer,
 *       mesh_upstream, does not accept that manifest: injected nodes have no file)</td></tr>
 *   <tr><td>a project with no models yet</td><td>project_name alone</td></tr>
 * </table>
 */
class ForeignManifestTest {
    @TempDir Path tmp;

    /** Every command that loads a project, as a CI script runs it. */
    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of(List.of("coverage", "--fail-under", "90")),
                Arguments.of(List.of("yaml", "document", "--check")),
                Arguments.of(List.of("yaml", "refactor", "--check", "--dry-run")),
                Arguments.of(List.of("yaml", "organize", "--dry-run")),
                Arguments.of(List.of("review", "--max-pending", "0")),
                Arguments.of(List.of("report", "--output", "report.html")));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void anotherProjectsManifestStopsEveryCommandAndNamesWhatItHolds(List<String> command) throws IOException {
        Path a = TestProjects.copy(TestProjects.corpus("shopverse"), tmp.resolve("a"));
        Path b = TestProjects.copy(TestProjects.corpus("jaffle_shop_classic"), tmp.resolve("b"));
        Map<String, String> before = TestProjects.snapshot(a);
        List<String> args = new ArrayList<>(command.stream()
                .map(arg -> arg.equals("report.html") ? tmp.resolve(arg).toString() : arg).toList());
        args.addAll(List.of("--project-dir", a.toString(), "--manifest",
                b.resolve("target/manifest.json").toString()));
        CliHarness.Result run = CliHarness.run(Map.of("OSMOSIS_HOME", tmp.resolve("home").toString()),
                args.toArray(String[]::new));
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("holds no node of project 'shopverse_analytics'"), run.err());
        assertTrue(run.err().contains("the manifest of project 'jaffle_shop' and holds nodes of 'jaffle_shop' (8)"),
                run.err());
        assertEquals(before, TestProjects.snapshot(a), "nothing is written");
        assertTrue(Files.notExists(tmp.resolve("report.html")), "no report of nothing");
    }

    /**
     * A dbt-loom consumer's manifest holds nodes of the producer's package, injected with no file: they are not the
     * producer's own parse, and its gates ran on them green (0 files to change, nothing to review).
     */
    @Test
    void aMeshConsumersManifestIsNotTheProducers() throws IOException {
        Path upstream = TestProjects.copy(TestProjects.corpus("mesh_upstream"), tmp.resolve("upstream"));
        CliHarness.Result run = CliHarness.run(Map.of("OSMOSIS_HOME", tmp.resolve("home").toString()), "yaml",
                "document", "--check", "--project-dir", upstream.toString(), "--manifest",
                TestProjects.corpus("mesh_downstream").resolve("target/manifest.json").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("holds no node of project 'upstream'"), run.err());
        assertTrue(run.err().contains("the manifest of project 'downstream'"), run.err());
    }

    @Test
    void aManifestNamingNoProjectSaysSo() throws IOException {
        // snowplow's manifest has no metadata.project_name
        Path a = TestProjects.copy(TestProjects.corpus("jaffle_shop_classic"), tmp.resolve("a"));
        CliHarness.Result run = CliHarness.run("coverage", "--project-dir", a.toString(), "--manifest",
                TestProjects.corpus("snowplow_web").resolve("target/manifest.json").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("it names no project and holds nodes of 'snowplow_web' ("), run.err());
    }

    static Stream<String> corpus() {
        return TestProjects.CORPUS.stream();
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void everyCorpusProjectLoadsItsOwnManifest(String name) {
        CliHarness.Result run = CliHarness.run("coverage", "--project-dir",
                TestProjects.corpus(name).toString());
        assertEquals(0, run.exitCode(), name + ": " + run.err());
    }

    @Test
    void theWrapperOfAPackageLoadsTheManifestItBuilt() {
        Path wrapper = TestProjects.corpus("fivetran_salesforce").resolve("integration_tests");
        CliHarness.Result run = CliHarness.run("coverage", "--project-dir", wrapper.toString(), "--manifest",
                wrapper.resolveSibling("target").resolve("manifest.json").toString());
        assertEquals(0, run.exitCode(), run.err());
    }

    @Test
    void aProjectWithNoModelsYetIsNotForeign() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty/target"));
        Files.writeString(empty.resolveSibling("dbt_project.yml"), "name: fresh\nversion: '1.0'\n");
        Files.writeString(empty.resolve("manifest.json"), """
                {"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/manifest/v12.json",
                  "project_name": "fresh"}, "nodes": {}, "sources": {}, "docs": {}, "disabled": {}}
                """);
        CliHarness.Result run = CliHarness.run("coverage", "--project-dir", tmp.resolve("empty").toString(),
                "--fail-under", "90");
        assertNotEquals(2, run.exitCode(), run.err());
    }
}
