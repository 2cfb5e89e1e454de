package dev.osmosis.docs.synthesis;

import dev.osmosis.docs.ColumnDocs;
import dev.osmosis.docs.NodeDocs;
import dev.osmosis.docs.Rejections;
import dev.osmosis.llm.LlmException;
import dev.osmosis.trust.UntrustedText;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the calls of one node gathered; its calls may run on several threads. An answer that repeats a text a
 * reviewer rejected at its place (docs/adr/0706) is set aside here, so a gap it left can be asked again with the
 * rejected text named, and named itself when the model repeats it even then.
 */
final class NodeAnswers {
    /** The rejection records of the node's description ("") and columns, only where there are some. */
    final Map<String, Map<String, Object>> rejectionMeta = new HashMap<>();
    final Map<String, String> columnText = new ConcurrentHashMap<>();
    final AtomicReference<String> modelText = new AtomicReference<>();
    final AtomicInteger calls = new AtomicInteger();
    final AtomicLong tokens = new AtomicLong();
    /** An error that stops every further call (authentication, configuration, budget). */
    final AtomicReference<LlmException> fatal = new AtomicReference<>();
    /** Rejected texts an answer gave again, by column name ("" for the model description). */
    final Map<String, String> rejectedGiven = new ConcurrentHashMap<>();
    /** Gaps whose prompt already named their rejected text: not asked a third time. */
    final Set<String> rejectionNamed = ConcurrentHashMap.newKeySet();
    /** Gaps the model abstained on ("" for the model description): not asked again in this run (ADR 0714). */
    final Set<String> abstained = ConcurrentHashMap.newKeySet();

    /** The gaps' traced documented ancestors, which each gap's prompt names (like its rejected text). */
    final GapAncestry ancestry;

    NodeAnswers(NodeDocs docs, GapAncestry ancestry) {
        this.ancestry = ancestry;
        if (docs.meta().containsKey(Rejections.KEY)) {
            rejectionMeta.put("", docs.meta());
        }
        docs.columns().stream().filter(c -> c.meta().containsKey(Rejections.KEY))
                .forEach(c -> rejectionMeta.put(c.name(), c.meta()));
    }

    /** Rejected as answered, or as it would be written (a reviewer saw and hashed the filtered text). */
    private boolean rejected(String gap, String text) {
        Map<String, Object> meta = rejectionMeta.getOrDefault(gap, Map.of());
        if (meta.isEmpty() || text == null) {
            return false;
        }
        String written = UntrustedText.filter(text).text();
        return Rejections.isRejected(meta, text) || written != null && Rejections.isRejected(meta, written);
    }

    /** Keeps a column's answer unless a reviewer rejected that very text there. */
    void column(String name, String text) {
        if (rejected(name, text)) {
            rejectedGiven.put(name, text);
        } else {
            columnText.put(name, text);
        }
    }

    void model(String text) {
        if (rejected("", text)) {
            rejectedGiven.put("", text);
        } else {
            modelText.set(text);
        }
    }

    /** The model said it cannot tell what this gap means. */
    void abstain(String gap) {
        abstained.add(gap);
    }

    /** The gaps left undocumented because the model abstained and no other answer filled them. */
    Set<String> stillAbstained(Set<String> synthesized) {
        Set<String> left = new TreeSet<>(abstained);
        left.removeAll(synthesized);
        return left;
    }

    /** The rejected text to name in a prompt for this gap ("" for the model description), or "" if none. */
    String rejectedFor(String gap) {
        String text = rejectedGiven.getOrDefault(gap, "");
        if (!text.isEmpty()) {
            rejectionNamed.add(gap);
        }
        return text;
    }

    /** One plain call per gap that got only a rejected text from prompts that did not name it. */
    List<CallPlan.Call> toAskAgain(List<ColumnDocs> gaps) {
        boolean model = modelText.get() == null && rejectedGiven.containsKey("") && !rejectionNamed.contains("");
        List<ColumnDocs> columns = gaps.stream().filter(c -> !columnText.containsKey(c.name())
                && rejectedGiven.containsKey(c.name()) && !rejectionNamed.contains(c.name())).toList();
        return CallPlan.perGap(model, columns);
    }

    /** Gaps left undocumented because the only answers were rejected texts. */
    Set<String> stillRejected() {
        Set<String> left = new TreeSet<>(rejectedGiven.keySet());
        left.removeAll(columnText.keySet());
        if (modelText.get() != null) {
            left.remove("");
        }
        return left;
    }
}
