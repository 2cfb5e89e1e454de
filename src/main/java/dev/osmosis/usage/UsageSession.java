package dev.osmosis.usage;

import dev.osmosis.AtomicFiles;
import dev.osmosis.OsmosisException;
import dev.osmosis.llm.LlmClient;
import dev.osmosis.text.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.UUID;
import org.tinylog.Logger;

/**
 * Everything the usage links of one run share: settings, prices, token counter, stats, budget, dry-run report
 * and the database. {@link #wrap} stacks Metered -&gt; Cached -&gt; Budgeted on top of the provider chain (or on
 * top of a {@link DryRunClient} under {@code --llm-dry-run}); {@link #writeReports} prints and writes what the
 * flags ask for at the end of the run. Close it when the run ends.
 */
public final class UsageSession implements AutoCloseable {
    private final UsageSettings settings;
    private final String provider;
    private final String model;
    private final Clock clock;
    private final PriceTable prices;
    private final TokenCounter tokens = new TokenCounter();
    private final UsageStats stats = new UsageStats();
    private final DryRunReport dryRunReport = new DryRunReport();
    private final Budget budget;
    private final String runId = UUID.randomUUID().toString();
    private final UsageDatabase db;

    /**
     * @param dbFile where the cache and ledger live ({@link UsageHome#databaseFile}); when it cannot be opened
     *               the run goes on without cache and ledger, with a warning
     */
    public UsageSession(UsageSettings settings, String provider, String model, Path dbFile, Clock clock) {
        this.settings = settings;
        this.provider = provider;
        this.model = model;
        this.clock = clock;
        this.prices = PriceTable.builtIn().withOverrides(settings.priceOverrides());
        this.budget = new Budget(settings.maxCostUsd(), settings.tokenBudget());
        // A dry run only reads the cache: it never creates the database.
        this.db = openQuietly(dbFile, settings.dryRun()
                && (!settings.cache() || dbFile == null || !java.nio.file.Files.exists(dbFile)));
    }

    private static UsageDatabase openQuietly(Path file, boolean notNeeded) {
        if (notNeeded || file == null) {
            return null;
        }
        try {
            return UsageDatabase.open(file);
        } catch (OsmosisException e) {
            Logger.warn("{}; running without response cache and ledger", e.getMessage());
            return null;
        }
    }

    /** The full usage chain on top of {@code providerChain} (which a dry run never calls). */
    public LlmClient wrap(LlmClient providerChain) {
        return wrap(providerChain, provider, model);
    }

    /**
     * The same chain for a second endpoint of the run (the judge of {@code osmosis llm eval}): its own provider and
     * model for prices, cache keys and the dry-run plan, the run's one budget, stats, cache and ledger.
     */
    public LlmClient wrap(LlmClient providerChain, String provider, String model) {
        LlmClient bottom = settings.dryRun()
                ? new DryRunClient(tokens, prices, provider, model, dryRunReport)
                : providerChain;
        LlmClient budgeted = new BudgetedClient(bottom, budget, tokens, prices, provider, model);
        LlmClient cached = settings.cache() && db != null
                ? new CachedClient(budgeted, new ResponseCache(db), provider, model, settings.cacheTtl(), clock)
                : budgeted;
        Ledger ledger = db == null || settings.dryRun() ? null : new Ledger(db);
        return new MeteredClient(cached, stats, prices, provider, model, ledger, runId, clock);
    }

    /**
     * At the end of a run: under {@code --llm-dry-run} the preview (text on {@code out}, or JSON when
     * {@code json}); with {@code --llm-stats} the usage table on {@code err}; with {@code --llm-stats-file} the
     * usage as JSON, written atomically.
     */
    public void writeReports(PrintWriter out, PrintWriter err, boolean json) {
        if (settings.dryRun()) {
            out.print(json ? DryRunReportFormat.json(dryRunReport)
                    : TerminalText.escapeLines(DryRunReportFormat.text(dryRunReport)));
            out.flush();
        }
        if (settings.stats()) {
            // model names are the provider's words
            err.print(TerminalText.escapeLines(UsageReportFormat.text(stats.snapshot())));
            err.flush();
        }
        if (settings.statsFile() != null) {
            writeAtomically(settings.statsFile(), UsageReportFormat.json(stats.snapshot()));
        }
    }

    static void writeAtomically(Path target, String content) {
        try {
            AtomicFiles.write(target, content);
        } catch (IOException e) {
            throw OsmosisException.failure("cannot write --llm-stats-file " + target + ": " + e.getMessage());
        }
    }

    public UsageStats stats() {
        return stats;
    }

    public DryRunReport dryRunReport() {
        return dryRunReport;
    }

    public Budget budget() {
        return budget;
    }

    public PriceTable prices() {
        return prices;
    }

    public TokenCounter tokens() {
        return tokens;
    }

    public String runId() {
        return runId;
    }

    @Override
    public void close() {
        if (db != null) {
            db.close();
        }
    }
}
