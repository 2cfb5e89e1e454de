package dev.osmosis.docs.synthesis;

import dev.osmosis.docs.ColumnDocs;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Which gaps of a node the model answered with nothing usable, so the run can name them. */
final class UnusableAnswers {
    private UnusableAnswers() {
    }

    /**
     * The gaps asked for whose calls all went through yet got no text: the model answered only placeholders. A
     * gap of a failed call is not among them (it is reported as a failure).
     */
    static Set<String> of(List<CallPlan.Call> plan, List<String> failed, List<CallPlan.Call> fallback,
                          List<String> fallbackFailed, Set<String> synthesized) {
        Set<String> asked = new TreeSet<>();
        Set<String> unanswered = new TreeSet<>();
        for (int i = 0; i < plan.size(); i++) {
            (failed.get(i) == null ? asked : unanswered).addAll(gaps(plan.get(i)));
        }
        for (int i = 0; i < fallback.size(); i++) {
            (fallbackFailed.get(i) == null ? asked : unanswered).addAll(gaps(fallback.get(i)));
        }
        asked.removeAll(unanswered);
        asked.removeAll(synthesized);
        return asked;
    }

    /** The gaps a call asks for: column names, "" for the model description. */
    private static List<String> gaps(CallPlan.Call call) {
        if (call instanceof CallPlan.Bulk bulk) {
            List<String> names = new ArrayList<>(bulk.columns().stream().map(ColumnDocs::name).toList());
            if (bulk.model()) {
                names.add("");
            }
            return names;
        }
        return call instanceof CallPlan.Column col ? List.of(col.column().name()) : List.of("");
    }
}
