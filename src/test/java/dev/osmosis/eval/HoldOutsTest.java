package dev.osmosis.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.osmosis.docs.DocSettings;
import dev.osmosis.docs.DocState;
import dev.osmosis.docs.NodeDocs;
import dev.osmosis.docs.NodeDocumenter;
import dev.osmosis.docs.Placeholders;
import dev.osmosis.lineage.Lineage;
import dev.osmosis.project.Node;
import dev.osmosis.project.Project;
import dev.osmosis.review.ReviewKeys;
import dev.osmosis.testing.ProjectDocs;
import dev.osmosis.testing.TestProjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which descriptions an eval may hold out, on shopverse with its stg_products and stg_payments entries edited.
 *
 * <table>
 * <caption>Hard cases</caption>
 * <tr><th>description</th><th>held out?</th></tr>
 * <tr><td>marked osmosis_generated (a model wrote it)</td><td>no</td></tr>
 * <tr><td>a placeholder ("Not documented")</td><td>no</td></tr>
 * <tr><td>copied by inheritance (osmosis_progenitor)</td><td>no</td></tr>
 * <tr><td>{{ doc() }} of a block the manifest has</td><td>yes, graded against the block's text</td></tr>
 * <tr><td>{{ doc() }} of a block the manifest lacks</td><td>no</td></tr>
 * <tr><td>a column an ancestor documents under the same name (stg_orders.order_id)</td><td>no: inheritance fills it again</td></tr>
 * <tr><td>a source's column</td><td>no: synthesis never writes sources</td></tr>
 * <tr><td>a stale column (neither catalog nor SQL has it: stg_orders.order_status)</td><td>no: a run never asks it</td></tr>
 * </table>
 */
class HoldOutsTest {
    @TempDir
    Path tmp;

    private Project project;
    private Map<String, NodeDocs> docs;
    private HoldOuts holdOuts;
    private List<Node> all;

    @BeforeEach
    void setUp() throws IOException {
        Path root = TestProjects.copy(TestProjects.corpus("shopverse"), tmp.resolve("shopverse"));
        Path schema = root.resolve("models/silver/schema.yml");
        String yaml = Files.readString(schema)
                .replace("description: \"Name of the product.\"",
                        "description: \"Name of the product.\"\n        meta:\n          osmosis_generated: true")
                .replace("\"Top-level product classification (e.g., Electronics, Furniture).\"", "Not documented")
                .replace("""
                        >
                              Deduplicated and normalized product data from `bronze_products`.
                              Used in product profit analysis and dimensional modeling.""",
                        "\"{{ doc('product_subcategory') }}\"")
                .replace("\"Unique identifier for the product.\"", "\"{{ doc('no_such_block') }}\"")
                .replace("description: \"Monetary amount of the successful payment.\"",
                        "description: \"Monetary amount of the successful payment.\"\n        meta:\n"
                                + "          osmosis_progenitor: source.shopverse_analytics.bronze.payments");
        Files.writeString(schema, yaml);
        addDocBlock(root.resolve("target/manifest.json"), "product_subcategory",
                "The grouping below the category, such as Laptops.");
        project = ProjectDocs.load(root);
        docs = ProjectDocs.read(project).docs();
        Lineage lineage = Lineage.of(project.manifest());
        NodeDocumenter documenter = NodeDocumenter.forProject(DocSettings.defaults(), lineage, project,
                docs.values(), false);
        holdOuts = new HoldOuts(project, lineage, documenter, Placeholders.DEFAULT, ReviewKeys.DEFAULT);
        all = project.manifest().nodes().values().stream().toList();
    }

    private static void addDocBlock(Path manifest, String name, String contents) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(manifest.toFile());
        ObjectNode block = ((ObjectNode) root.path("docs")).putObject("doc.shopverse_analytics." + name);
        block.put("unique_id", "doc.shopverse_analytics." + name).put("package_name", "shopverse_analytics")
                .put("name", name).put("block_contents", contents).put("resource_type", "doc")
                .put("path", "docs.md").put("original_file_path", "models/docs.md");
        json.writeValue(manifest.toFile(), root);
    }

    private Map<String, String> everything() {
        return holdOuts.choose(all, docs, 1000, 19).heldOut().stream()
                .collect(Collectors.toMap(HoldOut::shown, HoldOut::humanText));
    }

    @Test
    void onlyHumanTextThatInheritanceWouldNotRefillIsHeldOut() {
        Map<String, String> held = everything();
        assertFalse(held.containsKey("stg_products.product_name"), "a model wrote it");
        assertFalse(held.containsKey("stg_products.product_category"), "a placeholder");
        assertFalse(held.containsKey("stg_payments.payment_amount"), "inheritance copied it");
        assertFalse(held.containsKey("stg_products.product_id"), "a doc block the manifest lacks");
        assertEquals("The grouping below the category, such as Laptops.",
                held.get("stg_products"), "graded against the rendered block");
        assertFalse(held.containsKey("stg_products.product_subcategory"), "stale: the catalog has SUBCATEGORY");
        assertFalse(held.containsKey("stg_orders.order_id"), "its source documents order_id: a run refills it");
        assertFalse(held.containsKey("stg_payments.payment_id"), "likewise");
        assertFalse(held.containsKey("stg_orders.order_status"),
                "stale: neither the catalog nor the SQL has it, so a run never asks for it");
        assertEquals("Foreign key to the customer who placed the order.", held.get("stg_orders.customer_id"));
        assertEquals("Aggregated profit by customer.", held.get("customer_profit"), "a model's description");
        assertTrue(held.keySet().stream().noneMatch(k -> k.startsWith("bronze")), "no source: " + held.keySet());
    }

    @Test
    void theSampleIsSeededAndTheBlankingStaysInMemory() {
        HoldOuts.Selection a = holdOuts.choose(all, docs, 5, 3);
        HoldOuts.Selection b = holdOuts.choose(all, docs, 5, 3);
        assertEquals(a.heldOut(), b.heldOut());
        assertEquals(5, a.heldOut().size());
        assertTrue(a.refillable() > 0);
        assertEquals(everything().size() + a.refillable(), a.candidates());
        Map<String, NodeDocs> untouched = new HashMap<>(docs);
        for (HoldOut h : a.heldOut()) {
            NodeDocs blanked = a.blanked().get(h.nodeId());
            String now = h.isNodeDescription() ? blanked.description()
                    : blanked.column(h.column()).orElseThrow().description();
            assertEquals("", now, h.shown());
        }
        assertEquals(untouched, docs, "the docs read from the project are not changed");
    }
}
