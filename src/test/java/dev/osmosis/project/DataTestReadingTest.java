package dev.osmosis.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generic tests read from the manifest as context for prompts.
 * <table>
 *   <caption>hard cases</caption>
 *   <tr><th>case</th><th>read as</th></tr>
 *   <tr><td>dbt 1.5+: attached_node, top-level column_name</td><td>as given</td></tr>
 *   <tr><td>dbt 1.0-1.4: no attached_node; a relationships test depends on two models</td>
 *       <td>the node its {@code model} argument names</td></tr>
 *   <tr><td>a test of a source table without attached_node</td><td>the source</td></tr>
 *   <tr><td>a singular test (no test_metadata), a disabled test</td><td>skipped</td></tr>
 * </table>
 */
class DataTestReadingTest {
    @TempDir Path tmp;

    @Test
    void genericTestsAreReadWithTheNodeAndColumnTheyTest() throws IOException {
        Manifest m = read("""
                {"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/manifest/v12.json"},
                 "nodes": {
                  "model.p.orders": {"unique_id": "model.p.orders", "resource_type": "model", "name": "orders",
                                     "package_name": "p"},
                  "test.p.accepted": {"unique_id": "test.p.accepted", "resource_type": "test",
                     "test_metadata": {"name": "accepted_values", "namespace": null,
                        "kwargs": {"values": ["placed", "shipped"], "column_name": "status",
                                   "model": "{{ get_where_subquery(ref('orders')) }}"}},
                     "column_name": "status", "attached_node": "model.p.orders",
                     "depends_on": {"nodes": ["model.p.orders"]}},
                  "test.p.rel": {"unique_id": "test.p.rel", "resource_type": "test",
                     "test_metadata": {"name": "relationships",
                        "kwargs": {"to": "ref('customers')", "field": "id", "column_name": "customer_id",
                                   "model": "{{ get_where_subquery(ref('orders')) }}"}},
                     "depends_on": {"nodes": ["model.p.customers", "model.p.orders"]}},
                  "test.p.src": {"unique_id": "test.p.src", "resource_type": "test",
                     "test_metadata": {"name": "unique", "kwargs": {"column_name": "id",
                        "model": "{{ get_where_subquery(source('raw', 'orders')) }}"}},
                     "depends_on": {"nodes": ["source.p.raw.orders"]}},
                  "test.p.singular": {"unique_id": "test.p.singular", "resource_type": "test",
                     "depends_on": {"nodes": ["model.p.orders"]}},
                  "test.p.off": {"unique_id": "test.p.off", "resource_type": "test", "config": {"enabled": false},
                     "test_metadata": {"name": "not_null", "kwargs": {"column_name": "id"}},
                     "attached_node": "model.p.orders"}
                 }}
                """);
        assertEquals(List.of("test.p.accepted", "test.p.rel", "test.p.src"),
                m.tests().stream().map(DataTest::uniqueId).toList());
        DataTest accepted = m.tests().get(0);
        assertEquals("model.p.orders", accepted.attachedNode());
        assertEquals("status", accepted.column());
        assertEquals(List.of("placed", "shipped"), accepted.kwargs().get("values"));
        assertEquals("accepted_values", accepted.qualifiedName());
        DataTest rel = m.tests().get(1);
        assertEquals("model.p.orders", rel.attachedNode(), "the model argument names it, not depends_on[0]");
        assertEquals("customer_id", rel.column(), "kwargs.column_name when column_name is absent");
        assertEquals("source.p.raw.orders", m.tests().get(2).attachedNode());
        assertEquals(1, m.nodes().size(), "tests are not documentable nodes");
    }

    @Test
    void aPackageTestIsNamedWithItsNamespace() {
        DataTest t = new DataTest("test.p.t", "model.p.m", null, "unique_combination_of_columns", "dbt_utils",
                Map.of());
        assertEquals("dbt_utils.unique_combination_of_columns", t.qualifiedName());
        assertNull(t.column());
    }

    @Test
    void theTestedNodeOfAnOldManifestIsTheOneItsModelArgumentNames() {
        assertEquals("model.p.orders", TestedNode.of("{{ get_where_subquery(ref('p', 'orders')) }}",
                List.of("model.p.customers", "model.p.orders")));
        assertEquals("source.p.raw.orders", TestedNode.of("source('raw','orders')",
                List.of("model.p.orders", "source.p.raw.orders")));
        assertEquals("model.p.only", TestedNode.of(null, List.of("model.p.only")));
        assertNull(TestedNode.of("ref('gone')", List.of("model.p.a", "model.p.b")));
        assertTrue(RefText.parse("nothing here").isEmpty());
    }

    private Manifest read(String json) throws IOException {
        Path file = tmp.resolve("manifest.json");
        Files.writeString(file, json);
        return new ManifestReader().read(file);
    }
}
