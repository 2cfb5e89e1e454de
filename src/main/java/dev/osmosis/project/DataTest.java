package dev.osmosis.project;

import java.util.Map;

/**
 * A generic data test from the manifest (a test node with {@code test_metadata}): what it states about a column
 * is context for a description ("accepted values: 'placed', 'shipped'", "points to customers.id").
 *
 * @param attachedNode unique id of the model, seed, snapshot or source it tests (attached_node, or for manifests
 *                     older than dbt 1.5 the node its {@code model} argument names), never null
 * @param column       the column it tests (column_name), or null for a test of the whole node
 * @param name         test_metadata.name: "not_null", "accepted_values", "expect_column_values_to_be_between"
 * @param namespace    test_metadata.namespace ("dbt_utils", "dbt_expectations"), or null for dbt's own tests
 * @param kwargs       its arguments as the manifest gives them (values, to, field, min_value, ...)
 */
public record DataTest(String uniqueId, String attachedNode, String column, String name, String namespace,
                       Map<String, Object> kwargs) {
    public DataTest {
        kwargs = OrderedMap.copyOf(kwargs);
    }

    /** "not_null", or "dbt_utils.accepted_range" for a package's test. */
    public String qualifiedName() {
        return namespace == null || namespace.isBlank() ? name : namespace + "." + name;
    }
}
