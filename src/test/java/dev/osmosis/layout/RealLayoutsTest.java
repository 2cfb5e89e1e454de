package dev.osmosis.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.osmosis.cli.CliHarness;
import dev.osmosis.testing.TestProjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layouts 0.1.0 got wrong, run as users run them, on the real projects of the corpus.
 *
 * <table>
 * <caption>Hard cases</caption>
 * <tr><th>case</th><th>project</th><th>what must hold</th></tr>
 * <tr><td>package documented from its root</td><td>fivetran_salesforce</td><td>the project is `salesforce`
 * (26 models, 16 sources), not the wrapper's 14 seeds; writes land only in the package's models/ tree</td></tr>
 * <tr><td>manifest only in the wrapper</td><td>fivetran_salesforce without target/</td><td>the wrapper's
 * integration_tests/target/manifest.json is read</td></tr>
 * <tr><td>wrapper + --include-external</td><td>fivetran_salesforce/integration_tests</td><td>the package's edits
 * are byte-identical to the run from the package root, through `local: ../`</td></tr>
 * <tr><td>dbt-loom pair</td><td>mesh_downstream + mesh_upstream</td><td>blanked downstream columns inherit the
 * upstream manifest's text; upstream files unchanged; a missing loom path is a warning, not an error</td></tr>
 * <tr><td>Fusion manifest</td><td>fusion_orders</td><td>inferred UPPERCASE columns injected lower-case with types;
 * a YAML column Fusion did not infer (`product_id`) survives refactor; a second run changes nothing</td></tr>
 * <tr><td>template leaving the package</td><td>shopverse</td><td>that node is skipped with a warning naming it,
 * the rest is written, exit 1</td></tr>
 * <tr><td>coverage after document</td><td>shopverse, fusion_orders</td><td>`coverage --format json` equals an
 * independent count of the YAML just written</td></tr>
 * </table>
 */
