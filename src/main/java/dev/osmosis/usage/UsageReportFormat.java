package dev.osmosis.usage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Renders a run's usage ({@code --llm-stats}) as a text table for stderr or JSON for {@code --llm-stats-file}. */
public final class UsageReportFormat {
    private static final ObjectMapper JSON = new ObjectMapper();

    private UsageReportFormat() {
    }

    public static String text(UsageSnapshot s) {
        TextTable t = new TextTable("LLM usage", "ok", "failed", "refused", "retried", "cached", "input tok", "output tok",
                "cost", "p50 ms", "p95 ms", "queued p50", "queued p95");
        section(t, "by model", s.byModel());
        section(t, "by operation", s.byOperation());
        add(t, "total", s.total());
        String note = s.total().unpricedCalls() > 0
                ? "cost unknown: no price for some model (add it under vars: dbt-osmosis: llm: prices:); priced"
                        + " calls cost " + TextTable.usd(s.total().knownCostUsd()) + "\n"
                : "";
        String abstained = s.abstained() > 0 ? "abstained: " + s.abstained() + " description(s) the model could not "
                + "tell from its input, left for their owner (answered calls, not failures)\n" : "";
        return t.render() + note + abstained;
    }

    public static String json(UsageSnapshot s) {
        ObjectNode root = JSON.createObjectNode();
        root.set("total", row(s.total()));
        root.set("by_model", rows(s.byModel()));
        root.set("by_operation", rows(s.byOperation()));
        root.put("abstained", s.abstained());
        return root.toPrettyString() + "\n";
    }

    private static void section(TextTable t, String title, List<UsageRow> rows) {
        t.row(title, "", "", "", "", "", "", "", "", "", "", "", "");
        for (UsageRow r : rows) {
            add(t, "  " + r.key(), r);
        }
    }

    private static void add(TextTable t, String label, UsageRow r) {
        t.row(label, r.ok(), r.failed(), r.refused(), r.retried(), r.cacheHits(), r.inputTokens(), r.outputTokens(),
                TextTable.usd(r.cost()), r.p50Ms(), r.p95Ms(), r.queuedP50Ms(), r.queuedP95Ms());
    }

    private static ArrayNode rows(List<UsageRow> rows) {
        ArrayNode a = JSON.createArrayNode();
        rows.forEach(r -> a.add(row(r)));
        return a;
    }

    private static ObjectNode row(UsageRow r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("key", r.key());
        o.put("requests", r.requests());
        o.put("ok", r.ok());
        o.put("failed", r.failed());
        o.put("refused", r.refused());
        o.put("retried", r.retried());
        o.put("cache_hits", r.cacheHits());
        o.put("input_tokens", r.inputTokens());
        o.put("output_tokens", r.outputTokens());
        if (r.cost().isPresent()) {
            o.put("cost_usd", r.cost().get());
        } else {
            o.putNull("cost_usd");
        }
        o.put("known_cost_usd", r.knownCostUsd());
        o.put("unpriced_calls", r.unpricedCalls());
        o.put("latency_p50_ms", r.p50Ms());
        o.put("latency_p95_ms", r.p95Ms());
        o.put("queued_p50_ms", r.queuedP50Ms());
        o.put("queued_p95_ms", r.queuedP95Ms());
        return o;
    }
}
