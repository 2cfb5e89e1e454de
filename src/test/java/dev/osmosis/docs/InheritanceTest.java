package dev.osmosis.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.lineage.Lineage;
import dev.osmosis.project.Catalog;
import dev.osmosis.project.Manifest;
import dev.osmosis.project.Node;
import dev.osmosis.project.ResourceType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class InheritanceTest {
    // src -> stg -> int -> fct, and src -> fct directly (a diamond with a shortcut)
    private final Lineage lineage = Lineage.of(manifest(
            node("src"), node("stg", "src"), node("int", "stg"), node("fct", "int", "src")));

    static Node node(String id, String... parents) {
        return new Node(id, ResourceType.MODEL, "p", id, null, "models/" + id + ".sql", "models/s.yml", "",
                List.of(), Map.of(), List.of(), List.of(parents), "", "", "view", List.of("p", id), null, null,
                null, true);
    }

    static Manifest manifest(Node... nodes) {
        Map<String, Node> map = new HashMap<>();
        for (Node n : nodes) {
            map.put(n.uniqueId(), n);
        }
        return new Manifest(12, "p", "1.9", map, Map.of(), Set.of());
    }

    static ColumnDocs col(String name, String description) {
        return ColumnDocs.named(name).withDescription(description, null);
    }

    static NodeDocs docs(String id, ColumnDocs... columns) {
        return new NodeDocs(id, ResourceType.MODEL, id, "", List.of(columns), Map.of(), true);
    }

    private Map<String, NodeDocs> run(DocSettings settings, Catalog catalog, boolean refactor, NodeDocs... nodes) {
        Map<String, NodeDocs> state = new LinkedHashMap<>();
        for (NodeDocs n : nodes) {
            state.put(n.uniqueId(), n);
        }
        return DocumentationRun.run(lineage, state.keySet(), state,
                new NodeDocumenter(settings, lineage, catalog, refactor));
    }

    private Map<String, NodeDocs> run(DocSettings settings, NodeDocs... nodes) {
        return run(settings, Catalog.EMPTY, false, nodes);
    }

    @Test
    void descriptionsFlowDownSeveralGenerationsInOneRun() {
        Map<String, NodeDocs> out = run(DocSettings.defaults(),
                docs("src", col("id", "The id."), col("amount", "Amount in cents.")),
                docs("stg", col("id", ""), col("amount", "Not documented")),
                docs("int", col("ID", null)),
                docs("fct", col("amount", "")));
        assertEquals("The id.", out.get("stg").column("id").orElseThrow().description());
        assertEquals("Amount in cents.", out.get("stg").column("amount").orElseThrow().description());
        assertEquals("The id.", out.get("int").column("ID").orElseThrow().description(), "case-insensitive");
        assertEquals("Amount in cents.", out.get("fct").column("amount").orElseThrow().description());
    }

    @Test
    void closestGenerationWinsAndLocalTextIsKept() {
        Map<String, NodeDocs> out = run(DocSettings.defaults(),
                docs("src", col("id", "Source id."), col("name", "Source name.")),
                docs("stg", col("id", "Staging id."), col("name", "")),
                docs("int", col("id", ""), col("name", "Mine, written by a human.")),
                docs("fct", col("id", "")));
        assertEquals("Staging id.", out.get("int").column("id").orElseThrow().description());
        assertEquals("Mine, written by a human.", out.get("int").column("name").orElseThrow().description());
        // fct's parents are int and src (generation 1): int now says "Staging id." and wins by id order.
        assertEquals("Staging id.", out.get("fct").column("id").orElseThrow().description());
    }

    @Test
    void docReferencesArriveAsReferences() {
        String ref = "{{ doc(\"customer_id\") }}";
        Map<String, NodeDocs> out = run(DocSettings.defaults(), docs("src", col("customer_id", ref)),
                docs("stg", col("customer_id", "")));
        assertEquals(ref, out.get("stg").column("customer_id").orElseThrow().description());
    }

    @Test
    void unreviewedModelTextWithJinjaIsNotCopiedFurtherLive() {
        String planted = "Key {{ env_var('SECRET') }}";
        Map<String, NodeDocs> out = run(DocSettings.defaults(),
                docs("src", col("key", planted).withMeta(Map.of("osmosis_generated", true)),
                        col("ok", "{{ doc('ok') }}").withMeta(Map.of("osmosis_generated", true,
                                "osmosis_reviewed", "2026-12-01")),
                        col("ref", planted)),
                docs("stg", col("key", ""), col("ok", ""), col("ref", "")));
        NodeDocs stg = out.get("stg");
        assertEquals(planted, new dev.osmosis.testing.DbtJinja().render(stg.column("key").orElseThrow().description()),
                "dbt shows the text, never runs it");
        assertEquals("{{ doc('ok') }}", stg.column("ok").orElseThrow().description(), "a reviewed text flows as is");
        assertEquals(planted, stg.column("ref").orElseThrow().description(), "a person's text flows as is");
        assertEquals(planted, out.get("src").column("key").orElseThrow().description(), "the source is not edited");
    }

    @Test
    void forceOverwritesAndSkipLeavesDescriptionsAlone() {
        DocSettings force = new DocSettings(true, false, false, false, false, false, false, Set.of(), List.of(),
                false, false, false, DocSettings.NameCase.KEEP, "", List.of(), "database", Placeholders.DEFAULT);
        Map<String, NodeDocs> forced = run(force, docs("src", col("id", "Upstream.")),
                docs("stg", col("id", "Local.")));
        assertEquals("Upstream.", forced.get("stg").column("id").orElseThrow().description());

        DocSettings skip = new DocSettings(false, true, false, false, false, false, false, Set.of(), List.of(),
                false, false, false, DocSettings.NameCase.KEEP, "", List.of(), "database", Placeholders.DEFAULT);
        Map<String, NodeDocs> skipped = run(skip, docs("src", col("id", "Upstream.")), docs("stg", col("id", "")));
        assertEquals("", skipped.get("stg").column("id").orElseThrow().description());
    }

    @Test
    void prefixIsIgnoredWhenMatchingNames() {
        DocSettings prefixed = new DocSettings(false, false, false, false, false, false, false, Set.of(), List.of(),
                false, false, false, DocSettings.NameCase.KEEP, "c_", List.of(), "database", Placeholders.DEFAULT);
        Map<String, NodeDocs> out = run(prefixed, docs("src", col("c_custkey", "Customer key.")),
                docs("stg", col("custkey", "")));
        assertEquals("Customer key.", out.get("stg").column("custkey").orElseThrow().description());
    }

    @Test
    void tagsUniteMetaMergesLocalWinsAndProgenitorIsRecorded() {
        ColumnDocs src = col("id", "The id.").withTags(List.of("pii")).withMeta(Map.of("owner", "src", "a", 1,
                "secret", true));
        ColumnDocs stg = col("id", "").withTags(List.of("key")).withMeta(Map.of("owner", "stg"));
        DocSettings settings = new DocSettings(false, false, false, false, false, false, false, Set.of("secret"),
                List.of(), true, false, false, DocSettings.NameCase.KEEP, "", List.of(), "database",
                Placeholders.DEFAULT);
        NodeDocs out = run(settings, docs("src", src), docs("stg", stg)).get("stg");
        ColumnDocs id = out.column("id").orElseThrow();
        assertEquals(List.of("key", "pii"), id.tags());
        assertEquals("stg", id.meta().get("owner"));
        assertEquals(1, id.meta().get("a"));
        assertFalse(id.meta().containsKey("secret"));
        assertEquals("src", id.meta().get("osmosis_progenitor"));
        // progenitor stays the first writer two generations down
        NodeDocs fct = run(settings, docs("src", src), docs("stg", stg), docs("int", col("id", ""))).get("int");
        assertEquals("src", fct.column("id").orElseThrow().meta().get("osmosis_progenitor"));
    }

    @Test
    void nodeWhoseColumnsAlreadyHoldWhatItsAncestorsGiveComesBackUnchanged() {
        ColumnDocs src = col("id", "The id.").withTags(List.of("pii")).withMeta(Map.of("owner", "src"));
        NodeDocs stg = docs("stg", col("id", "The id.").withTags(List.of("pii")).withMeta(Map.of("owner", "src")));
        assertSame(stg, run(DocSettings.defaults(), docs("src", src), stg).get("stg"));
        // a second descendant reuses src's index and still gets its text
        assertEquals("The id.", run(DocSettings.defaults(), docs("src", src), stg, docs("int", col("id", "")))
                .get("int").column("id").orElseThrow().description());
    }

    @Test
    void aRepeatedTagIsFoldedWhenAnAncestorHasTheColumnEvenIfItAddsNoTag() {
        NodeDocs stg = docs("stg", col("id", "x").withTags(List.of("pii", "pii")));
        ColumnDocs id = run(DocSettings.defaults(), docs("src", col("id", "x").withTags(List.of("pii"))), stg)
                .get("stg").column("id").orElseThrow();
        assertEquals(List.of("pii"), id.tags());
    }

    @Test
    void skipTagsAndMetaFlags() {
        ColumnDocs src = col("id", "x").withTags(List.of("pii")).withMeta(Map.of("a", 1));
        DocSettings skip = new DocSettings(false, false, false, false, true, true, false, Set.of(), List.of(),
                false, false, false, DocSettings.NameCase.KEEP, "", List.of(), "database", Placeholders.DEFAULT);
        ColumnDocs id = run(skip, docs("src", src), docs("stg", col("id", ""))).get("stg").column("id").orElseThrow();
        assertEquals(List.of(), id.tags());
        assertEquals(Map.of(), id.meta());
        assertEquals("x", id.description());
    }

    @Test
    void catalogColumnsAreInjectedWithTypesAndThenInherited() {
        Catalog catalog = new Catalog(Map.of("stg", new Catalog.Table("stg", null, List.of(
                new Catalog.CatalogColumn("ID", "NUMBER(38,0)", 1, null),
                new Catalog.CatalogColumn("NOTE", "VARCHAR(16777216)", 2, "Free text from the app."),
                new Catalog.CatalogColumn("_FIVETRAN_SYNCED", "TIMESTAMP_TZ", 3, null)))));
        DocSettings settings = new DocSettings(false, false, false, false, false, false, false, Set.of(), List.of(),
                false, false, false, DocSettings.NameCase.LOWER, "", List.of(Pattern.compile("_FIVETRAN_.*")),
                "database", Placeholders.DEFAULT);
        NodeDocs stg = run(settings, catalog, false, docs("src", col("id", "The id.")), docs("stg")).get("stg");
        assertEquals(List.of("id", "note"), stg.columns().stream().map(ColumnDocs::name).toList());
        assertEquals("number", stg.column("id").orElseThrow().dataType());
        assertEquals("The id.", stg.column("id").orElseThrow().description());
        assertEquals("Free text from the app.", stg.column("note").orElseThrow().description());
    }

    @Test
    void refactorDropsStaleColumnsSyncsTypesAndSorts() {
        Catalog catalog = new Catalog(Map.of("stg", new Catalog.Table("stg", null, List.of(
                new Catalog.CatalogColumn("b", "text", 1, null), new Catalog.CatalogColumn("a", "bigint", 2, null)))));
        NodeDocs before = docs("stg", col("a", "A.").withDataType("int"), col("gone", "Old."), col("b", "B."));
        NodeDocs after = run(DocSettings.defaults(), catalog, true, docs("src"), before).get("stg");
        assertEquals(List.of("b", "a"), after.columns().stream().map(ColumnDocs::name).toList());
        assertEquals("bigint", after.column("a").orElseThrow().dataType());
        assertEquals("text", after.column("b").orElseThrow().dataType());
        assertTrue(after.column("gone").isEmpty());
    }

    @Test
    void dataTypesKeepPrecisionOnlyWhenAsked() {
        DocSettings keep = new DocSettings(false, false, false, false, false, false, false, Set.of(), List.of(),
                false, true, true, DocSettings.NameCase.KEEP, "", List.of(), "database", Placeholders.DEFAULT);
        assertEquals("NUMBER(38,0)", DataTypes.format("NUMBER(38,0)", keep));
        assertEquals("VARCHAR(10)", DataTypes.format("VARCHAR(10)", keep));
        assertEquals("NUMBER", DataTypes.format("NUMBER(38,0)", DocSettings.defaults()));
        assertEquals("character varying", DataTypes.format("character varying(256)", DocSettings.defaults()));
        assertEquals("TIMESTAMP_NTZ(9)", DataTypes.format("TIMESTAMP_NTZ(9)", DocSettings.defaults()));
    }

    @Test
    void placeholdersAreOnePredicate() {
        Placeholders p = Placeholders.DEFAULT;
        assertFalse(p.isDocumented(null));
        assertFalse(p.isDocumented("  "));
        assertFalse(p.isDocumented("not documented."));
        assertFalse(p.isDocumented("Pending further documentation"));
        assertTrue(p.isDocumented("{{ doc(\"x\") }}"));
        assertTrue(Placeholders.of(List.of("TBD")).isDocumented("Not documented"));
        assertFalse(Placeholders.of(List.of("TBD")).isDocumented("tbd"));
    }
}
