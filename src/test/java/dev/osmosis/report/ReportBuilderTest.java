package dev.osmosis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.docs.Coverage;
import dev.osmosis.docs.CoverageReport;
import dev.osmosis.docs.DocSettings;
import dev.osmosis.docs.Placeholders;
import dev.osmosis.project.DocReferences;
import dev.osmosis.project.Node;
import dev.osmosis.project.Project;
import dev.osmosis.testing.ProjectDocs;
import dev.osmosis.testing.TestProjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReportBuilderTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    @TempDir Path tmp;

    private static ReportData build(Path root) {
        Project project = ProjectDocs.load(root);
        List<Node> nodes = project.manifest().nodes().values().stream()
                .sorted(java.util.Comparator.comparing(Node::uniqueId)).toList();
        return new ReportBuilder(project, ProjectDocs.read(project), DocSettings.defaults(),
                ReviewMarks.from(project.config().llmVars())).build(nodes, List.of(), NOW);
    }

    /** "node.column" to [provenance, ancestor]. */
    private static Map<String, List<String>> provenance(ReportData data) {
        Map<String, List<String>> out = new HashMap<>();
        for (ReportData.Row r : data.rows()) {
            if (r.isNodeDescription()) {
                continue;
            }
            out.put(data.nodes().get(r.node()).name() + "." + r.column(),
                    java.util.Arrays.asList(r.provenance(), r.ancestor()));
        }
        return out;
    }

    @Test
    void everyColumnGetsTheProvenanceTheInheritanceEngineAndTheMarksGive() throws IOException {
        ReportData data = build(ReportProjects.chain(tmp.resolve("p")));
        Map<String, List<String>> p = provenance(data);
        assertEquals(List.of("person", "null"), strings(p.get("raw.orders.id")));
        assertEquals(List.of("warehouse", "null"), strings(p.get("raw.orders.amount")));
        assertEquals(List.of("inherited", "source.p.raw.orders"), strings(p.get("stg.id")));
        assertEquals(List.of("inherited", "source.p.raw.orders"), strings(p.get("stg.amount")),
                "the warehouse comment of the source, carried down: inherited from the source");
        assertEquals(List.of("ai-awaiting", "null"), strings(p.get("stg.status")));
        assertEquals(List.of("inherited", "source.p.raw.orders"), strings(p.get("fct.id")),
                "two generations up: the node that first wrote it, not the parent that passed it on");
        assertEquals(List.of("inherited", "model.p.stg"), strings(p.get("fct.status")),
                "AI text inherited from stg: the mark stays with stg");
        assertEquals(List.of("ai-reviewed", "null"), strings(p.get("fct.total")), "marks under config: meta count");
        assertEquals(List.of("person", "null"), strings(p.get("fct.note")));
        assertEquals(List.of("undocumented", "null"), strings(p.get("fct.placeholder")));
        assertEquals(List.of("undocumented", "null"), strings(p.get("fct.loaded_at")), "only the warehouse has it");
        assertEquals(Map.of("source.p.raw.orders", "raw.orders", "model.p.stg", "stg"), data.ancestors());
        assertEquals("ai-awaiting", data.nodes().stream().filter(n -> n.name().equals("stg")).findFirst()
                .orElseThrow().provenance(), "a model description carries its own mark");
        assertEquals(4, data.columnsByProvenance().get("inherited"));
        assertEquals(List.of(), data.warnings());
    }

    private static List<String> strings(List<String> values) {
        return values.stream().map(String::valueOf).toList();
    }

    @Test
    void rowsSayWhereEachColumnIsWritten() throws IOException {
        ReportData data = build(ReportProjects.chain(tmp.resolve("p")));
        ReportData.Row total = data.rows().stream().filter(r -> "total".equals(r.column())).findFirst().orElseThrow();
        assertEquals("models/marts/fct.yml", total.file());
        assertEquals(9, total.line(), "the line of the column's name key");
        ReportData.Row loadedAt = data.rows().stream().filter(r -> "loaded_at".equals(r.column())).findFirst()
                .orElseThrow();
        assertEquals(3, loadedAt.line(), "not in the YAML yet: the line of the model's entry, where it would go");
    }

    @Test
    void totalsPerFolderAddUpAndMatchCoverage() throws IOException {
        Path root = ReportProjects.chain(tmp.resolve("p"));
        ReportData data = build(root);
        Project project = ProjectDocs.load(root);
        CoverageReport coverage = new Coverage(Placeholders.DEFAULT).compute("p",
                List.copyOf(project.manifest().nodes().values()), ProjectDocs.read(project).docs(), project.catalog());
        assertEquals(coverage.total(), data.totals());
        assertEquals(List.of(ReportProjects.LONG_FOLDER, "models/marts", "models/staging"), data.folders().stream()
                .map(ReportData.Folder::folder).toList());
        int columns = data.folders().stream().mapToInt(f -> f.columns().values().stream().mapToInt(i -> i).sum())
                .sum();
        assertEquals(data.totals().columns(), columns);
        assertEquals(data.rows().stream().filter(r -> !r.isNodeDescription()).count(), columns);
        assertEquals(data.totals().nodes(), data.rows().stream().filter(ReportData.Row::isNodeDescription).count(),
                "one row per node description");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ethereum_models", "jaffle_shop_classic", "shopverse", "snowplow_web", "wmcsrp2",
        "fusion_orders", "mesh_upstream", "mesh_downstream", "fivetran_salesforce"})
    void onEveryCorpusProjectTheTotalsAreCoveragesAndTheYamlIsUntouched(String name) throws IOException {
        Path root = TestProjects.corpus(name);
        Map<String, String> before = TestProjects.snapshot(root);
        Project project = ProjectDocs.load(root);
        List<Node> nodes = project.manifest().nodes().values().stream().filter(project::isOwn).toList();
        ReportData data = new ReportBuilder(project, ProjectDocs.read(project), DocSettings.defaults(),
                ReviewMarks.from(Map.of())).build(nodes, List.of(), NOW);
        CoverageReport coverage = new Coverage(Placeholders.DEFAULT).compute(name, nodes,
                ProjectDocs.read(project).docs(), project.catalog());
        assertEquals(coverage.total(), data.totals());
        assertEquals(List.of(), data.warnings());
        assertEquals(before, TestProjects.snapshot(root));
    }

    @Test
    void snowplowInheritsDocReferencesFromItsSource() {
        Project project = ProjectDocs.load(TestProjects.corpus("snowplow_web"));
        List<Node> nodes = project.manifest().nodes().values().stream().filter(project::isOwn).toList();
        ReportData data = new ReportBuilder(project, ProjectDocs.read(project), DocSettings.defaults(),
                ReviewMarks.from(Map.of())).build(nodes, List.of(), NOW);
        ReportData.Row appId = data.rows().stream().filter(r -> "app_id".equals(r.column())
                && data.nodes().get(r.node()).name().equals("snowplow_web_base_events_this_run")).findFirst()
                .orElseThrow();
        assertEquals("inherited", appId.provenance());
        assertEquals("source.snowplow_web.atomic.events", appId.ancestor());
        assertEquals("{{ doc(\"col_app_id\") }}", appId.description());
    }

    @Test
    void yamlNewerThanTheManifestIsWhatTheReportAndCoverageCount() throws IOException {
        Path root = ReportProjects.chain(tmp.resolve("p"));
        Path fct = root.resolve("models/marts/fct.yml");
        Files.writeString(fct, Files.readString(fct).replace("Pending further documentation", "A real text."));
        ReportData data = build(root);
        assertEquals("person", provenance(data).get("fct.placeholder").get(0), "the report reads the YAML");
        Project project = ProjectDocs.load(root);
        CoverageReport coverage = new Coverage(Placeholders.DEFAULT).compute("p",
                List.copyOf(project.manifest().nodes().values()), ProjectDocs.read(project).docs(), project.catalog());
        assertEquals(coverage.total(), data.totals(), "no `dbt parse` needed: both read the YAML");
        assertEquals(List.of(), data.warnings());
    }

    @Test
    void nodeDescriptionsAreRowsWithTheirOwnProvenanceFileAndLine() throws IOException {
        ReportData data = build(ReportProjects.chain(tmp.resolve("p")));
        ReportData.Row stg = nodeRow(data, "stg");
        assertEquals("Orders, cleaned.", stg.description());
        assertEquals("ai-awaiting", stg.provenance(), "the model's own mark");
        assertEquals("models/staging/stg.yml", stg.file());
        assertEquals(3, stg.line());
        assertEquals("person", nodeRow(data, "raw.orders").provenance());
        assertEquals("undocumented", nodeRow(data, "fct").provenance());
    }

    private static ReportData.Row nodeRow(ReportData data, String name) {
        return data.rows().stream().filter(r -> r.isNodeDescription() && data.nodes().get(r.node()).name()
                .equals(name)).findFirst().orElseThrow();
    }

    private static ReportData.Row row(ReportData data, String node, String column) {
        return data.rows().stream().filter(r -> column.equals(r.column()) && data.nodes().get(r.node()).name()
                .equals(node)).findFirst().orElseThrow();
    }

    @Test
    void inheritedTextSaysWhetherItIsAiWrittenWhereItCameFrom() throws IOException {
        Path root = ReportProjects.chain(tmp.resolve("p"));
        assertEquals("ai-awaiting", row(build(root), "fct", "status").ancestorProvenance(),
                "stg's status awaits review, so fct's copy does too");
        assertNull(row(build(root), "fct", "id").ancestorProvenance(), "a person wrote the source's id");
        Path stg = root.resolve("models/staging/stg.yml");
        String marked = "        meta:\n          osmosis_generated: true\n";
        String yaml = Files.readString(stg);
        int column = yaml.indexOf("- name: status");
        Files.writeString(stg, yaml.substring(0, column) + yaml.substring(column).replace(marked,
                marked + "          osmosis_reviewed: '2026-12-01'\n"));
        ReportProjects.refreshManifest(root);
        assertEquals("ai-reviewed", row(build(root), "fct", "status").ancestorProvenance());
    }

    @Test
    void withPersistDocsAPersonsTextEqualToTheWarehouseCommentIsStillThePersons() throws IOException {
        Path root = ReportProjects.chain(tmp.resolve("p"));
        ReportProjects.commentNoteInWarehouse(root);
        assertEquals("warehouse", provenance(build(root)).get("fct.note").get(0),
                "without persist_docs the YAML holds the warehouse's comment");
        ReportProjects.persistFctDocs(root);
        assertEquals("person", provenance(build(root)).get("fct.note").get(0),
                "with persist_docs the warehouse comment is dbt's copy of the YAML");
    }

    @Test
    void docReferencesShowTheDocBlocksTextAndKeepTheReference() throws IOException {
        ReportData data = build(ReportProjects.chain(tmp.resolve("p")));
        ReportData.Row deleted = row(data, "fct", "is_deleted");
        assertEquals("{{ doc(\"is_deleted\") }}", deleted.description(), "the YAML's text, as written");
        assertEquals("True once the shop deleted the order <script>alert(1)</script>", deleted.rendered(),
                "the block's text, escaped by the page like every other text");
        assertEquals("person", deleted.provenance());
        assertNull(row(data, "fct", "note").rendered(), "no reference, nothing rendered");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{{ doc('p', 'is_deleted') }}", "{{doc(\"is_deleted\")}}", "{{- doc('is_deleted') -}}"})
    void everySpellingOfAReferenceRenders(String reference) {
        DocReferences refs = new DocReferences(List.of(new dev.osmosis.project.DocBlock("doc.p.is_deleted", "p",
                "is_deleted", " Deleted. "), new dev.osmosis.project.DocBlock("doc.q.is_deleted", "q", "is_deleted",
                "Theirs.")), "p");
        assertEquals("Before: Deleted. after", refs.render("Before: " + reference + " after"));
        assertEquals("Theirs.", refs.render("{{ doc('q', 'is_deleted') }}"), "a package's block by its name");
        assertNull(refs.render("{{ doc('unknown') }}"), "an unknown block stays a reference");
    }

    @Test
    void configuredMarkKeysAreRead() throws IOException {
        Path root = ReportProjects.chain(tmp.resolve("p"));
        Files.writeString(root.resolve("dbt_project.yml"), "name: p\nvars:\n  dbt-osmosis:\n    llm:\n"
                + "      mark_key: ai_written\n");
        ReportData data = build(root);
        assertEquals("person", provenance(data).get("stg.status").get(0),
                "osmosis_generated is not the mark when another key is configured");
        assertNull(provenance(data).get("stg.status").get(1));
    }
}
