package dev.osmosis.usage;

import java.util.List;

/**
 * Usage of a run so far: totals, per model and per operation (rows sorted by key).
 *
 * @param total       the whole run
 * @param byModel     one row per model
 * @param byOperation one row per operation
 */
public record UsageSnapshot(UsageRow total, List<UsageRow> byModel, List<UsageRow> byOperation) {
    public UsageSnapshot {
        byModel = List.copyOf(byModel);
        byOperation = List.copyOf(byOperation);
    }
}
