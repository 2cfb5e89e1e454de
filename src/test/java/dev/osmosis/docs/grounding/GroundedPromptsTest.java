package dev.osmosis.docs.grounding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.osmosis.cli.CliHarness;
import dev.osmosis.testing.FakeOpenAi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `yaml document --synthesize` as users run it, with the prompts captured: what the project already knows reaches
 * the model (issue 19 points 2, 4 and 6) while the YAML keeps its doc() references.
 * <table>
 *   <caption>hard cases</caption>
 *   <tr><th>case</th><th>in the prompt</th></tr>
 *   <tr><td>a parent column documented as {@code {{ doc("status_doc") }}}, the block only in a .md file (written
 *       after dbt parse)</td><td>the block's text</td></tr>
 *   <tr><td>a model column documented as {@code {{ doc('order_id') }}}, the block in the manifest</td>
 *       <td>the block's text; the YAML keeps the reference</td></tr>
 *   <tr><td>20,000 chars of compiled SQL, the asked status defined at its end</td>
 *       <td>the defining lines and a cut marker</td></tr>
 *   <tr><td>accepted_values / relationships / not_null tests on asked columns</td>
 *       <td>the value set, what it points to, not null</td></tr>
 * </table>
 */
class GroundedPromptsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path tmp;
    Path root;

    @BeforeEach
    void project() throws IOException {
        root = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(root.resolve("dbt_project.yml"), "name: p\nversion: '1.0'\nprofile: p\n");
        Files.createDirectories(root.resolve("models"));
        Files.writeString(root.resolve("models/stg_orders.sql"), "select * from raw");
        Files.writeString(root.resolve("models/orders.sql"), "select 1");
        Files.writeString(root.resolve("models/docs.md"),
                "{% docs status_doc %}\nLifecycle state of the order as the shop reports it.\n{% enddocs %}\n");
        Files.writeString(root.resolve("models/schema.yml"), """
                version: 2
                models:
                  - name: stg_orders
                    description: Orders as loaded.
                    columns:
                      - name: state
                        description: '{{ doc("status_doc") }}'
                  - name: orders
                    columns:
                      - name: order_id
                        description: "{{ doc('order_id') }}"
                      - name: status
                      - name: customer_id
                """);
        ObjectNode manifest = JSON.createObjectNode();
        manifest.putObject("metadata").put("dbt_schema_version", "https://schemas.getdbt.com/dbt/manifest/v12.json")
                .put("project_name", "p").put("dbt_version", "1.9.0");
        ObjectNode nodes = manifest.putObject("nodes");
        model(nodes, "stg_orders", "select * from raw", List.of());
        model(nodes, "orders", "select id as order_id, {{ shop_status('state') }}, customer_id\n"
                + "from {{ ref('stg_orders') }}\n" + "-- a long Jinja comment\n".repeat(900), List.of("stg_orders"))
                .put("compiled_code", compiledSql());
        test(nodes, "accepted_values", "status", JSON.createObjectNode().set("values",
                JSON.createArrayNode().add("placed").add("shipped").add("returned")));
        test(nodes, "relationships", "customer_id", JSON.createObjectNode().put("to", "ref('customers')")
                .put("field", "customer_id"));
        test(nodes, "not_null", "status", JSON.createObjectNode());
        manifest.putObject("sources");
        manifest.putObject("docs").putObject("doc.p.order_id").put("unique_id", "doc.p.order_id")
                .put("package_name", "p").put("name", "order_id")
                .put("block_contents", "Primary key of an order, from the shop's order number.");
        Files.createDirectories(root.resolve("target"));
        Files.writeString(root.resolve("target/manifest.json"), JSON.writeValueAsString(manifest));
    }

    /** Compiled SQL of over 20,000 chars: a macro's long column list first, status defined at the end. */
    static String compiledSql() {
        StringBuilder sql = new StringBuilder("with source_columns as (\n    select\n");
        for (int i = 0; sql.length() < 20_000; i++) {
            sql.append("        cast(null as text) as unused_source_field_").append(i).append(",\n");
        }
        sql.append("        id\n    from \"db\".\"main\".\"stg_orders\"\n),\n")
                .append("shaped as (\n    select\n        id as order_id,\n        case\n")
                .append("            when state = 'P' then 'placed'\n            when state = 'S' then 'shipped'\n")
                .append("            else 'returned'\n        end as status,\n        customer_id\n")
                .append("    from source_columns\n)\n")
                .append("select * from shaped");
        return sql.toString();
    }

    @Test
    void thePromptShowsDocBlocksKeptSqlLinesAndTestsWhileTheYamlKeepsItsReferences() throws Exception {
        assertTrue(compiledSql().length() > 20_000);
        String before = Files.readString(root.resolve("models/schema.yml"));
        try (FakeOpenAi llm = new FakeOpenAi()) {
            CliHarness.Result r = CliHarness.run(llm.env(tmp.resolve("home")), "yaml", "document",
                    "--synthesize", "--project-dir", root.toString(), "--llm-strategy", "per-column");
            assertEquals(0, r.exitCode(), r.err());
            String status = llm.requests().stream().map(FakeOpenAi::prompt)
                    .filter(p -> p.contains("Reply with the description of \"") && p.contains("status"))
                    .filter(p -> !p.contains("customer_id\" only")).findFirst().orElseThrow();
            String all = llm.requests().stream().map(FakeOpenAi::prompt).collect(Collectors.joining("\n"));

            // point 2: rendered doc blocks, from the .md file and from the manifest
            assertTrue(status.contains("Lifecycle state of the order as the shop reports it."), status);
            assertTrue(status.contains("Primary key of an order, from the shop's order number."), status);
            assertFalse(all.contains("doc(\"status_doc\")"), "no reference left unrendered");
            assertFalse(all.contains("doc('order_id')"), "no reference left unrendered");

            // point 4: the compiled SQL (the Jinja source hides status in a macro) cut around status
            assertTrue(status.contains("-- [osmosis cut "), status);
            assertTrue(status.contains("kept the lines that define status"), status);
            assertTrue(status.contains("        end as status,"), status);
            assertTrue(status.contains("            when state = 'P' then 'placed'"), status);
            assertTrue(status.contains("shaped as ("), status);

            // point 6: the tests of the asked column
            assertTrue(status.contains("tested accepted_values: one of 'placed', 'shipped', 'returned'"), status);
            assertTrue(status.contains("tested not_null: never null"), status);
            assertTrue(all.contains("tested relationships: points to customers.customer_id"), all);
        }
        String after = Files.readString(root.resolve("models/schema.yml"));
        assertTrue(after.contains("description: '{{ doc(\"status_doc\") }}'"), after);
        assertTrue(after.contains("description: \"{{ doc('order_id') }}\""), after);
        assertFalse(after.contains("Lifecycle state"), "the rendered text stays in the prompt");
        assertFalse(after.contains("Primary key of an order"), "the rendered text stays in the prompt");
        assertFalse(before.equals(after), "status and customer_id were written");
    }

    @Test
    void aBulkPromptShowsTheFactsOfEachGapAndTheSqlDefiningThem() throws Exception {
        try (FakeOpenAi llm = new FakeOpenAi()) {
            CliHarness.Result r = CliHarness.run(llm.env(tmp.resolve("home")), "yaml", "document",
                    "--synthesize", "--project-dir", root.toString());
            assertEquals(0, r.exitCode(), r.err());
            String bulk = llm.requests().stream().map(FakeOpenAi::prompt)
                    .filter(p -> p.contains("columns in \"columns\"")).findFirst().orElseThrow();
            assertTrue(bulk.contains("kept the lines that define status, customer_id"), bulk);
            assertTrue(bulk.contains("        end as status,"), bulk);
            assertTrue(bulk.contains("tested accepted_values: one of 'placed', 'shipped', 'returned'"), bulk);
            assertTrue(bulk.contains("tested relationships: points to customers.customer_id"), bulk);
            assertTrue(bulk.contains("Lifecycle state of the order as the shop reports it."), bulk);
        }
    }

    private static ObjectNode model(ObjectNode nodes, String name, String raw, List<String> parents) {
        ObjectNode n = nodes.putObject("model.p." + name);
        n.put("unique_id", "model.p." + name).put("resource_type", "model").put("package_name", "p")
                .put("name", name).put("original_file_path", "models/" + name + ".sql")
                .put("patch_path", "p://models/schema.yml").put("schema", "main").put("database", "db")
                .put("raw_code", raw);
        n.putArray("fqn").add("p").add(name);
        ArrayNode deps = n.putObject("depends_on").putArray("nodes");
        parents.forEach(p -> deps.add("model.p." + p));
        n.putObject("config").put("materialized", "view");
        return n;
    }

    private static void test(ObjectNode nodes, String name, String column, ObjectNode kwargs) {
        String id = "test.p." + name + "_orders_" + column;
        ObjectNode t = nodes.putObject(id);
        kwargs.put("column_name", column).put("model", "{{ get_where_subquery(ref('orders')) }}");
        t.put("unique_id", id).put("resource_type", "test").put("package_name", "p").put("name", id)
                .put("column_name", column).put("attached_node", "model.p.orders");
        t.putObject("test_metadata").put("name", name).putNull("namespace").set("kwargs", kwargs);
        t.putObject("depends_on").putArray("nodes").add("model.p.orders");
    }
}
