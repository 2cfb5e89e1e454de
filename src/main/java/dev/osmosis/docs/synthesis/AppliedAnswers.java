package dev.osmosis.docs.synthesis;

import dev.osmosis.docs.Abstentions;
import dev.osmosis.docs.ColumnDocs;
import dev.osmosis.docs.NodeDocs;
import dev.osmosis.docs.Placeholders;
import dev.osmosis.text.TerminalText;
import dev.osmosis.trust.UntrustedText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.tinylog.Logger;

/**
 * A node's docs with the model's answers written in: only where still undocumented, each text through
 * {@link UntrustedText} and with the review mark. {@code synthesized}: the places written, column names and ""
 * for the model description.
 */
record AppliedAnswers(NodeDocs docs, Set<String> synthesized) {

    /**
     * Puts answers only where the docs are still undocumented, each with the review mark, after
     * {@link UntrustedText}; a refused answer leaves its place undocumented and is named. A written description
     * drops the place's {@link Abstentions#KEY}.
     */
    static AppliedAnswers of(NodeDocs docs, Map<String, String> columnText, String modelAnswer,
                             Placeholders placeholders, String markKey) {
        Set<String> synthesized = new TreeSet<>();
        List<ColumnDocs> columns = new ArrayList<>();
        for (ColumnDocs c : docs.columns()) {
            String text = filtered(columnText.get(c.name()), docs, "column " + c.name());
            if (text != null && !placeholders.isDocumented(c.description()) && placeholders.isDocumented(text)) {
                ColumnDocs filled = c.withDescription(text.strip(), null);
                Map<String, Object> meta = Abstentions.cleared(c.meta());
                columns.add(filled.withMeta(markKey == null ? meta : mark(meta, markKey)));
                synthesized.add(c.name());
            } else {
                columns.add(c);
            }
        }
        NodeDocs result = docs.withColumns(columns);
        String modelText = filtered(modelAnswer, docs, "model description");
        if (modelText != null && !placeholders.isDocumented(docs.description()) && placeholders.isDocumented(modelText)) {
            result = result.withDescription(modelText.strip());
            Map<String, Object> meta = Abstentions.cleared(docs.meta());
            result = result.withMeta(markKey == null ? meta : mark(meta, markKey));
            synthesized.add("");
        }
        return new AppliedAnswers(result, synthesized);
    }

    /** The answer as it may be written, or null when there is none or it is refused. */
    private static String filtered(String answer, NodeDocs docs, String what) {
        if (answer == null) {
            return null;
        }
        UntrustedText.Result result = UntrustedText.filter(answer);
        if (!result.note().isEmpty()) {
            // the node and column names come from the project: shown escaped, like every name on a terminal
            Logger.warn("{}: model answer: {}", TerminalText.escape(docs.uniqueId() + " " + what), result.note());
        }
        return result.text();
    }

    private static Map<String, Object> mark(Map<String, Object> meta, String markKey) {
        Map<String, Object> marked = new LinkedHashMap<>(meta);
        marked.put(markKey, true);
        return marked;
    }
}
