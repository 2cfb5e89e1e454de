package dev.osmosis.usage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders a {@link DryRunReport} per node and in total, as text or JSON ({@code --format json} for CI). */
public final class DryRunReportFormat {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DryRunReportFormat() {
    }

    public static String text(DryRunReport report) {
        TextTable t = new TextTable("LLM dry run (no request made)", "calls", "input tok", "est. output tok",
                "est. cost");
        for (PlanTotals n : report.perNode()) {
            t.row("  " + n.key() + (n.promptEstimated() ? " *" : ""), n.calls(), n.inputTokens(),
                    n.estimatedOutputTokens(), TextTable.usd(n.cost()));
        }
        PlanTotals total = report.total();
        t.row("total", total.calls(), total.inputTokens(), total.estimatedOutputTokens(), TextTable.usd(total.cost()));
        StringBuilder notes = new StringBuilder(t.render());
        notes.append("Output tokens are estimated (per JSON field a typical description; text answers ")
                .append(TokenCounter.DEFAULT_TEXT_OUTPUT_TOKENS).append(" tokens, capped at --llm-max-tokens).\n");
        if (!total.inputExact()) {
            notes.append("Input tokens are estimated: the provider publishes no offline tokenizer.\n");
        }
        if (total.promptEstimated()) {
            notes.append("* the prompt includes a parent's text that the real run writes first: estimated.\n");
        }
        if (total.unpricedCalls() > 0) {
            notes.append("Cost unknown for ").append(total.unpricedCalls())
                    .append(" call(s): no price for the model (add it under vars: dbt-osmosis: llm: prices:).\n");
        }
        return notes.toString();
    }

    public static String json(DryRunReport report) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode nodes = root.putArray("nodes");
        report.perNode().forEach(n -> nodes.add(totals(n)));
        root.set("total", totals(report.total()));
        return root.toPrettyString() + "\n";
    }

    private static ObjectNode totals(PlanTotals n) {
        ObjectNode o = JSON.createObjectNode();
        o.put("node", n.key());
        o.put("calls", n.calls());
        o.put("input_tokens", n.inputTokens());
        o.put("input_tokens_exact", n.inputExact());
        o.put("estimated_output_tokens", n.estimatedOutputTokens());
        if (n.cost().isPresent()) {
            o.put("estimated_cost_usd", n.cost().get());
        } else {
            o.putNull("estimated_cost_usd");
        }
        o.put("unpriced_calls", n.unpricedCalls());
        o.put("prompt_estimated", n.promptEstimated());
        return o;
    }
}