class RealLayoutsTest {
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) files? changed");
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aPackageIsDocumentedFromItsRootInsideItsOwnFolders(@TempDir Path tmp) throws IOException {
        Path root = TestProjects.copy(TestProjects.corpus("fivetran_salesforce"), tmp.resolve("salesforce"));
        JsonNode coverage = coverage(root);
        assertEquals("salesforce", coverage.get("project").asText());
        assertEquals(42, coverage.get("total").get("nodes").asInt(), "26 models and 16 sources");
        long models = 0;
        for (JsonNode n : coverage.get("nodes")) {
            assertFalse(n.get("name").asText().startsWith("sf_"), "a wrapper seed: " + n);
            models += n.get("resourceType").asText().equals("model") ? 1 : 0;
        }
        assertEquals(26, models);

        Map<String, String> before = TestProjects.snapshot(root);
        CliHarness.Result run = CliHarness.run("yaml", "document", "--project-dir", root.toString());
        assertEquals(0, run.exitCode(), run.err());
        Map<String, String> after = TestProjects.snapshot(root);
        Map<String, String> changed = changedFiles(before, after);
        assertFalse(changed.isEmpty(), run.err());
        for (String file : changed.keySet()) {
            assertTrue(file.startsWith("models/"), "written outside the package's models/ tree: " + file);
        }
        assertTrue(changed.containsKey("models/salesforce/intermediate/schema.yml"), changed.keySet().toString());
        assertSecondRunChangesNothing(root, "--project-dir", root.toString());
    }

    @Test
    void aPackageWithoutItsOwnTargetReadsTheManifestItsWrapperBuilt(@TempDir Path tmp) throws IOException {
        Path root = TestProjects.copy(TestProjects.corpus("fivetran_salesforce"), tmp.resolve("salesforce"));
        Files.createDirectories(root.resolve("integration_tests/target"));
        Files.move(root.resolve("target/manifest.json"), root.resolve("integration_tests/target/manifest.json"));
        Files.move(root.resolve("target/catalog.json"), root.resolve("integration_tests/target/catalog.json"));
        JsonNode coverage = coverage(root);
        assertEquals("salesforce", coverage.get("project").asText());
        assertEquals(42, coverage.get("total").get("nodes").asInt());
    }

    @Test
    void fromTheWrapperIncludeExternalWritesThePackageThroughItsLocalPath(@TempDir Path tmp) throws IOException {
        Path fromRoot = TestProjects.copy(TestProjects.corpus("fivetran_salesforce"), tmp.resolve("a"));
        Path fromWrapper = TestProjects.copy(TestProjects.corpus("fivetran_salesforce"), tmp.resolve("b"));
        Path wrapper = fromWrapper.resolve("integration_tests");
        Files.createDirectories(wrapper.resolve("target"));
        for (String artifact : new String[] {"manifest.json", "catalog.json"}) {
            Files.move(fromWrapper.resolve("target/" + artifact), wrapper.resolve("target/" + artifact));
        }
        assertEquals(0, CliHarness.run("yaml", "document", "--project-dir", fromRoot.toString()).exitCode());
        CliHarness.Result run = CliHarness.run("yaml", "document", "--include-external", "--project-dir",
                wrapper.toString());
        assertEquals(0, run.exitCode(), run.err());

        Map<String, String> packageFromRoot = TestProjects.snapshot(fromRoot.resolve("models"));
        assertEquals(packageFromRoot, TestProjects.snapshot(fromWrapper.resolve("models")),
                "the package's files must get the same edits from the wrapper");
        assertTrue(Files.exists(wrapper.resolve("seeds/schema.yml")), "the wrapper's own seeds stay in its folder");
        assertFalse(Files.exists(fromWrapper.resolve("seeds")), "nothing of the wrapper lands at the package root");
    }

    @Test
    void meshDownstreamInheritsFromTheUpstreamManifest(@TempDir Path tmp) throws IOException {
        Path upstream = TestProjects.copy(TestProjects.corpus("mesh_upstream"), tmp.resolve("mesh_upstream"));
        Path downstream = TestProjects.copy(TestProjects.corpus("mesh_downstream"), tmp.resolve("mesh_downstream"));
        Path schema = downstream.resolve("models/schema.yml");
        Files.writeString(schema, Files.readString(schema).replaceAll("description: \".*\"", "description: \"\""));
        Map<String, String> upstreamBefore = TestProjects.snapshot(upstream);

        CliHarness.Result noPath = CliHarness.run("yaml", "document", "--dry-run", "--project-dir",
                downstream.toString());
        assertEquals(0, noPath.exitCode(), noPath.err());
        assertTrue(noPath.err().contains("0 descriptions inherited"), noPath.err());

        CliHarness.Result run = CliHarness.run("yaml", "document", "--project-dir", downstream.toString(),
                "--upstream-manifest", "upstream=" + upstream.resolve("target/manifest.json"));
        assertEquals(0, run.exitCode(), run.err());
        Map<String, String> upstreamDocs = upstreamColumnDocs(upstream.resolve("target/manifest.json"));
        String written = Files.readString(schema);
        for (String column : new String[] {"customer_id", "lifetime_value"}) {
            assertTrue(written.contains("- name: " + column + "\n        description: \""
                    + upstreamDocs.get(column) + "\""), column + " in\n" + written);
        }
        assertTrue(run.err().contains("2 descriptions inherited"), run.err());
        assertEquals(upstreamBefore, TestProjects.snapshot(upstream), "upstream files are never written");
        assertSecondRunChangesNothing(downstream, "--project-dir", downstream.toString(), "--upstream-manifest",
                "upstream=" + upstream.resolve("target/manifest.json"));
    }

    @Test
    void meshUpstreamManifestCanComeFromProjectVars(@TempDir Path tmp) throws IOException {
        TestProjects.copy(TestProjects.corpus("mesh_upstream"), tmp.resolve("mesh_upstream"));
        Path downstream = TestProjects.copy(TestProjects.corpus("mesh_downstream"), tmp.resolve("mesh_downstream"));
        Path schema = downstream.resolve("models/schema.yml");
        Files.writeString(schema, Files.readString(schema).replaceAll("description: \".*\"", "description: \"\""));
        Files.writeString(downstream.resolve("dbt_project.yml"), Files.readString(downstream.resolve(
                "dbt_project.yml")) + "\nvars:\n  dbt-osmosis:\n    upstream_manifests:\n"
                + "      upstream: ../mesh_upstream/target/manifest.json\n");
        CliHarness.Result run = CliHarness.run("yaml", "document", "--dry-run", "--project-dir",
                downstream.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("2 descriptions inherited"), run.err());
    }

    @Test
    void fusionInferredColumnsAreInjectedWithTypesAndNothingDeclaredIsLost(@TempDir Path tmp) throws IOException {
        Path root = TestProjects.copy(TestProjects.corpus("fusion_orders"), tmp.resolve("fusion"));
        CliHarness.Result run = CliHarness.run("yaml", "refactor", "--project-dir", root.toString());
        assertEquals(0, run.exitCode(), run.err());
        String orders = Files.readString(root.resolve("models/fact/fct_orders.yml"));
        assertTrue(orders.contains("      - name: net_amount\n        data_type: FLOAT\n"), orders);
        assertTrue(orders.contains("      - name: region\n        data_type: character varying\n"), orders);
        assertTrue(orders.contains("- name: product_id"), "declared but not inferred: kept\n" + orders);
        assertFalse(orders.contains("NET_AMOUNT"), "the YAML writes lower case; so do injected names");
        String dims = Files.readString(root.resolve("models/dim/schema.yml"));
        assertTrue(dims.contains("  - name: dim_customers\n    columns:\n      - name: customer_id\n"), dims);
        assertSecondRunChangesNothing(root, "--project-dir", root.toString());
        assertCoverageCountsTheYaml(root, 16);
    }

    @Test
    void coverageRightAfterDocumentCountsWhatWasWritten(@TempDir Path tmp) throws IOException {
        Path root = TestProjects.copy(TestProjects.corpus("shopverse"), tmp.resolve("shopverse"));
        JsonNode before = coverage(root).get("total");
        CliHarness.Result run = CliHarness.run("yaml", "document", "--project-dir", root.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode after = coverage(root).get("total");
        assertTrue(after.get("documentedColumns").asInt() > before.get("documentedColumns").asInt(),
                before + " -> " + after);
        assertCoverageCountsTheYaml(root, 18);
    }

    @Test
    void aNodeWhoseTemplateLeavesItsPackageIsSkippedAndTheRestIsWritten(@TempDir Path tmp) throws IOException {
        Path root = TestProjects.copy(TestProjects.corpus("shopverse"), tmp.resolve("shopverse"));
        Path project = root.resolve("dbt_project.yml");
        Files.writeString(project, Files.readString(project) + "\nsnapshots:\n  +dbt-osmosis: \"../../../x.yml\"\n");
        CliHarness.Result run = CliHarness.run("yaml", "document", "--project-dir", root.toString());
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("skipped snapshot_customers: the path template \"../../../x.yml\" puts "
                + "snapshot_customers outside its project's folder"), run.err());
        assertTrue(run.err().contains("1 node(s) skipped"), run.err());
        assertTrue(Files.exists(root.resolve("seeds/schema.yml")), "the other new entries are written");
        assertFalse(Files.exists(tmp.getParent().resolve("x.yml")));
    }

    private JsonNode coverage(Path root) throws IOException {
        CliHarness.Result r = CliHarness.run("coverage", "--project-dir", root.toString(), "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        return json.readTree(r.out());
    }

    /** Coverage's columns equal those the YAML declares, counted here with a plain YAML parser. */
    private void assertCoverageCountsTheYaml(Path root, int nodes) throws IOException {
        YamlCount count = YamlCount.of(root.resolve("models"), root.resolve("seeds"), root.resolve("snapshots"));
        JsonNode total = coverage(root).get("total");
        assertEquals(nodes, total.get("nodes").asInt());
        assertEquals(count.columns(), total.get("columns").asInt(), "columns");
        assertEquals(count.documentedColumns(), total.get("documentedColumns").asInt(), "documented columns");
    }

    private static void assertSecondRunChangesNothing(Path root, String... args) throws IOException {
        Map<String, String> before = TestProjects.snapshot(root);
        String[] command = new String[args.length + 2];
        command[0] = "yaml";
        command[1] = "document";
        System.arraycopy(args, 0, command, 2, args.length);
        CliHarness.Result again = CliHarness.run(command);
        assertEquals(0, again.exitCode(), again.err());
        Matcher m = SUMMARY.matcher(again.err());
        assertTrue(m.find() && m.group(1).equals("0"), again.err());
        assertEquals(before, TestProjects.snapshot(root));
    }

    private static Map<String, String> changedFiles(Map<String, String> before, Map<String, String> after) {
        Map<String, String> changed = new TreeMap<>();
        after.forEach((file, text) -> {
            if (!text.equals(before.get(file))) {
                changed.put(file, text);
            }
        });
        return changed;
    }

    private Map<String, String> upstreamColumnDocs(Path manifest) throws IOException {
        Map<String, String> docs = new HashMap<>();
        for (JsonNode node : json.readTree(manifest.toFile()).get("nodes")) {
            node.path("columns").forEach(c -> docs.putIfAbsent(c.get("name").asText(),
                    c.get("description").asText()));
        }
        return docs;
    }
}
