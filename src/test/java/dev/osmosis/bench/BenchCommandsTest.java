package dev.osmosis.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.cli.CliHarness;
import dev.osmosis.lineage.Lineage;
import dev.osmosis.project.Project;
import dev.osmosis.project.ResourceType;
import dev.osmosis.testing.ProjectDocs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark commands on a small synthetic project: what they print must be right, not fast. */
class BenchCommandsTest {
    @TempDir Path tmp;

    @Test
    void generatedProjectIsALayeredWarehouseThatOsmosisReads() {
        Path root = tmp.resolve("p");
        CliHarness.Result gen = bench("generate", "--models", "50", root.toString());
        assertEquals(0, gen.exitCode(), gen.err());
        assertTrue(gen.out().startsWith("generated 65 nodes"), gen.out());

        Project project = ProjectDocs.load(root);
        assertEquals(50, project.manifest().nodesOf(ResourceType.MODEL).size());
        assertEquals(15, project.manifest().nodesOf(ResourceType.SOURCE).size());
        assertEquals(65, project.catalog().tables().size());
        Lineage lineage = Lineage.of(project.manifest());
        assertTrue(lineage.ancestorsByGeneration("model.synthetic.fct_0").size() >= 3, "marts sit three layers deep");

        CliHarness.Result load = bench("load", "--project-dir", root.toString());
        assertTrue(load.out().startsWith("nodes=65 edges=" + lineage.edgeCount() + " "), load.out());

        CliHarness.Result doc = CliHarness.run("yaml", "document", "--project-dir", root.toString());
        assertEquals(0, doc.exitCode(), doc.err());
        assertTrue(doc.err().contains("0 columns injected"), "catalog and YAML agree: " + doc.err());
    }

    @Test
    void yamlHeavyShapeListsEveryColumnWithTestsAndLeavesPassedThroughOnesToInherit() throws Exception {
        Path root = tmp.resolve("heavy");
        CliHarness.Result gen = bench("generate", "--models", "50", "--shape", "YAML_HEAVY", root.toString());
        assertEquals(0, gen.exitCode(), gen.err());
        Matcher m = Pattern.compile("generated 65 nodes .*\\((\\d+) columns, manifest .* MB, YAML .* MB\\)")
                .matcher(gen.out());
        assertTrue(m.find(), gen.out());
        int columns = Integer.parseInt(m.group(1));
        String yaml;
        try (var walk = java.nio.file.Files.walk(root.resolve("models"))) {
            StringBuilder all = new StringBuilder();
            for (Path p : walk.filter(p -> p.toString().endsWith(".yml")).toList()) {
                all.append(java.nio.file.Files.readString(p));
            }
            yaml = all.toString();
        }
        assertEquals(columns, count(yaml, "data_type: "), "every column of every node is listed with its type");
        assertEquals(columns, count(yaml, "- not_null"), "and tested");

        CliHarness.Result doc = CliHarness.run("yaml", "document", "--project-dir", root.toString());
        assertEquals(0, doc.exitCode(), doc.err());
        Matcher inherited = Pattern.compile("(\\d+) descriptions? inherited").matcher(doc.err());
        assertTrue(inherited.find() && Integer.parseInt(inherited.group(1)) > 0, doc.err());
        CliHarness.Result again = CliHarness.run("yaml", "document", "--check", "--project-dir", root.toString());
        assertEquals(0, again.exitCode(), "the second run changes nothing: " + again.err());
    }

