package dev.osmosis.usage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The calls a dry run would have made, per node and in total; thread-safe. */
public final class DryRunReport {
    static final String NO_NODE = "(no node)";

    private final ConcurrentLinkedQueue<PlannedCall> calls = new ConcurrentLinkedQueue<>();
    private final Set<String> estimatedPrompts = ConcurrentHashMap.newKeySet();

    public void add(PlannedCall call) {
        calls.add(call);
    }

    /**
     * Notes that a node's prompt includes text a real run would first write for a parent (in a dry run that text
     * is a placeholder), so its token count is an estimate. The synthesis step calls this.
     */
    public void markPromptEstimated(String nodeId) {
        estimatedPrompts.add(nodeId == null ? NO_NODE : nodeId);
    }

    public List<PlannedCall> calls() {
        return List.copyOf(calls);
    }

    /** One row per node, sorted by node id. */
    public List<PlanTotals> perNode() {
        Map<String, List<PlannedCall>> byNode = new TreeMap<>();
        for (PlannedCall c : calls) {
            byNode.computeIfAbsent(c.nodeId() == null ? NO_NODE : c.nodeId(), k -> new ArrayList<>()).add(c);
        }
        List<PlanTotals> rows = new ArrayList<>();
        byNode.forEach((node, group) -> rows.add(sum(node, group, estimatedPrompts.contains(node))));
        return rows;
    }

    public PlanTotals total() {
        return sum("total", calls(), !estimatedPrompts.isEmpty());
    }

    private static PlanTotals sum(String key, Collection<PlannedCall> group, boolean promptEstimated) {
        long in = 0;
        long out = 0;
        double cost = 0;
        long unpriced = 0;
        boolean exact = true;
        for (PlannedCall c : group) {
            in += c.inputTokens();
            out += c.estimatedOutputTokens();
            exact &= c.inputExact();
            if (c.costUsd() == null) {
                unpriced++;
            } else {
                cost += c.costUsd();
            }
        }
        return new PlanTotals(key, group.size(), in, out, cost, unpriced, exact, promptEstimated);
    }
}
