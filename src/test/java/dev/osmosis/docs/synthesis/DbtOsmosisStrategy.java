package dev.osmosis.docs.synthesis;

import dev.osmosis.docs.ColumnDocs;
import dev.osmosis.docs.NodeDocs;
import dev.osmosis.docs.Placeholders;
import dev.osmosis.lineage.Lineage;
import dev.osmosis.llm.LlmRequest;
import dev.osmosis.llm.prompt.PromptBuilder;
import dev.osmosis.llm.prompt.PromptContext;
import dev.osmosis.project.Catalog;
import dev.osmosis.project.Node;
import dev.osmosis.project.Project;
import dev.osmosis.project.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * What dbt-osmosis's synthesis would spend on the gaps plain inheritance leaves: per node, one table call when
 * more than ten columns are undocumented, else one call per column plus one for a missing model description. It
 * does not flow synthesized text down the DAG, so every node's gaps are counted as inheritance left them. Used by
 * the benchmark tool's `strategy` command (dev.osmosis.bench) to set osmosis's plan against it; tokens are counted
 * on osmosis's own templates for the equivalent calls, so both sides use the same prompt text. Benchmark code, so
 * it lives with the tests (in this package for PromptContexts), not in the product jar.
 */
public final class DbtOsmosisStrategy {
    /** dbt-osmosis switches from per-column calls to one table call above this many undocumented columns. */
    public static final int TABLE_CALL_THRESHOLD = 10;

    /** Calls and tokens of the strategy on a whole project. */
    public record Estimate(int nodesWithGaps, int gaps, int calls, long inputTokens, long outputTokens) {
    }

    private DbtOsmosisStrategy() {
    }

    /** dbt-osmosis's call count for one node. */
    public static int calls(int columnGaps, boolean modelGap) {
        if (columnGaps > TABLE_CALL_THRESHOLD) {
            return 1;
        }
        return columnGaps + (modelGap ? 1 : 0);
    }

    /**
     * @param afterInheritance every node's docs after plain inheritance (no synthesis)
     * @param inputTokens      counts a request's input tokens; output tokens use {@code outputTokens}
     */
    public static Estimate estimate(Project project, Lineage lineage, Map<String, NodeDocs> afterInheritance,
                                    PromptBuilder prompts, Placeholders placeholders, SynthesisSettings settings,
                                    ToLongFunction<LlmRequest> inputTokens, ToLongFunction<LlmRequest> outputTokens) {
        int nodes = 0;
        int gaps = 0;
        int calls = 0;
        long in = 0;
        long out = 0;
        for (String id : lineage.topologicalOrder()) {
            NodeDocs docs = afterInheritance.get(id);
            Node node = project.manifest().node(id).orElse(null);
            if (docs == null || node == null || node.resourceType() == ResourceType.SOURCE) {
                continue;
            }
            boolean modelGap = !placeholders.isDocumented(docs.description());
            List<ColumnDocs> columnGaps = docs.columns().stream()
                    .filter(c -> !placeholders.isDocumented(c.description())).toList();
            if (columnGaps.isEmpty() && !modelGap) {
                continue;
            }
            nodes++;
            gaps += columnGaps.size() + (modelGap ? 1 : 0);
            calls += calls(columnGaps.size(), modelGap);
            for (LlmRequest r : requests(project, lineage, afterInheritance, node, docs, columnGaps, modelGap,
                    prompts, placeholders, settings)) {
                in += inputTokens.applyAsLong(r);
                out += outputTokens.applyAsLong(r);
            }
        }
        return new Estimate(nodes, gaps, calls, in, out);
    }

    private static List<LlmRequest> requests(Project project, Lineage lineage, Map<String, NodeDocs> docsById,
                                             Node node, NodeDocs docs, List<ColumnDocs> columnGaps,
                                             boolean modelGap, PromptBuilder prompts, Placeholders placeholders,
                                             SynthesisSettings settings) {
        Catalog.Table table = project.catalog().table(node.uniqueId()).orElse(null);
        List<PromptContexts.Parent> parents = new ArrayList<>();
        for (String parentId : lineage.parents(node.uniqueId())) {
            NodeDocs parentDocs = docsById.get(parentId);
            Node parent = project.manifest().node(parentId).orElse(null);
            if (parentDocs != null && parent != null) {
                parents.add(new PromptContexts.Parent(parent, parentDocs));
            }
        }
        PromptContext base = PromptContexts.of(node, docs, table, parents, placeholders, settings);
        List<PromptContext.Column> targets = columnGaps.stream()
                .map(c -> PromptContext.Column.gap(c.name(), PromptContexts.dataType(c, table))).toList();
        List<LlmRequest> requests = new ArrayList<>();
        if (columnGaps.size() > TABLE_CALL_THRESHOLD) {
            requests.add(prompts.bulk(base.withGaps(targets, modelGap)));
            return requests;
        }
        targets.forEach(t -> requests.add(prompts.column(base, t)));
        if (modelGap) {
            requests.add(prompts.modelDescription(base.withGaps(List.of(), true)));
        }
        return requests;
    }
}