    /**
     * Issue 22's first adoption: folders of 100 models with one schema file each, a third of the models without
     * an entry, the manifest knowing only the few columns YAML declares, the catalog every column; a first run
     * injects most columns and creates the missing entries in the folders' files, a second changes nothing.
     */
    @Test
    void sparseShapeIsAFirstAdoptionWhoseFirstRunInjectsMostColumnsAndCreatesEntries() throws Exception {
        Path root = tmp.resolve("sparse");
        CliHarness.Result gen = bench("generate", "--models", "300", "--shape", "SPARSE", root.toString());
        assertEquals(0, gen.exitCode(), gen.err());
        Project project = ProjectDocs.load(root);
        var models = project.manifest().nodesOf(ResourceType.MODEL);
        assertEquals(300, models.size());
        long withoutEntry = models.stream().filter(n -> n.patchPathOpt().isEmpty()).count();
        assertTrue(withoutEntry > 60 && withoutEntry < 140, "about a third without an entry: " + withoutEntry);
        long declared = models.stream().mapToLong(n -> n.columns().size()).sum();
        long catalogued = models.stream().mapToLong(n -> project.catalog().table(n.uniqueId()).orElseThrow()
                .columns().size()).sum();
        assertTrue(declared * 10 < catalogued, "YAML declares few columns: " + declared + " of " + catalogued);
        java.util.List<Path> modelFiles;
        try (var walk = java.nio.file.Files.walk(root.resolve("models"))) {
            modelFiles = walk.filter(p -> p.toString().endsWith(".yml") && !p.startsWith(root.resolve("models/sources")))
                    .sorted().toList();
        }
        // staging 90 models, intermediate 120 in two folders, marts 90: four files of up to 100 models
        assertEquals(4, modelFiles.size(), modelFiles.toString());

        CliHarness.Result doc = CliHarness.run("yaml", "document", "--project-dir", root.toString());
        assertEquals(0, doc.exitCode(), doc.err());
        Matcher injected = Pattern.compile("(\\d+) columns injected, (\\d+) descriptions inherited, (\\d+) new YAML "
                + "entries; (\\d+) files changed").matcher(doc.err());
        assertTrue(injected.find(), doc.err());
        assertTrue(Long.parseLong(injected.group(1)) > catalogued * 8 / 10, "most columns injected: " + doc.err());
        assertTrue(Long.parseLong(injected.group(2)) > 0, doc.err());
        assertEquals(withoutEntry, Long.parseLong(injected.group(3)), "every model without an entry gets one");
        assertEquals(4, Integer.parseInt(injected.group(4)), "in its folder's file, no new file: " + doc.err());
        CliHarness.Result again = CliHarness.run("yaml", "document", "--check", "--project-dir", root.toString());
        assertEquals(0, again.exitCode(), "the second run changes nothing: " + again.err());
    }

    @Test
    void relativeFoldersResolveAgainstTheWorkingFolderAndBadInputIsAUsageError() {
        CliHarness.Result gen = bench("generate", "--models", "5", "rel");
        assertEquals(0, gen.exitCode(), gen.err());
        assertTrue(java.nio.file.Files.isRegularFile(tmp.resolve("rel/target/manifest.json")), gen.out());

        CliHarness.Result latency = bench("synth", "--latency", "soon");
        assertEquals(2, latency.exitCode());
        assertEquals("error: --latency must look like 200ms or 1.5s, not 'soon'.", latency.err().strip());
        CliHarness.Result none = bench();
        assertEquals(2, none.exitCode());
        assertTrue(none.err().contains("Missing command: try 'osmosis-bench --help'."), none.err());
    }

    /** osmosis-bench in-process, as bench/osmosis-bench runs it, in the test's folder. */
    private CliHarness.Result bench(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new BenchMain(tmp).run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliHarness.Result(code, out.toString(), err.toString());
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void strategyComparesOsmosisWithDbtOsmosisOnTheSameGaps() {
        Path root = tmp.resolve("p");
        bench("generate", "--models", "30", root.toString());
        CliHarness.Result r = bench("strategy", "--project-dir", root.toString());
        assertEquals(0, r.exitCode(), r.err());
        Matcher m = Pattern.compile("osmosis calls=(\\d+).*dbt-osmosis calls=(\\d+)").matcher(r.out());
        assertTrue(m.find(), r.out());
        int osmosis = Integer.parseInt(m.group(1));
        int dbtOsmosis = Integer.parseInt(m.group(2));
        assertTrue(osmosis > 0 && osmosis * 2 <= dbtOsmosis, r.out());
    }

    @Test
    void synthRunsAgainstTheFakeServerAndMakesThePlannedCalls() {
        CliHarness.Result r = bench("synth", "--models", "20", "--latency", "1ms", "--concurrency", "2");
        assertEquals(0, r.exitCode(), r.err());
        Matcher m = Pattern.compile("calls=(\\d+) \\(planned (\\d+)\\) max_in_flight=(\\d+)").matcher(r.out());
        assertTrue(m.find(), r.out());
        assertEquals(m.group(1), m.group(2), "the dry-run plan is what the real run does");
        assertTrue(Integer.parseInt(m.group(3)) <= 2, "never more calls in flight than the concurrency");
    }

    @Test
    void synthAgainstAnAnnouncedBudgetRunsWithoutFlagsAndReportsThePace() {
        CliHarness.Result r = bench("synth", "--models", "10", "--latency", "1ms", "--announce-rpm", "6000");
        assertEquals(0, r.exitCode(), r.err());
        Matcher m = Pattern.compile("announced_rpm=6000 .*calls=(\\d+) \\(planned (\\d+)\\) rate_limited=(\\d+) .*"
                + "settled pace: (.*)").matcher(r.out());
        assertTrue(m.find(), r.out());
        assertEquals(m.group(1), m.group(2), "every planned call answered");
        assertTrue(m.group(4).contains("paced to the provider's limits"), m.group(4));
    }
}
