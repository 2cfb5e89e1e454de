package dev.osmosis.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.osmosis.docs.ColumnDocs;
import dev.osmosis.docs.DocState;
import dev.osmosis.docs.NodeDocs;
import dev.osmosis.testing.ProjectDocs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/** Small projects for the report's tests, and a stand-in for `dbt parse` after osmosis edited the YAML. */
final class ReportProjects {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A folder name longer than any label a chart could cut, and a model name longer than its table cell. */
    static final String LONG_FOLDER = "models/intermediate/finance_and_accounting_reconciliation/quarterly_close";
    static final String LONG_NAME = "int_quarterly_close_reconciliation_by_sales_region_and_currency";

    private ReportProjects() {
    }

    /**
     * raw.orders -> stg -> fct, with every kind of provenance: a person's text, a warehouse comment, text inherited
     * over one and two generations (one of them AI-written upstream), AI text awaiting review and reviewed, a
     * column only the warehouse knows, a doc block reference (the block holding markup), and a long-named model
     * without columns in a deep folder.
     */
    static Path chain(Path root) throws IOException {
        Files.createDirectories(root.resolve("models/staging"));
        Files.createDirectories(root.resolve("models/marts"));
        Files.createDirectories(root.resolve("target"));
        Files.writeString(root.resolve("dbt_project.yml"), "name: p\nversion: '1'\nprofile: p\n");
        Files.writeString(root.resolve("models/staging/sources.yml"), """
                version: 2
                sources:
                  - name: raw
                    tables:
                      - name: orders
                        description: Orders as the shop exports them.
                        columns:
                          - name: id
                            description: Order id from the shop.
                          - name: amount
                            description: Amount in cents
                """);
        Files.writeString(root.resolve("models/staging/stg.yml"), """
                version: 2
                models:
                  - name: stg
                    description: Orders, cleaned.
                    meta:
                      osmosis_generated: true
                    columns:
                      - name: id
                        description: Order id from the shop.
                      - name: amount
                        description: Amount in cents
                      - name: status
                        description: Where the order is in its life cycle.
                        meta:
                          osmosis_generated: true
                """);
        Files.writeString(root.resolve("models/marts/fct.yml"), """
                version: 2
                models:
                  - name: fct
                    columns:
                      - name: id
                        description: Order id from the shop.
                      - name: status
                        description: Where the order is in its life cycle.
                      - name: total
                        description: Amount with tax.
                        config:
                          meta:
                            osmosis_generated: true
                            osmosis_reviewed: '2026-11-30'
                      - name: note
                        description: Free text the <b>support</b> team adds.
                      - name: placeholder
                        description: Pending further documentation
                      - name: is_deleted
                        description: '{{ doc("is_deleted") }}'
                """);
        Files.createDirectories(root.resolve(LONG_FOLDER));
        Files.writeString(root.resolve("target/manifest.json"), """
                {"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/manifest/v12.json",
                              "project_name": "p"},
                 "sources": {"source.p.raw.orders": %s},
                 "nodes": {"model.p.stg": %s, "model.p.fct": %s, "model.p.%s": %s},
                 "docs": {"doc.p.is_deleted": {"unique_id": "doc.p.is_deleted", "package_name": "p",
                   "name": "is_deleted", "block_contents": "True once the shop deleted the order <script>alert(1)</script>"}}}
                """.formatted(node("source.p.raw.orders", "models/staging/sources.yml", "models/staging/sources.yml"),
                node("model.p.stg", "models/staging/stg.sql", "source.p.raw.orders"),
                node("model.p.fct", "models/marts/fct.sql", "model.p.stg"), LONG_NAME,
                node("model.p." + LONG_NAME, LONG_FOLDER + "/" + LONG_NAME + ".sql", "model.p.stg")));
        Files.writeString(root.resolve("target/catalog.json"), """
                {"metadata": {}, "sources": {"source.p.raw.orders": {"metadata": {"type": "TABLE"}, "columns": {
                   "id": {"name": "id", "type": "bigint", "index": 1, "comment": null},
                   "amount": {"name": "amount", "type": "bigint", "index": 2, "comment": "Amount in cents"}}}},
                 "nodes": {"model.p.fct": {"metadata": {"type": "VIEW"}, "columns": {
                   "id": {"name": "id", "type": "bigint", "index": 1, "comment": null},
                   "loaded_at": {"name": "loaded_at", "type": "timestamp", "index": 2, "comment": null}}}}}
                """);
        refreshManifest(root);
        return root;
    }

