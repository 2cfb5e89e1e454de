package dev.osmosis.project;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jackson binding targets for one manifest entry: only the fields osmosis reads, so the streaming reader skips
 * everything else (tests, macros, huge config blocks) without building a tree. Old field names (schema v4-v6:
 * raw_sql, compiled_sql) are read as aliases.
 */
final class ManifestJson {
    private ManifestJson() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Metadata {
        @JsonProperty("dbt_schema_version") String schemaVersion;
        @JsonProperty("dbt_version") String dbtVersion;
        @JsonProperty("project_name") String projectName;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Entry {
        @JsonProperty("unique_id") String uniqueId;
        @JsonProperty("resource_type") String resourceType;
        @JsonProperty("package_name") String packageName;
        @JsonProperty("name") String name;
        @JsonProperty("source_name") String sourceName;
        @JsonProperty("original_file_path") String originalFilePath;
        @JsonProperty("patch_path") String patchPath;
        @JsonProperty("description") String description;
        @JsonProperty("columns") LinkedHashMap<String, ColumnEntry> columns;
        @JsonProperty("meta") Map<String, Object> meta;
        @JsonProperty("tags") List<String> tags;
        @JsonProperty("depends_on") DependsOn dependsOn;
        @JsonProperty("raw_code") String rawCode;
        @JsonProperty("raw_sql") String rawSql;
        @JsonProperty("compiled_code") String compiledCode;
        @JsonProperty("compiled_sql") String compiledSql;
        @JsonProperty("config") Config config;
        @JsonProperty("fqn") List<String> fqn;
        @JsonProperty("database") String database;
        @JsonProperty("schema") String schema;
        @JsonProperty("relation_name") String relationName;
        @JsonProperty("block_contents") String blockContents;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class ColumnEntry {
        @JsonProperty("name") String name;
        @JsonProperty("description") String description;
        @JsonProperty("data_type") String dataType;
        @JsonProperty("meta") Map<String, Object> meta;
        @JsonProperty("tags") List<String> tags;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class DependsOn {
        @JsonProperty("nodes") List<String> nodes;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class Config {
        @JsonProperty("enabled") Boolean enabled;
        @JsonProperty("materialized") String materialized;
    }
}
