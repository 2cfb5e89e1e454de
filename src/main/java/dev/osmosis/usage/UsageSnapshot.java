package dev.osmosis.usage;

import java.util.List;

/**
 * Usage of a run so far: totals, per model and per operation (rows sorted by key).
 *
 * @param total       the whole run
 * @param byModel     one row per model
 * @param byOperation one row per operation
 * @param abstained   descriptions the model answered "unknown" for (ADR 0714): answered calls, not failures
 */
public record UsageSnapshot(UsageRow total, List<UsageRow> byModel, List<UsageRow> byOperation, long abstained) {
    public UsageSnapshot {
        byModel = List.copyOf(byModel);
        byOperation = List.copyOf(byOperation);
    }

    public UsageSnapshot(UsageRow total, List<UsageRow> byModel, List<UsageRow> byOperation) {
        this(total, byModel, byOperation, 0);
    }
}