    private static String node(String id, String file, String parentOrPatch) {
        String[] parts = id.split("\\.");
        boolean source = parts[0].equals("source");
        ObjectNode n = JSON.createObjectNode();
        n.put("unique_id", id).put("resource_type", parts[0]).put("package_name", "p")
                .put("name", parts[parts.length - 1]).put("original_file_path", file)
                .put("schema", "analytics").put("database", "db").put("raw_code", "select 1");
        n.putArray("fqn").add("p").add(parts[parts.length - 1]);
        n.putObject("config").put("materialized", "view");
        if (source) {
            n.put("source_name", parts[2]);
            n.putObject("depends_on").putArray("nodes");
        } else {
            n.putObject("depends_on").putArray("nodes").add(parentOrPatch);
        }
        return n.toString();
    }

    /** The warehouse holds fct.note's YAML text as the column's comment, as persist_docs would have put it. */
    static void commentNoteInWarehouse(Path root) throws IOException {
        Path catalog = root.resolve("target/catalog.json");
        Files.writeString(catalog, Files.readString(catalog).replace("\"loaded_at\": {",
                "\"note\": {\"name\": \"note\", \"type\": \"text\", \"index\": 3, "
                        + "\"comment\": \"Free text the <b>support</b> team adds.\"},\n\"loaded_at\": {"));
    }

    /** fct's config says {@code persist_docs: {relation: true, columns: true}}, as dbt_project.yml's +persist_docs does. */
    static void persistFctDocs(Path root) throws IOException {
        Path manifest = root.resolve("target/manifest.json");
        ObjectNode json = (ObjectNode) JSON.readTree(manifest.toFile());
        ((ObjectNode) json.at("/nodes/model.p.fct/config")).putObject("persist_docs").put("relation", true)
                .put("columns", true);
        Files.writeString(manifest, json.toString());
    }

    /** What `dbt parse` does for the report: the manifest's descriptions, columns and meta become the YAML's. */
    static void refreshManifest(Path root) throws IOException {
        DocState state = ProjectDocs.read(ProjectDocs.load(root));
        Path file = root.resolve("target/manifest.json");
        ObjectNode manifest = (ObjectNode) JSON.readTree(file.toFile());
        for (String section : new String[] {"nodes", "sources"}) {
            for (Iterator<Map.Entry<String, JsonNode>> it = manifest.path(section).properties().iterator();
                 it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                NodeDocs docs = state.docs().get(e.getKey());
                if (docs == null || state.entry(e.getKey()).isEmpty()) {
                    continue;
                }
                ObjectNode node = (ObjectNode) e.getValue();
                node.put("description", docs.description());
                node.set("meta", JSON.valueToTree(docs.meta()));
                if (section.equals("nodes")) {
                    node.put("patch_path", "p://" + root.relativize(state.entry(e.getKey()).get().file().path())
                            .toString().replace('\\', '/'));
                }
                ObjectNode columns = node.putObject("columns");
                for (ColumnDocs c : docs.columns()) {
                    ObjectNode column = columns.putObject(c.name());
                    column.put("name", c.name()).put("description", c.description()).put("data_type", c.dataType());
                    column.set("meta", JSON.valueToTree(c.meta()));
                    column.set("tags", JSON.valueToTree(c.tags()));
                }
            }
        }
        JSON.writeValue(file.toFile(), manifest);
    }
}
