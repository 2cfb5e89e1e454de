package dev.osmosis.docs.synthesis;

import dev.osmosis.docs.ColumnDocs;
import dev.osmosis.docs.NodeDocs;
import dev.osmosis.docs.Placeholders;
import dev.osmosis.llm.LlmClient;
import dev.osmosis.llm.LlmException;
import dev.osmosis.llm.LlmResponse;
import dev.osmosis.llm.prompt.BulkAnswer;
import dev.osmosis.llm.prompt.PlainAnswer;
import dev.osmosis.llm.prompt.PromptBuilder;
import dev.osmosis.llm.prompt.PromptContext;
import dev.osmosis.project.Catalog;
import dev.osmosis.project.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes what inheritance left undocumented in one node: plans the calls, sends them, applies the answers to
 * undocumented places only (human-written text is never touched), marks each synthesized description, and falls
 * back to per-column calls for what a bulk answer left out.
 */
final class NodeSynthesizer {
    /** What one node got. {@code synthesized}: column names, "" for the model description. */
    record Outcome(NodeDocs docs, Set<String> synthesized, int calls, long tokens, String failure,
                   LlmException fatal) {
    }

    private final LlmClient client;
    private final PromptBuilder prompts;
    private final Placeholders placeholders;
    private final SynthesisSettings settings;

    NodeSynthesizer(LlmClient client, PromptBuilder prompts, Placeholders placeholders, SynthesisSettings settings) {
        this.client = client;
        this.prompts = prompts;
        this.placeholders = placeholders;
        this.settings = settings;
    }

    boolean hasGaps(NodeDocs docs) {
        return !placeholders.isDocumented(docs.description()) || !columnGaps(docs).isEmpty();
    }

    private List<ColumnDocs> columnGaps(NodeDocs docs) {
        return docs.columns().stream().filter(c -> !placeholders.isDocumented(c.description())).toList();
    }

    Outcome synthesize(Node node, NodeDocs docs, Catalog.Table table, List<PromptContexts.Parent> parents) {
        boolean modelGap = !placeholders.isDocumented(docs.description());
        List<ColumnDocs> gaps = columnGaps(docs);
        PromptContext base = PromptContexts.of(node, docs, table, parents, placeholders, settings);
        Map<String, String> columnText = new LinkedHashMap<>();
        String[] modelText = {null};
        int calls = 0;
        long[] tokens = {0};
        try {
            List<ColumnDocs> leftOut = new ArrayList<>();
            boolean modelLeftOut = false;
            for (CallPlan.Call call : CallPlan.plan(modelGap, gaps, settings)) {
                calls++;
                if (call instanceof CallPlan.Bulk bulk) {
                    PromptContext ctx = base.withGaps(contextColumns(bulk.columns(), table), bulk.model());
                    LlmResponse response = client.complete(prompts.bulk(ctx));
                    tokens[0] += Math.max(0, response.usage().total());
                    BulkAnswer answer = BulkAnswer.parse(response, ctx);
                    // An answer that is a placeholder by the project's own list counts as left out.
                    answer.columns().forEach((name, text) -> {
                        if (placeholders.isDocumented(text)) {
                            columnText.put(name, text);
                        }
                    });
                    if (bulk.model() && answer.modelDescription() != null && !answer.modelDescription().isBlank()) {
                        modelText[0] = answer.modelDescription();
                    } else if (bulk.model()) {
                        modelLeftOut = true;
                    }
                    for (ColumnDocs c : bulk.columns()) {
                        if (!columnText.containsKey(c.name())) {
                            leftOut.add(c);
                        }
                    }
                } else {
                    tokens[0] += single(call, base, table, columnText, modelText);
                }
            }
            for (CallPlan.Call call : CallPlan.perGap(modelLeftOut, leftOut)) {
                calls++;
                tokens[0] += single(call, base, table, columnText, modelText);
            }
        } catch (LlmException e) {
            boolean fatal = e.kind() == LlmException.Kind.AUTHENTICATION
                    || e.kind() == LlmException.Kind.CONFIGURATION || e.kind() == LlmException.Kind.BUDGET_EXCEEDED;
            Outcome partial = apply(docs, columnText, modelText[0]);
            return new Outcome(partial.docs(), partial.synthesized(), calls, tokens[0], e.getMessage(),
                    fatal ? e : null);
        }
        Outcome applied = apply(docs, columnText, modelText[0]);
        return new Outcome(applied.docs(), applied.synthesized(), calls, tokens[0], null, null);
    }

    /** Sends one plain-text call; returns the tokens it used. */
    private long single(CallPlan.Call call, PromptContext base, Catalog.Table table, Map<String, String> columnText,
                        String[] modelText) {
        if (call instanceof CallPlan.Model) {
            LlmResponse r = client.complete(prompts.modelDescription(base.withGaps(List.of(), true)));
            String text = PlainAnswer.of(r);
            if (!text.isBlank()) {
                modelText[0] = text;
            }
            return Math.max(0, r.usage().total());
        } else if (call instanceof CallPlan.Column col) {
            PromptContext.Column target = contextColumns(List.of(col.column()), table).get(0);
            LlmResponse r = client.complete(prompts.column(base, target));
            String text = PlainAnswer.of(r, col.column().name());
            if (!text.isBlank()) {
                columnText.put(col.column().name(), text);
            }
            return Math.max(0, r.usage().total());
        }
        return 0;
    }

    private static List<PromptContext.Column> contextColumns(List<ColumnDocs> columns, Catalog.Table table) {
        return columns.stream().map(c -> PromptContext.Column.gap(c.name(), PromptContexts.dataType(c, table)))
                .toList();
    }

    /** Puts answers only where the docs are still undocumented, each with the review mark. */
    private Outcome apply(NodeDocs docs, Map<String, String> columnText, String modelText) {
        Set<String> synthesized = new TreeSet<>();
        List<ColumnDocs> columns = new ArrayList<>();
        for (ColumnDocs c : docs.columns()) {
            String text = columnText.get(c.name());
            if (text != null && !placeholders.isDocumented(c.description()) && placeholders.isDocumented(text)) {
                ColumnDocs filled = c.withDescription(text.strip(), null);
                columns.add(settings.markKey() == null ? filled : filled.withMeta(mark(c.meta())));
                synthesized.add(c.name());
            } else {
                columns.add(c);
            }
        }
        NodeDocs result = docs.withColumns(columns);
        if (modelText != null && !placeholders.isDocumented(docs.description()) && placeholders.isDocumented(modelText)) {
            result = result.withDescription(modelText.strip());
            if (settings.markKey() != null) {
                result = result.withMeta(mark(docs.meta()));
            }
            synthesized.add("");
        }
        return new Outcome(result, synthesized, 0, 0, null, null);
    }

    private Map<String, Object> mark(Map<String, Object> meta) {
        Map<String, Object> marked = new LinkedHashMap<>(meta);
        marked.put(settings.markKey(), true);
        return marked;
    }
}
