package dev.osmosis.project;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What osmosis keeps of manifest.json: documentable nodes (enabled models, seeds, snapshots and sources, in
 * unique-id order), doc blocks, and the ids of disabled nodes (so a selector naming one gets a precise message).
 *
 * @param adapterType metadata.adapter_type (snowflake, duckdb, ...), or null when the manifest does not say
 * @param tests       the enabled generic tests (not_null, accepted_values, ...), in unique-id order: context for
 *                    prompts, never documented themselves
 */
public record Manifest(
        int schemaVersion,
        String projectName,
        String dbtVersion,
        Map<String, Node> nodes,
        Map<String, DocBlock> docs,
        Set<String> disabled,
        String adapterType,
        List<DataTest> tests) {

    public Manifest(int schemaVersion, String projectName, String dbtVersion, Map<String, Node> nodes,
                    Map<String, DocBlock> docs, Set<String> disabled) {
        this(schemaVersion, projectName, dbtVersion, nodes, docs, disabled, null);
    }

    /** A manifest without tests. */
    public Manifest(int schemaVersion, String projectName, String dbtVersion, Map<String, Node> nodes,
                    Map<String, DocBlock> docs, Set<String> disabled, String adapterType) {
        this(schemaVersion, projectName, dbtVersion, nodes, docs, disabled, adapterType, List.of());
    }

    public Manifest {
        // Sorted copies: every walk over the manifest is deterministic.
        nodes = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(nodes));
        docs = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(docs));
        disabled = Set.copyOf(disabled);
        tests = tests == null ? List.of() : tests.stream()
                .sorted(java.util.Comparator.comparing(DataTest::uniqueId)).toList();
    }

    /** The same manifest with {@code replaced} nodes in place of those with the same unique id. */
    public Manifest withNodes(Map<String, Node> replaced) {
        Map<String, Node> merged = new java.util.HashMap<>(nodes);
        merged.putAll(replaced);
        return new Manifest(schemaVersion, projectName, dbtVersion, merged, docs, disabled, adapterType, tests);
    }

    /** Written by dbt Fusion (the Rust engine): dbt_version 2.x or later, or the v20 schema of its early builds. */
    public boolean isFusion() {
        return schemaVersion == ManifestReader.FUSION_SCHEMA
                || (dbtVersion != null && dbtVersion.matches("v?([2-9]|\\d{2,})\\..*"));
    }

    public Optional<Node> node(String uniqueId) {
        return Optional.ofNullable(nodes.get(uniqueId));
    }

    public List<Node> nodesOf(ResourceType type) {
        return nodes.values().stream().filter(n -> n.resourceType() == type)
                .sorted(java.util.Comparator.comparing(Node::uniqueId)).toList();
    }
}
