package dev.osmosis.project;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A model, seed, snapshot or source table, holding only what osmosis needs from the manifest.
 *
 * @param uniqueId         e.g. model.jaffle_shop.customers or source.jaffle_shop.raw.orders
 * @param sourceName       for sources, the source's name ("raw"); else null
 * @param originalFilePath the .sql/.csv/.yml file relative to the project root, always with '/' separators
 * @param patchPath        the schema YAML documenting the node, relative to the project root with '/', or null
 * @param sql              compiled SQL when the manifest has it, else the raw SQL; empty for seeds and sources
 * @param dependsOn        unique ids of the nodes this one selects from (models, seeds, snapshots, sources)
 * @param persistsColumnDocs config persist_docs.columns: dbt writes the YAML's column texts into the warehouse, so
 *                         a catalog comment equal to the YAML text is the YAML's echo, not its source
 */
public record Node(
        String uniqueId,
        ResourceType resourceType,
        String packageName,
        String name,
        String sourceName,
        String originalFilePath,
        String patchPath,
        String description,
        List<Column> columns,
        Map<String, Object> meta,
        List<String> tags,
        List<String> dependsOn,
        String rawCode,
        String compiledCode,
        String materialized,
        List<String> fqn,
        String database,
        String schema,
        String relationName,
        boolean enabled,
        boolean persistsColumnDocs) {

    public Node(String uniqueId, ResourceType resourceType, String packageName, String name, String sourceName,
                String originalFilePath, String patchPath, String description, List<Column> columns,
                Map<String, Object> meta, List<String> tags, List<String> dependsOn, String rawCode,
                String compiledCode, String materialized, List<String> fqn, String database, String schema,
                String relationName, boolean enabled) {
        this(uniqueId, resourceType, packageName, name, sourceName, originalFilePath, patchPath, description, columns,
                meta, tags, dependsOn, rawCode, compiledCode, materialized, fqn, database, schema, relationName,
                enabled, false);
    }

    public Node {
        description = description == null ? "" : description;
        columns = columns == null ? List.of() : List.copyOf(columns);
        // the manifest's key order, which inheritance writes: Map.copyOf's order changes from one JVM to the next
        meta = OrderedMap.copyOf(meta);
        tags = tags == null ? List.of() : List.copyOf(tags);
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        fqn = fqn == null ? List.of() : List.copyOf(fqn);
        rawCode = rawCode == null ? "" : rawCode;
        compiledCode = compiledCode == null ? "" : compiledCode;
    }

    public Node withColumns(List<Column> newColumns) {
        return new Node(uniqueId, resourceType, packageName, name, sourceName, originalFilePath, patchPath,
                description, newColumns, meta, tags, dependsOn, rawCode, compiledCode, materialized, fqn, database,
                schema, relationName, enabled, persistsColumnDocs);
    }

    /** The same node documented as {@code other} documents it: description, columns, meta and tags. */
    public Node withDocsOf(Node other) {
        return new Node(uniqueId, resourceType, packageName, name, sourceName, originalFilePath, patchPath,
                other.description, other.columns, other.meta, other.tags, dependsOn, rawCode, compiledCode,
                materialized, fqn, database, schema, relationName, enabled, persistsColumnDocs);
    }

    /** The SQL worth showing a reader: compiled when dbt compiled it, else raw. */
    public String sql() {
        return compiledCode.isBlank() ? rawCode : compiledCode;
    }

    /** Name as a user writes it in a selector: "orders", or "raw.orders" for a source table. */
    public String displayName() {
        return resourceType == ResourceType.SOURCE ? sourceName + "." + name : name;
    }

    public Optional<String> patchPathOpt() {
        return Optional.ofNullable(patchPath);
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(columnName)).findFirst();
    }
}
