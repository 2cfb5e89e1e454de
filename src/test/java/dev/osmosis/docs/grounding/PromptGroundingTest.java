package dev.osmosis.docs.grounding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.project.Column;
import dev.osmosis.project.DataTest;
import dev.osmosis.project.DocBlock;
import dev.osmosis.project.Manifest;
import dev.osmosis.project.Node;
import dev.osmosis.project.ResourceType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Doc references rendered and column facts for prompts.
 * <table>
 *   <caption>hard cases</caption>
 *   <tr><th>case</th><th>expected</th></tr>
 *   <tr><td>every spelling of a reference, a package's block</td><td>rendered</td></tr>
 *   <tr><td>a block the manifest lacks, in a .md file</td><td>rendered from the file, files read once</td></tr>
 *   <tr><td>a block in neither</td><td>the reference stays</td></tr>
 *   <tr><td>a 10,000-char block</td><td>cut to {@value PromptGrounding#MAX_BLOCK_CHARS} chars</td></tr>
 *   <tr><td>an upper-case warehouse column, a lower-case test column</td><td>matched</td></tr>
 *   <tr><td>osmosis's own meta (the review mark, osmosis_progenitor)</td><td>not a fact</td></tr>
 *   <tr><td>60 accepted values</td><td>25 shown and "(and 35 more)"</td></tr>
 * </table>
 */
class PromptGroundingTest {
    private static final String ORDERS = "model.p.orders";

    @ParameterizedTest
    @ValueSource(strings = {"{{ doc('order_status') }}", "{{doc(\"order_status\")}}", "{{ doc('p','order_status') }}",
            "{{- doc( 'order_status' ) -}}"})
    void everySpellingRendersTheManifestsBlock(String reference) {
        PromptGrounding g = grounding(List.of(), List.of());
        assertEquals("Status: The order's state.", g.render("Status: " + reference));
    }

    @Test
    void aBlockTheManifestLacksComesFromTheMarkdownFilesReadOnce() {
        AtomicInteger reads = new AtomicInteger();
        PromptGrounding g = new PromptGrounding(manifest(List.of(), List.of()), "p", () -> {
            reads.incrementAndGet();
            return List.of(new DocBlock("doc.p.fresh", "p", "fresh", " Written after dbt parse. "));
        }, Set.of());
        assertEquals("The order's state.", g.render("{{ doc('order_status') }}"));
        assertEquals(0, reads.get(), "the manifest had it: no file read");
        assertEquals("The order's state. Written after dbt parse.",
                g.render("{{ doc('order_status') }} {{ doc('fresh') }}"));
        assertEquals("{{ doc('nowhere') }}", g.render("{{ doc('nowhere') }}"), "unknown: the reference stays");
        assertEquals(1, reads.get());
        assertEquals("plain", g.render("plain"));
    }

    @Test
    void aLongBlockIsCut() {
        Manifest m = manifest(List.of(), List.of());
        Map<String, DocBlock> docs = new LinkedHashMap<>(m.docs());
        docs.put("doc.p.long", new DocBlock("doc.p.long", "p", "long", "word ".repeat(2_000)));
        PromptGrounding g = new PromptGrounding(new Manifest(12, "p", "1.9", m.nodes(), docs, Set.of(), null,
                m.tests()), "p", List::of, Set.of());
        String text = g.render("{{ doc('long') }}");
        assertTrue(text.length() <= PromptGrounding.MAX_BLOCK_CHARS + 6, "length " + text.length());
        assertTrue(text.endsWith(" [...]"));
    }

    @Test
    void testsOfTheColumnBecomeFacts() {
        List<DataTest> tests = List.of(
                test("not_null", null, "STATUS", Map.of()),
                test("accepted_values", null, "status", Map.of("values", List.of("placed", "shipped"),
                        "quote", true)),
                test("relationships", null, "customer_id", Map.of("to", "ref('customers')", "field", "id")),
                test("expect_column_values_to_be_between", "dbt_expectations", "amount",
                        Map.of("min_value", 0, "column_name", "amount", "model", "{{ x }}")),
                test("unique_combination_of_columns", "dbt_utils", null,
                        Map.of("combination_of_columns", List.of("status", "customer_id"))),
                test("relationships", null, "store_id", Map.of("to", "source('raw', 'stores')", "field", "id")));
        PromptGrounding g = grounding(tests, List.of());
        // in the tests' id order, which is stable from run to run
        assertEquals(List.of("tested accepted_values: one of 'placed', 'shipped'", "tested not_null: never null",
                        "tested dbt_utils.unique_combination_of_columns: combination_of_columns [status, customer_id]",
                        "meta owner: sales"),
                g.facts(ORDERS, "status", ordered("owner", "sales", "osmosis_generated", true, "mark", true,
                        "osmosis_progenitor", "x")));
        assertEquals("tested relationships: points to customers.id",
                g.facts(ORDERS, "customer_id", Map.of()).get(0));
        assertEquals(List.of("tested dbt_expectations.expect_column_values_to_be_between: min_value 0"),
                g.facts(ORDERS, "amount", null));
        assertEquals(List.of("tested relationships: points to raw.stores.id"),
                g.facts(ORDERS, "store_id", Map.of()));
        assertEquals(List.of(), g.facts("model.p.other", "status", Map.of()));
    }

    @Test
    void manyValuesAreCountedNotListed() {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            values.add("v" + i);
        }
        String fact = grounding(List.of(test("accepted_values", null, "status", Map.of("values", values))), List.of())
                .facts(ORDERS, "status", Map.of()).get(0);
        assertTrue(fact.contains("'v24' (and 35 more)"), fact);
        assertTrue(fact.length() <= ColumnFacts.MAX_FACT_CHARS + 6);
    }

    @Test
    void anAncestorsFactsArePrefixedWithWhereTheyComeFrom() {
        Column status = new Column("status", "", null, Map.of("fivetran_source", "orders.state"), List.of());
        PromptGrounding g = grounding(List.of(test("accepted_values", null, "status",
                Map.of("values", List.of("open", "closed")))), List.of(status));
        assertEquals(List.of("upstream orders.status: tested accepted_values: one of 'open', 'closed'",
                "upstream orders.status: meta fivetran_source: orders.state"), g.upstreamFacts(ORDERS, "status"));
        assertEquals(List.of(), g.upstreamFacts("model.p.gone", "status"));
        assertEquals(List.of(), PromptGrounding.none().facts(ORDERS, "status", Map.of()));
        assertEquals("{{ doc('x') }}", PromptGrounding.none().render("{{ doc('x') }}"));
    }

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static DataTest test(String name, String namespace, String column, Map<String, Object> kwargs) {
        return new DataTest("test.p." + name + "." + column, ORDERS, column, name, namespace, kwargs);
    }

    private static PromptGrounding grounding(List<DataTest> tests, List<Column> columns) {
        return new PromptGrounding(manifest(tests, columns), "p", List::of, Set.of("mark"));
    }

    private static Manifest manifest(List<DataTest> tests, List<Column> columns) {
        Node orders = new Node(ORDERS, ResourceType.MODEL, "p", "orders", null, "models/orders.sql", null, "",
                columns, Map.of(), List.of(), List.of(), "", "", "table", List.of("p", "orders"), "db", "s", null,
                true);
        Map<String, DocBlock> docs = Map.of("doc.p.order_status",
                new DocBlock("doc.p.order_status", "p", "order_status", "\nThe order's state.\n"));
        return new Manifest(12, "p", "1.9.0", Map.of(ORDERS, orders), docs, Set.of(), null, tests);
    }
}
