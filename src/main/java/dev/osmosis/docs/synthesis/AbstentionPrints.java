package dev.osmosis.docs.synthesis;

import dev.osmosis.docs.Abstentions;
import dev.osmosis.docs.ColumnDocs;
import dev.osmosis.docs.NodeDocs;
import dev.osmosis.docs.Placeholders;
import dev.osmosis.docs.Rejections;
import dev.osmosis.llm.LlmRequest;
import dev.osmosis.llm.prompt.PromptBuilder;
import dev.osmosis.llm.prompt.PromptContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What an abstention is recorded with (ADR 0714): the fingerprint of the one-gap prompt the place would be asked
 * with, templates included. A bulk call's request changes with its batch (a rerun asks the abstained columns
 * alone, in another shape), so the response cache cannot tell a rerun from a new question; this can: the same
 * fingerprint means the model would see nothing new.
 */
final class AbstentionPrints {
    private AbstentionPrints() {
    }

    /**
     * The fingerprint of the prompt for {@code gap} (a column name, "" for the model description) in {@code ctx};
     * {@code asGap} makes a column what its prompt shows (its facts and traced ancestors), as the run asks it.
     */
    static String of(PromptBuilder prompts, PromptContext ctx, NodeDocs docs, String gap,
                     Function<ColumnDocs, PromptContext.Column> asGap) {
        LlmRequest r = gap.isEmpty() ? prompts.modelDescription(ctx.withGaps(List.of(), true))
                : prompts.column(ctx, docs.column(gap).map(asGap).orElse(PromptContext.Column.gap(gap, null)));
        return Rejections.hash(r.system() + "\n" + r.user());
    }

    /** The undocumented places of {@code docs} whose recorded abstention was made on the prompt {@code ctx} gives. */
    static Set<String> settled(PromptBuilder prompts, PromptContext ctx, NodeDocs docs, Placeholders placeholders,
                               Function<ColumnDocs, PromptContext.Column> asGap) {
        Set<String> settled = new TreeSet<>();
        Map<String, Map<String, Object>> places = new LinkedHashMap<>();
        if (!placeholders.isDocumented(docs.description())) {
            places.put("", docs.meta());
        }
        docs.columns().stream().filter(c -> !placeholders.isDocumented(c.description()))
                .forEach(c -> places.put(c.name(), c.meta()));
        places.forEach((gap, meta) -> {
            String recorded = Abstentions.fingerprint(meta);
            if (recorded != null && recorded.equals(of(prompts, ctx, docs, gap, asGap))) {
                settled.add(gap);
            }
        });
        return settled;
    }

    /** {@code docs} with each of the {@code abstained} places recording the fingerprint of its prompt in {@code ctx}. */
    static NodeDocs record(PromptBuilder prompts, PromptContext ctx, NodeDocs docs, Set<String> abstained,
                           Function<ColumnDocs, PromptContext.Column> asGap) {
        if (abstained.isEmpty()) {
            return docs;
        }
        List<ColumnDocs> columns = new ArrayList<>();
        for (ColumnDocs c : docs.columns()) {
            columns.add(abstained.contains(c.name())
                    ? c.withMeta(Abstentions.recorded(c.meta(), of(prompts, ctx, docs, c.name(), asGap))) : c);
        }
        NodeDocs out = docs.withColumns(columns);
        return abstained.contains("") ? out.withMeta(Abstentions.recorded(docs.meta(),
                of(prompts, ctx, docs, "", asGap))) : out;
    }
}
