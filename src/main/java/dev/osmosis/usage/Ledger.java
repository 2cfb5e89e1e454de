package dev.osmosis.usage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The run ledger: one row per call, kept across runs, queried by {@code osmosis llm stats --since}. */
public final class Ledger {
    private final UsageDatabase db;

    public Ledger(UsageDatabase db) {
        this.db = db;
    }

    public void append(LedgerEntry e) throws SQLException {
        db.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO ledger (time_ms, run_id, provider, model,"
                    + " operation, node_id, input_tokens, output_tokens, cost_usd, latency_ms, status, cache_hit)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setLong(1, e.time().toEpochMilli());
                s.setString(2, e.runId());
                s.setString(3, e.provider());
                s.setString(4, e.model());
                s.setString(5, e.operation());
                s.setString(6, e.nodeId());
                s.setLong(7, e.inputTokens());
                s.setLong(8, e.outputTokens());
                if (e.costUsd() == null) {
                    s.setNull(9, Types.REAL);
                } else {
                    s.setDouble(9, e.costUsd());
                }
                s.setLong(10, e.latencyMs());
                s.setString(11, e.status());
                s.setInt(12, e.cacheHit() ? 1 : 0);
                return s.executeUpdate();
            }
        });
    }

    /** Every entry recorded at or after {@code since}, oldest first. */
    public List<LedgerEntry> since(Instant since) throws SQLException {
        return db.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT time_ms, run_id, provider, model, operation,"
                    + " node_id, input_tokens, output_tokens, cost_usd, latency_ms, status, cache_hit"
                    + " FROM ledger WHERE time_ms >= ? ORDER BY time_ms, id")) {
                s.setLong(1, since.toEpochMilli());
                List<LedgerEntry> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        double cost = rs.getDouble(9);
                        Double costOrNull = rs.wasNull() ? null : cost;
                        out.add(new LedgerEntry(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2),
                                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7),
                                rs.getLong(8), costOrNull, rs.getLong(10), rs.getString(11), rs.getInt(12) == 1));
                    }
                }
                return out;
            }
        });
    }

    /**
     * The last successful call for each node: which model wrote what the node holds, as far as this ledger
     * knows. SQLite takes the bare columns of a MAX() aggregate from the row that has the maximum.
     */
    public java.util.Map<String, NodeCall> lastCallPerNode() throws SQLException {
        return db.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT node_id, provider, model, MAX(time_ms) FROM ledger"
                    + " WHERE status = 'ok' AND node_id IS NOT NULL GROUP BY node_id")) {
                java.util.Map<String, NodeCall> out = new java.util.HashMap<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), new NodeCall(rs.getString(2), rs.getString(3),
                                Instant.ofEpochMilli(rs.getLong(4))));
                    }
                }
                return out;
            }
        });
    }

    /** Totals per UTC day, provider, model and operation since {@code since}, oldest day first. */
    public List<HistoryRow> history(Instant since) throws SQLException {
        return db.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT strftime('%Y-%m-%d', time_ms / 1000, 'unixepoch') AS day, provider, model, operation,
                           COUNT(*),
                           SUM(CASE WHEN status <> 'ok' THEN 1 ELSE 0 END),
                           SUM(cache_hit),
                           SUM(MAX(input_tokens, 0)),
                           SUM(MAX(output_tokens, 0)),
                           TOTAL(cost_usd),
                           SUM(CASE WHEN status = 'ok' AND cache_hit = 0 AND cost_usd IS NULL THEN 1 ELSE 0 END)
                    FROM ledger WHERE time_ms >= ?
                    GROUP BY day, provider, model, operation
                    ORDER BY day, provider, model, operation""")) {
                s.setLong(1, since.toEpochMilli());
                List<HistoryRow> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new HistoryRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
                                rs.getDouble(10), rs.getLong(11)));
                    }
                }
                return out;
            }
        });
    }
}
