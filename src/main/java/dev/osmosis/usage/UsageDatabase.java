package dev.osmosis.usage;

import dev.osmosis.OsmosisException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/**
 * The one SQLite file that holds the response cache and the run ledger (see docs/adr/0301). Write-ahead logging
 * lets readers and one writer work at once; a busy timeout makes concurrent writers (threads with their own
 * connection, or other osmosis processes) wait instead of failing; every write is one short transaction.
 *
 * <p>One connection per instance, used under this object's lock, so an instance is thread-safe. Close it at the
 * end of the run.
 */
public final class UsageDatabase implements AutoCloseable {
    static final int BUSY_TIMEOUT_MS = 30_000;
    private static final int SCHEMA_VERSION = 1;

    private final Path file;
    private final Connection connection;

    private UsageDatabase(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens (creating when needed) the database at {@code file}. */
    public static UsageDatabase open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            SQLiteConfig config = new SQLiteConfig();
            config.setBusyTimeout(BUSY_TIMEOUT_MS);
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            UsageDatabase db = new UsageDatabase(file, c);
            db.createSchema();
            return db;
        } catch (IOException | SQLException e) {
            throw OsmosisException.failure("cannot open the osmosis cache and ledger at " + file + ": "
                    + e.getMessage() + " (set OSMOSIS_HOME to a writable folder)");
        }
    }

    public Path file() {
        return file;
    }

    private synchronized void createSchema() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("""
                    CREATE TABLE IF NOT EXISTS response_cache (
                      cache_key  TEXT PRIMARY KEY,
                      created_ms INTEGER NOT NULL,
                      provider   TEXT NOT NULL,
                      model      TEXT NOT NULL,
                      response   TEXT NOT NULL)""");
            s.executeUpdate("""
                    CREATE TABLE IF NOT EXISTS ledger (
                      id            INTEGER PRIMARY KEY AUTOINCREMENT,
                      time_ms       INTEGER NOT NULL,
                      run_id        TEXT NOT NULL,
                      provider      TEXT NOT NULL,
                      model         TEXT NOT NULL,
                      operation     TEXT NOT NULL,
                      node_id       TEXT,
                      input_tokens  INTEGER NOT NULL,
                      output_tokens INTEGER NOT NULL,
                      cost_usd      REAL,
                      latency_ms    INTEGER NOT NULL,
                      status        TEXT NOT NULL,
                      cache_hit     INTEGER NOT NULL)""");
            s.executeUpdate("CREATE INDEX IF NOT EXISTS ledger_time ON ledger(time_ms)");
            s.executeUpdate("PRAGMA user_version = " + SCHEMA_VERSION);
        }
    }

    /** Runs {@code work} on the connection under this instance's lock. */
    synchronized <T> T withConnection(SqlWork<T> work) throws SQLException {
        return work.run(connection);
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing was pending: every write committed in its own transaction
        }
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }
}
