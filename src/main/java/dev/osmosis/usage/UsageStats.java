package dev.osmosis.usage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/** Collects every call of a run; thread-safe. {@link #snapshot()} aggregates on demand. */
public final class UsageStats {
    private final ConcurrentLinkedQueue<CallRecord> calls = new ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicLong abstained = new java.util.concurrent.atomic.AtomicLong();

    public void record(CallRecord call) {
        calls.add(call);
    }

    /** Counts descriptions the model abstained on: known once answers are read, not per call. */
    public void recordAbstained(long descriptions) {
        abstained.addAndGet(Math.max(0, descriptions));
    }

    public List<CallRecord> calls() {
        return List.copyOf(calls);
    }

    public UsageSnapshot snapshot() {
        List<CallRecord> all = calls();
        return new UsageSnapshot(aggregate("total", all), groupBy(all, CallRecord::model),
                groupBy(all, CallRecord::operation), abstained.get());
    }

    private static List<UsageRow> groupBy(List<CallRecord> all, Function<CallRecord, String> key) {
        Map<String, List<CallRecord>> groups = new TreeMap<>();
        for (CallRecord c : all) {
            groups.computeIfAbsent(key.apply(c), k -> new ArrayList<>()).add(c);
        }
        List<UsageRow> rows = new ArrayList<>();
        groups.forEach((k, group) -> rows.add(aggregate(k, group)));
        return rows;
    }

    static UsageRow aggregate(String key, Collection<CallRecord> group) {
        long ok = 0;
        long failed = 0;
        long refused = 0;
        long retried = 0;
        long hits = 0;
        long in = 0;
        long out = 0;
        double cost = 0;
        long unpriced = 0;
        List<Long> latencies = new ArrayList<>();
        List<Long> queued = new ArrayList<>();
        for (CallRecord c : group) {
            if (c.refused()) {
                refused++; // never sent: no latency, no tokens
                continue;
            }
            if (c.ok()) {
                ok++;
            } else {
                failed++;
            }
            retried += c.retried() ? 1 : 0;
            hits += c.cacheHit() ? 1 : 0;
            if (!c.cacheHit()) {
                latencies.add(c.latency().toMillis());
                queued.add(c.queued().toMillis());
            }
            if (c.billable()) {
                in += Math.max(0, c.usage().inputTokens());
                out += Math.max(0, c.usage().outputTokens());
                if (c.costUsd() == null) {
                    unpriced++;
                } else {
                    cost += c.costUsd();
                }
            }
        }
        latencies.sort(null);
        queued.sort(null);
        return new UsageRow(key, ok, failed, refused, retried, hits, in, out, cost, unpriced,
                percentile(latencies, 0.50), percentile(latencies, 0.95), percentile(queued, 0.50),
                percentile(queued, 0.95));
    }

    /** Nearest-rank percentile of sorted values; 0 for none. */
    static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
