package dev.osmosis.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.osmosis.bench.SyntheticProject.Model;
import dev.osmosis.bench.SyntheticProject.SparseEntry;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * The dbt artifacts of a {@link SyntheticProject}: target/manifest.json, with the bulky fields a real one carries so
 * the reader skips realistic volume, and target/catalog.json. The project plans the DAG and writes the YAML and SQL;
 * this writes what `dbt parse` and `dbt docs generate` would.
 */
final class SyntheticArtifacts {
    private final List<Model> nodes;
    private final Random random;
    private final BiPredicate<Model, String> documented;
    private final Function<String, SparseEntry> sparse;

    /**
     * {@code documented}: whether the model's YAML describes that column (so the manifest does too).
     * {@code sparse}: the sparse shape's entry of a model by id, whose columns are all the manifest knows of it
     * (dbt lists only the columns YAML declares); null in the other shapes, where YAML declares every column.
     */
    SyntheticArtifacts(List<Model> nodes, Random random, BiPredicate<Model, String> documented,
                       Function<String, SparseEntry> sparse) {
        this.nodes = nodes;
        this.random = random;
        this.documented = documented;
        this.sparse = sparse;
    }

    void writeManifest(Path file) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeObjectFieldStart("metadata");
            g.writeStringField("dbt_schema_version", "https://schemas.getdbt.com/dbt/manifest/v12.json");
            g.writeStringField("dbt_version", "1.9.2");
            g.writeStringField("project_name", SyntheticProject.PROJECT);
            g.writeEndObject();
            for (String section : List.of("nodes", "sources")) {
                g.writeObjectFieldStart(section);
                for (Model m : nodes) {
                    if (m.layer().equals("source") == section.equals("sources")) {
                        writeNode(g, m);
                    }
                }
                g.writeEndObject();
            }
            g.writeObjectFieldStart("docs");
            g.writeEndObject();
            g.writeObjectFieldStart("disabled");
            g.writeEndObject();
            g.writeObjectFieldStart("parent_map");
            for (Model m : nodes) {
                g.writeArrayFieldStart(m.id());
                for (String p : m.parents()) {
                    g.writeString(p);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    private void writeNode(JsonGenerator g, Model m) throws IOException {
        boolean source = m.layer().equals("source");
        SparseEntry entry = source || sparse == null ? null : sparse.apply(m.id());
        boolean hasEntry = entry == null || entry.present();
        g.writeObjectFieldStart(m.id());
        g.writeStringField("unique_id", m.id());
        g.writeStringField("resource_type", source ? "source" : "model");
        g.writeStringField("package_name", SyntheticProject.PROJECT);
        g.writeStringField("name", m.name());
        if (source) {
            g.writeStringField("source_name", m.id().split("\\.")[2]);
        }
        g.writeStringField("original_file_path", source ? "models/sources/" + m.id().split("\\.")[2] + ".yml"
                : m.folder() + "/" + m.name() + ".sql");
        g.writeStringField("patch_path", source || !hasEntry ? null
                : SyntheticProject.PROJECT + "://" + m.folder() + "/_models.yml");
        g.writeStringField("path", m.name() + ".sql");
        g.writeStringField("database", "analytics");
        g.writeStringField("schema", m.layer());
        g.writeStringField("alias", m.name());
        g.writeStringField("relation_name", "\"analytics\".\"" + m.layer() + "\".\"" + m.name() + "\"");
        g.writeStringField("description", source ? "Raw " + m.name() + " as loaded."
                : entry != null ? entry.description() : "");
        g.writeArrayFieldStart("fqn");
        g.writeString(SyntheticProject.PROJECT);
        for (String part : m.folder().substring("models/".length()).split("/")) {
            g.writeString(part);
        }
        g.writeString(m.name());
        g.writeEndArray();
        g.writeObjectFieldStart("checksum");
        g.writeStringField("name", "sha256");
        g.writeStringField("checksum", Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong())
                + Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong()));
        g.writeEndObject();
        writeConfig(g, m);
        writeBulk(g, m);
        g.writeObjectFieldStart("columns");
        for (String c : entry != null ? entry.columns() : m.columns()) {
            g.writeObjectFieldStart(c);
            g.writeStringField("name", c);
            g.writeStringField("description", source || documented.test(m, c) ? SyntheticProject.describe(c) : "");
            g.writeObjectFieldStart("meta");
            g.writeEndObject();
            g.writeNullField("data_type");
            g.writeArrayFieldStart("constraints");
            g.writeEndArray();
            g.writeNullField("quote");
            g.writeArrayFieldStart("tags");
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndObject();
        if (!source) {
            String sql = SyntheticProject.sql(m);
            g.writeStringField("raw_code", sql);
            g.writeStringField("compiled_code", sql.replaceAll("\\{\\{ (ref|source)\\(([^)]*)\\) }}",
                    "\"analytics\".\"x\".\"$2\""));
            g.writeStringField("language", "sql");
            g.writeObjectFieldStart("depends_on");
            g.writeArrayFieldStart("macros");
            g.writeEndArray();
            g.writeArrayFieldStart("nodes");
            for (String p : m.parents()) {
                g.writeString(p);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** Fields osmosis never reads but a real manifest carries; they make the reader skip realistic bulk. */
    private static void writeBulk(JsonGenerator g, Model m) throws IOException {
        g.writeStringField("build_path", "target/run/" + SyntheticProject.PROJECT + "/" + m.folder() + "/" + m.name() + ".sql");
        g.writeStringField("compiled_path", "target/compiled/" + SyntheticProject.PROJECT + "/" + m.folder() + "/" + m.name()
                + ".sql");
        g.writeNumberField("created_at", 1.7e9);
        g.writeArrayFieldStart("refs");
        for (String p : m.parents()) {
            g.writeStartObject();
            g.writeStringField("name", p.substring(p.lastIndexOf('.') + 1));
            g.writeNullField("package");
            g.writeNullField("version");
            g.writeEndObject();
        }
        g.writeEndArray();
        for (String key : List.of("contract", "docs", "extra_ctes", "doc_blocks", "constraints", "metrics")) {
            g.writeObjectFieldStart(key);
            g.writeBooleanField("enforced", false);
            g.writeNullField("alias_types");
            g.writeNullField("checksum");
            g.writeBooleanField("show", true);
            g.writeNullField("node_color");
            g.writeEndObject();
        }
        g.writeArrayFieldStart("tags");
        g.writeEndArray();
        g.writeObjectFieldStart("meta");
        g.writeEndObject();
        g.writeStringField("access", "protected");
        g.writeNullField("group");
        g.writeNullField("version");
        g.writeNullField("latest_version");
        g.writeNullField("deprecation_date");
        g.writeArrayFieldStart("primary_key");
        g.writeEndArray();
        g.writeNullField("time_spine");
    }

    private static void writeConfig(JsonGenerator g, Model m) throws IOException {
        g.writeObjectFieldStart("config");
        g.writeBooleanField("enabled", true);
        g.writeStringField("materialized", m.layer().equals("marts") ? "table" : "view");
        for (String key : List.of("alias", "schema", "database", "incremental_strategy", "unique_key",
                "on_schema_change", "on_configuration_change", "grants", "packages", "docs", "contract",
                "access", "event_time", "batch_size", "lookback", "begin", "persist_docs", "post-hook", "pre-hook",
                "quoting", "column_types", "full_refresh", "meta", "tags", "group")) {
            g.writeNullField(key);
        }
        g.writeEndObject();
        g.writeObjectFieldStart("unrendered_config");
        g.writeStringField("materialized", m.layer().equals("marts") ? "table" : "view");
        g.writeEndObject();
    }

    void writeCatalog(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.writeStartObject();
            g.writeObjectFieldStart("metadata");
            g.writeStringField("dbt_schema_version", "https://schemas.getdbt.com/dbt/catalog/v1.json");
            g.writeEndObject();
            for (String section : List.of("nodes", "sources")) {
                g.writeObjectFieldStart(section);
                for (Model m : nodes) {
                    if (m.layer().equals("source") != section.equals("sources")) {
                        continue;
                    }
                    g.writeObjectFieldStart(m.id());
                    g.writeStringField("unique_id", m.id());
                    g.writeObjectFieldStart("metadata");
                    g.writeStringField("type", "BASE TABLE");
                    g.writeStringField("name", m.name());
                    g.writeEndObject();
                    g.writeObjectFieldStart("columns");
                    for (int i = 0; i < m.columns().size(); i++) {
                        String c = m.columns().get(i);
                        g.writeObjectFieldStart(c);
                        g.writeStringField("name", c);
                        g.writeStringField("type", SyntheticProject.dataType(c));
                        g.writeNumberField("index", i + 1);
                        g.writeNullField("comment");
                        g.writeEndObject();
                    }
                    g.writeEndObject();
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        }
    }
}
