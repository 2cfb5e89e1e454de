package dev.osmosis.docs.synthesis;

import dev.osmosis.docs.ColumnDocs;
import java.util.ArrayList;
import java.util.List;

/** Which calls fill a node's gaps: a pure decision from the gaps and the strategy. */
final class CallPlan {
    /** One planned call. */
    sealed interface Call {
    }

    /** One structured call for these columns (and the model description when {@code model}). */
    record Bulk(List<ColumnDocs> columns, boolean model) implements Call {
    }

    /** A plain-text call for the model description. */
    record Model() implements Call {
    }

    /** A plain-text call for one column. */
    record Column(ColumnDocs column) implements Call {
    }

    private CallPlan() {
    }

    static List<Call> plan(boolean modelGap, List<ColumnDocs> columnGaps, SynthesisSettings s) {
        int gaps = columnGaps.size() + (modelGap ? 1 : 0);
        if (gaps == 0) {
            return List.of();
        }
        if (useBulk(gaps, s)) {
            List<Call> calls = new ArrayList<>();
            for (int i = 0; i < Math.max(1, columnGaps.size()); i += s.batchSize()) {
                List<ColumnDocs> batch = columnGaps.subList(Math.min(i, columnGaps.size()),
                        Math.min(i + s.batchSize(), columnGaps.size()));
                calls.add(new Bulk(List.copyOf(batch), modelGap && i == 0));
            }
            return calls;
        }
        return perGap(modelGap, columnGaps);
    }

    private static boolean useBulk(int gaps, SynthesisSettings s) {
        if (!s.jsonOutput() || s.strategy() == SynthesisSettings.Strategy.PER_COLUMN) {
            return false;
        }
        if (s.strategy() == SynthesisSettings.Strategy.BULK) {
            return true;
        }
        if (s.bulkThreshold() != null) {
            return gaps > s.bulkThreshold();
        }
        return gaps > 1; // one gap: a plain call is cheaper than a structured one
    }

    /** The calls for what a bulk answer left out, or for a strategy without bulk. */
    static List<Call> perGap(boolean modelGap, List<ColumnDocs> columnGaps) {
        List<Call> calls = new ArrayList<>();
        if (modelGap) {
            calls.add(new Model());
        }
        columnGaps.forEach(c -> calls.add(new Column(c)));
        return calls;
    }
}
