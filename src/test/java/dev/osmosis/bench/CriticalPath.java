package dev.osmosis.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The longest chain of LLM calls along the DAG: a node's calls run one after another and only once all its parents
 * are done, so no schedule finishes sooner than this many latencies, however many calls run at once.
 */
final class CriticalPath {
    private CriticalPath() {
    }

    /**
     * @param order   every node, parents before children
     * @param parents a node's parents
     * @param calls   calls made for each node (absent: none)
     * @return the largest sum of calls over any path from a root
     */
    static int calls(List<String> order, Function<String, List<String>> parents, Map<String, Integer> calls) {
        Map<String, Integer> upTo = new HashMap<>();
        int longest = 0;
        for (String id : order) {
            int before = 0;
            for (String p : parents.apply(id)) {
                before = Math.max(before, upTo.getOrDefault(p, 0));
            }
            int here = before + calls.getOrDefault(id, 0);
            upTo.put(id, here);
            longest = Math.max(longest, here);
        }
        return longest;
    }

    /** No run of {@code calls} calls of {@code latencyMs} on {@code concurrency} slots can beat this. */
    static double lowerBoundMs(int criticalPathCalls, int calls, long latencyMs, int concurrency) {
        return Math.max((double) criticalPathCalls * latencyMs, (double) calls * latencyMs / concurrency);
    }
}
