package dev.osmosis.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Builds a tiny dbt project from a golden case's case.json: the DAG, SQL paths and catalog columns, written as the
 * manifest.json and catalog.json dbt would produce. Keeps each case readable: only the YAML is spelled out.
 *
 * <pre>
 * {"args": ["--force-inherit-descriptions"], "adapter": "snowflake", "dbt_version": "1.10.3",
 *  "nodes": {"source.p.raw.orders": {"file": "models/sources.yml"},
 *            "model.p.stg": {"parents": ["source.p.raw.orders"], "file": "models/stg.sql",
 *                            "compiled": "select id, amount from raw.orders"}},
 *  "catalog": {"model.p.stg": ["id bigint", "amount numeric(10,2)"]}}
 * </pre>
 */
final class GoldenProject {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GoldenProject() {
    }

    static JsonNode write(Path caseFile, Path root, String dbtProjectYaml) throws IOException {
        JsonNode spec = JSON.readTree(caseFile.toFile());
        Files.createDirectories(root.resolve("target"));
        if (!Files.exists(root.resolve("dbt_project.yml"))) {
            Files.writeString(root.resolve("dbt_project.yml"), dbtProjectYaml);
        }
        ObjectNode manifest = JSON.createObjectNode();
        ObjectNode metadata = manifest.putObject("metadata")
                .put("dbt_schema_version", "https://schemas.getdbt.com/dbt/manifest/v12.json").put("project_name", "p");
        if (spec.has("adapter")) {
            metadata.put("adapter_type", spec.get("adapter").asText());
        }
        if (spec.has("dbt_version")) {
            metadata.put("dbt_version", spec.get("dbt_version").asText());
        }
        ObjectNode nodes = manifest.putObject("nodes");
        ObjectNode sources = manifest.putObject("sources");
        for (Iterator<Map.Entry<String, JsonNode>> it = spec.get("nodes").properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String id = e.getKey();
            String[] parts = id.split("\\.");
            boolean source = parts[0].equals("source");
            ObjectNode n = (source ? sources : nodes).putObject(id);
            n.put("unique_id", id).put("resource_type", parts[0]).put("package_name", "p")
                    .put("name", parts[parts.length - 1]).put("original_file_path", e.getValue().get("file").asText())
                    .put("schema", "analytics").put("database", "db");
            if (source) {
                n.put("source_name", parts[2]);
            }
            ArrayNode fqn = n.putArray("fqn").add("p");
            String file = e.getValue().get("file").asText();
            String[] folders = file.split("/");
            for (int i = 1; i < folders.length - 1; i++) {
                fqn.add(folders[i]);
            }
            fqn.add(parts[parts.length - 1]);
            ArrayNode deps = n.putObject("depends_on").putArray("nodes");
            if (e.getValue().has("parents")) {
                e.getValue().get("parents").forEach(deps::add);
            }
            n.put("raw_code", "select * from upstream");
            if (e.getValue().has("compiled")) {
                n.put("compiled_code", e.getValue().get("compiled").asText());
            }
            n.putObject("config").put("materialized", "view");
        }
        Files.writeString(root.resolve("target/manifest.json"), JSON.writeValueAsString(manifest));
        if (spec.has("catalog")) {
            ObjectNode catalog = JSON.createObjectNode();
            catalog.putObject("metadata");
            ObjectNode cNodes = catalog.putObject("nodes");
            ObjectNode cSources = catalog.putObject("sources");
            for (Iterator<Map.Entry<String, JsonNode>> it = spec.get("catalog").properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                ObjectNode table = (e.getKey().startsWith("source.") ? cSources : cNodes).putObject(e.getKey());
                table.putObject("metadata").put("type", "VIEW");
                ObjectNode cols = table.putObject("columns");
                int index = 1;
                for (JsonNode c : e.getValue()) {
                    String[] nameType = c.asText().split(" ", 2);
                    ObjectNode col = cols.putObject(nameType[0]);
                    col.put("name", nameType[0]).put("type", nameType.length > 1 ? nameType[1] : "text")
                            .put("index", index++);
                    col.putNull("comment");
                }
            }
            Files.writeString(root.resolve("target/catalog.json"), JSON.writeValueAsString(catalog));
        }
        return spec;
    }
}
