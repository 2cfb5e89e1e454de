package dev.osmosis.project;

import java.util.List;

/**
 * The node a generic test is attached to in manifests older than dbt 1.5, which have no attached_node: the one of
 * its depends_on nodes that its {@code model} argument names ({@code {{ get_where_subquery(ref('orders')) }}});
 * a relationships test depends on two nodes, so the first one is not enough.
 */
final class TestedNode {
    private TestedNode() {
    }

    /** The tested node's unique id, or null when {@code model} names none of {@code dependsOn}. */
    static String of(Object model, List<String> dependsOn) {
        RefText named = RefText.parse(model).orElse(null);
        if (named != null) {
            String suffix = "." + (named.isSource() ? named.sourceName() + "." : "") + named.name();
            for (String id : dependsOn) {
                if (id.endsWith(suffix) && id.startsWith("source.") == named.isSource()) {
                    return id;
                }
            }
        }
        return dependsOn.size() == 1 ? dependsOn.get(0) : null;
    }
}
