package dev.osmosis.review;

import dev.osmosis.docs.Abstentions;
import dev.osmosis.docs.Coverage;
import dev.osmosis.docs.PlaceholderSettings;
import dev.osmosis.docs.Placeholders;
import dev.osmosis.docs.YamlDocs;
import dev.osmosis.project.DbtProject;
import dev.osmosis.project.Node;
import dev.osmosis.schema.SchemaColumn;
import dev.osmosis.schema.SchemaEntry;
import dev.osmosis.schema.SchemaFiles;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Finds the AI-written descriptions of the selected nodes in their schema YAML (not in the manifest, which is
 * stale until the next `dbt parse` after --synthesize wrote the files).
 */
public final class ReviewScan {
    private final ReviewKeys keys;
    private final Placeholders placeholders;

    public ReviewScan(ReviewKeys keys, Placeholders placeholders) {
        this.keys = keys;
        this.placeholders = placeholders;
    }

    /** The scan `osmosis review` makes: the project's review keys and placeholder texts. */
    public static ReviewScan of(DbtProject config) {
        return new ReviewScan(ReviewKeys.from(config), PlaceholderSettings.from(config));
    }

    /**
     * How many descriptions of {@code nodes} await review: node and column descriptions alike, the number
     * `osmosis review` lists and --max-pending gates on. Every other count of them (the report's) is this one.
     */
    public long pending(List<Node> nodes, SchemaFiles files) {
        return scan(nodes, files).stream().filter(i -> i.status() == ReviewStatus.PENDING).count();
    }

    /** Pending and reviewed descriptions, and places the model abstained on, by file and line. */
    public List<ReviewItem> scan(List<Node> nodes, SchemaFiles files) {
        List<ReviewItem> items = new ArrayList<>();
        for (Node node : nodes) {
            files.find(YamlDocs.ref(node), node).ifPresent(located -> {
                SchemaEntry entry = located.entry();
                add(items, node, located, null, entry.description(), entry.meta(), entry.other(), entry.line());
                for (SchemaColumn c : entry.columns()) {
                    add(items, node, located, c.name(), c.description(), c.meta(), c.other(), c.line());
                }
            });
        }
        items.sort(Comparator.comparing((ReviewItem i) -> i.file().toString()).thenComparingInt(ReviewItem::line));
        return List.copyOf(items);
    }

    private void add(List<ReviewItem> items, Node node, SchemaFiles.Located at, String column, String text,
                     Map<String, Object> meta, Map<String, Object> other, int line) {
        boolean documented = placeholders.isDocumented(text);
        // an abstention counts while the place is undocumented: once its owner writes it, the key is history
        ReviewStatus status = !documented && Abstentions.isAbstained(meta) ? ReviewStatus.NEEDS_OWNER
                : keys.status(meta);
        if (status == null || !documented && status != ReviewStatus.NEEDS_OWNER) {
            return;
        }
        items.add(new ReviewItem(node.uniqueId(), node.displayName(), Coverage.folderOf(node), at.entry().ref(), column,
                documented ? text : "", metaPath(other), at.file().path(), line, status, keys.reviewedOn(meta), null,
                meta));
    }

    /** The mapping holding the mark: dbt 1.10's config.meta when the mark is there (config wins, as dbt reads it). */
    private List<String> metaPath(Map<String, Object> other) {
        if (other.get("config") instanceof Map<?, ?> config && config.get("meta") instanceof Map<?, ?> meta
                && (meta.containsKey(keys.markKey()) || meta.containsKey(keys.reviewKey()))) {
            return List.of("config", "meta");
        }
        return List.of("meta");
    }
}
