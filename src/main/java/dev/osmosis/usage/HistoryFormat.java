package dev.osmosis.usage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Renders ledger history ({@code osmosis llm stats}) as text or JSON. */
public final class HistoryFormat {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HistoryFormat() {
    }

    public static String text(List<HistoryRow> rows, String since) {
        if (rows.isEmpty()) {
            return "No LLM calls recorded in the last " + since + ".\n";
        }
        TextTable t = new TextTable("day", "provider", "model", "operation", "calls", "failed", "cached",
                "input tok", "output tok", "cost");
        long calls = 0;
        long failed = 0;
        long hits = 0;
        long in = 0;
        long out = 0;
        double cost = 0;
        long unpriced = 0;
        for (HistoryRow r : rows) {
            t.row(r.day(), r.provider(), r.model(), r.operation(), r.calls(), r.failed(), r.cacheHits(),
                    r.inputTokens(), r.outputTokens(), cost(r.costUsd(), r.unpriced()));
            calls += r.calls();
            failed += r.failed();
            hits += r.cacheHits();
            in += r.inputTokens();
            out += r.outputTokens();
            cost += r.costUsd();
            unpriced += r.unpriced();
        }
        t.row("total (" + since + ")", "", "", "", calls, failed, hits, in, out, cost(cost, unpriced));
        return t.render();
    }

    public static String json(List<HistoryRow> rows, String since) {
        ObjectNode root = JSON.createObjectNode();
        root.put("since", since);
        ArrayNode a = root.putArray("rows");
        for (HistoryRow r : rows) {
            ObjectNode o = a.addObject();
            o.put("day", r.day());
            o.put("provider", r.provider());
            o.put("model", r.model());
            o.put("operation", r.operation());
            o.put("calls", r.calls());
            o.put("failed", r.failed());
            o.put("cache_hits", r.cacheHits());
            o.put("input_tokens", r.inputTokens());
            o.put("output_tokens", r.outputTokens());
            o.put("known_cost_usd", r.costUsd());
            o.put("unpriced_calls", r.unpriced());
        }
        return root.toPrettyString() + "\n";
    }

    private static String cost(double known, long unpriced) {
        return unpriced > 0 ? TextTable.usd(known) + " + " + unpriced + " unpriced" : TextTable.usd(known);
    }
}
