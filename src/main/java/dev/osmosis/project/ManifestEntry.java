package dev.osmosis.project;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads one manifest entry (node, source or doc) from a streaming parser, keeping only what osmosis uses and
 * skipping everything else token by token. Old field names (schema v4-v6: raw_sql, compiled_sql) are read too.
 */
final class ManifestEntry {
    String uniqueId;
    String resourceType;
    String packageName;
    String name;
    String sourceName;
    String originalFilePath;
    String patchPath;
    String description;
    List<Column> columns = List.of();
    Map<String, Object> meta;
    List<String> tags;
    List<String> dependsOn = List.of();
    String rawCode;
    String compiledCode;
    Boolean enabled;
    String materialized;
    boolean persistsColumnDocs;
    List<String> fqn;
    String database;
    String schema;
    String relationName;
    String blockContents;
    /** Of a test node: test_metadata's name, namespace and kwargs, column_name and attached_node. */
    String testName;
    String testNamespace;
    Map<String, Object> testKwargs;
    String columnName;
    String attachedNode;

    /** Parser positioned on the entry's START_OBJECT; returns with it on the matching END_OBJECT. */
    static ManifestEntry read(JsonParser p, ValuePool names) throws IOException {
        ManifestEntry e = new ManifestEntry();
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return e;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "unique_id" -> e.uniqueId = JsonValues.string(p);
                case "resource_type" -> e.resourceType = JsonValues.string(p);
                case "package_name" -> e.packageName = JsonValues.string(p);
                case "name" -> e.name = JsonValues.string(p);
                case "source_name" -> e.sourceName = JsonValues.string(p);
                case "original_file_path" -> e.originalFilePath = JsonValues.string(p);
                case "patch_path" -> e.patchPath = JsonValues.string(p);
                case "description" -> e.description = JsonValues.string(p);
                case "columns" -> e.columns = columns(p, names);
                case "meta" -> e.meta = JsonValues.map(p);
                case "tags" -> e.tags = JsonValues.strings(p);
                case "depends_on" -> e.dependsOn = dependsOn(p);
                case "raw_code", "raw_sql" -> e.rawCode = JsonValues.string(p);
                case "compiled_code", "compiled_sql" -> e.compiledCode = JsonValues.string(p);
                case "config" -> config(p, e);
                case "fqn" -> e.fqn = JsonValues.strings(p);
                case "database" -> e.database = JsonValues.string(p);
                case "schema" -> e.schema = JsonValues.string(p);
                case "relation_name" -> e.relationName = JsonValues.string(p);
                case "block_contents" -> e.blockContents = JsonValues.string(p);
                case "test_metadata" -> testMetadata(p, e);
                case "column_name" -> e.columnName = JsonValues.string(p);
                case "attached_node" -> e.attachedNode = JsonValues.string(p);
                default -> p.skipChildren();
            }
        }
        return e;
    }

    private static List<Column> columns(JsonParser p, ValuePool names) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return List.of();
        }
        List<Column> columns = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            String name = null;
            String description = null;
            String dataType = null;
            Map<String, Object> meta = null;
            List<String> tags = null;
            if (p.currentToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    switch (field) {
                        case "name" -> name = JsonValues.string(p);
                        case "description" -> description = JsonValues.string(p);
                        case "data_type" -> dataType = JsonValues.string(p);
                        case "meta" -> meta = JsonValues.map(p);
                        case "tags" -> tags = JsonValues.strings(p);
                        default -> p.skipChildren();
                    }
                }
            } else {
                p.skipChildren();
            }
            columns.add(new Column(names.string(name == null ? key : name), description, names.string(dataType), meta,
                    tags));
        }
        return columns;
    }

    private static void testMetadata(JsonParser p, ManifestEntry e) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "name" -> e.testName = JsonValues.string(p);
                case "namespace" -> e.testNamespace = JsonValues.string(p);
                case "kwargs" -> e.testKwargs = JsonValues.map(p);
                default -> p.skipChildren();
            }
        }
    }

    private static List<String> dependsOn(JsonParser p) throws IOException {
        List<String> nodes = List.of();
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return nodes;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("nodes")) {
                nodes = JsonValues.strings(p);
            } else {
                p.skipChildren();
            }
        }
        return nodes;
    }

    private static void config(JsonParser p, ManifestEntry e) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "enabled" -> e.enabled = p.currentToken() == JsonToken.VALUE_NULL ? null
                        : p.currentToken() != JsonToken.VALUE_FALSE;
                case "materialized" -> e.materialized = JsonValues.string(p);
                case "persist_docs" -> e.persistsColumnDocs = persistsColumns(p);
                default -> p.skipChildren();
            }
        }
    }

    /** config.persist_docs: true when it says {@code columns: true}. */
    private static boolean persistsColumns(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return false;
        }
        boolean columns = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("columns")) {
                columns = p.currentToken() == JsonToken.VALUE_TRUE;
            }
            p.skipChildren();
        }
        return columns;
    }

    /** The node this entry describes, or null for kinds osmosis does not document (tests, macros, ...). */
    Node toNode() {
        ResourceType type = ResourceType.fromManifest(resourceType).orElse(null);
        if (type == null || uniqueId == null) {
            return null;
        }
        return new Node(uniqueId, type, packageName, name, sourceName, PathNames.normalize(originalFilePath),
                PathNames.normalize(patchPath), description, columns, meta, tags, dependsOn, rawCode, compiledCode,
                materialized, fqn, database, schema, relationName, enabled == null || enabled, persistsColumnDocs);
    }

    /** Whether this entry is a test node (generic or singular). */
    boolean isTest() {
        return "test".equals(resourceType);
    }

    /**
     * The generic test this entry describes, or null for a singular test (no test_metadata), a disabled one, or
     * one whose tested node cannot be told.
     */
    DataTest toTest() {
        if (testName == null || uniqueId == null || Boolean.FALSE.equals(enabled)) {
            return null;
        }
        Map<String, Object> kwargs = testKwargs == null ? Map.of() : testKwargs;
        String column = columnName != null ? columnName
                : kwargs.get("column_name") instanceof String s ? s : null;
        String node = attachedNode != null ? attachedNode : TestedNode.of(kwargs.get("model"), dependsOn);
        return node == null ? null : new DataTest(uniqueId, node, column, testName, testNamespace, kwargs);
    }
}
