package dev.osmosis.docs.synthesis;

import dev.osmosis.docs.ColumnDocs;
import dev.osmosis.llm.LlmException;
import java.util.ArrayList;
import java.util.List;

/** The failure message of a node whose calls partly failed: which calls (a batch by its columns) and why. */
final class FailedCalls {
    /** Failed calls named in the message; more are counted. */
    private static final int MAX_LISTED = 3;

    private FailedCalls() {
    }

    /**
     * The node's failure: the error itself for a lone call, else which calls failed (a batch by its columns, so
     * the user can tell what stays undocumented); null when every call was answered.
     */
    static String message(List<CallPlan.Call> plan, List<String> failed, List<CallPlan.Call> fallback,
                          List<String> fallbackFailed, LlmException fatal) {
        List<String> what = new ArrayList<>();
        String first = null;
        int total = plan.size() + fallback.size();
        for (int i = 0; i < total; i++) {
            boolean planned = i < plan.size();
            String error = planned ? failed.get(i) : fallbackFailed.get(i - plan.size());
            if (error != null) {
                first = first == null ? error : first;
                what.add(describe(planned ? plan.get(i) : fallback.get(i - plan.size()), i, plan.size()));
            }
        }
        if (first == null) {
            return null;
        }
        if (fatal != null) {
            return fatal.getMessage();
        }
        if (total == 1) {
            return first;
        }
        String listed = String.join(", ", what.subList(0, Math.min(MAX_LISTED, what.size())))
                + (what.size() > MAX_LISTED ? " and " + (what.size() - MAX_LISTED) + " more" : "");
        return what.size() + " of " + total + " calls failed (" + listed + "), the answers of the others are kept: "
                + first;
    }

    private static String describe(CallPlan.Call call, int index, int planned) {
        if (call instanceof CallPlan.Bulk bulk) {
            List<ColumnDocs> cols = bulk.columns();
            String range = cols.isEmpty() ? "model description" : cols.size() == 1 ? cols.get(0).name()
                    : cols.get(0).name() + ".." + cols.get(cols.size() - 1).name();
            return "batch " + (index + 1) + "/" + planned + ": " + range;
        } else if (call instanceof CallPlan.Column col) {
            return "column " + col.column().name();
        }
        return "model description";
    }
}
