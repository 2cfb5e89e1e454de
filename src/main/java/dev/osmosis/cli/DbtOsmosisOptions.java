package dev.osmosis.cli;

import dev.osmosis.OsmosisException;
import dev.osmosis.project.Project;
import dev.osmosis.schema.EofBlankLines;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * The options dbt-osmosis's `yaml refactor | document | organize` share (its `dbt_opts` and `yaml_opts`) that
 * osmosis has no other use for, so a team's existing CI line runs unchanged. Each one is harmless here (accepted,
 * with a one-line note on stderr saying why), implemented, or refused where ignoring it would change the result.
 * README "Coming from dbt-osmosis" has the whole table.
 */
public final class DbtOsmosisOptions {
    @Option(names = "--threads", paramLabel = "N", hidden = true,
            description = "Accepted for dbt-osmosis compatibility: osmosis opens no warehouse connection.")
    Integer threads;

    @Option(names = "--profile", paramLabel = "NAME", hidden = true,
            description = "Accepted for dbt-osmosis compatibility: osmosis reads artifacts, not profiles.yml.")
    String profile;

    @Option(names = "--disable-introspection", hidden = true,
            description = "Accepted for dbt-osmosis compatibility: osmosis never queries the warehouse.")
    boolean disableIntrospection;

    @Option(names = "--create-catalog-if-not-exists", hidden = true,
            description = "Fail when there is no catalog (osmosis cannot run `dbt docs generate` itself).")
    boolean requireCatalog;

    @Option(names = "--strip-eof-blank-lines", hidden = true,
            description = "Remove blank lines at the end of each file osmosis writes.")
    boolean stripEofBlankLines;

    @Option(names = "--keep-eof-blank-lines", hidden = true,
            description = "Keep blank lines at the end of files (osmosis's default).")
    boolean keepEofBlankLines;

    @Option(names = "--no-scaffold-empty-configs", hidden = true,
            description = "Accepted for dbt-osmosis compatibility: osmosis never writes empty fields.")
    boolean noScaffold;

    @Option(names = "--scaffold-empty-configs", hidden = true,
            description = "Refused: osmosis does not write empty `description: \"\"` fields.")
    boolean scaffold;

    @Option(names = "--formatter", paramLabel = "COMMAND", hidden = true,
            description = "Refused: osmosis edits only the lines it changes; run your formatter after it.")
    String formatter;

    /** Usage errors for what osmosis cannot do the way dbt-osmosis does, before anything is read. */
    void refuseWhatWouldChangeTheResult() {
        if (stripEofBlankLines && keepEofBlankLines) {
            throw OsmosisException.usage("--strip-eof-blank-lines and --keep-eof-blank-lines exclude each other.");
        }
        if (scaffold) {
            throw OsmosisException.usage("--scaffold-empty-configs is not supported: osmosis never writes empty "
                    + "placeholder fields such as `description: \"\"`, and ignoring the flag would leave them out "
                    + "silently. Drop the flag; `osmosis coverage` lists the columns that still lack a description.");
        }
        if (formatter != null) {
            throw OsmosisException.usage("--formatter is not supported: osmosis edits only the lines it changes and "
                    + "keeps each file's own layout, so there is nothing of its own to reformat. Run the formatter "
                    + "after osmosis instead, e.g. `osmosis yaml refactor && " + formatter + " <files>` (the files "
                    + "osmosis changed are listed on stderr as `updated FILE`).");
        }
    }

    /** One line per flag that is accepted only so the dbt-osmosis command line keeps working. */
    void noteHarmless(PrintWriter err) {
        if (threads != null) {
            err.println("note: --threads: osmosis opens no warehouse connection (LLM calls: --llm-concurrency).");
        }
        if (profile != null) {
            err.println("note: --profile: osmosis reads target/manifest.json and catalog.json, not profiles.yml.");
        }
        if (disableIntrospection) {
            err.println("note: --disable-introspection: osmosis never queries the warehouse; it reads catalog.json.");
        }
    }

    /** --create-catalog-if-not-exists: dbt-osmosis would build the catalog; osmosis can only insist on one. */
    void requireCatalog(Project project) {
        if (requireCatalog && project.catalog().isEmpty()) {
            throw OsmosisException.usage("--create-catalog-if-not-exists: there is no catalog with warehouse columns, "
                    + "and osmosis cannot create one because it does not run dbt. Run `dbt docs generate` first "
                    + "(or point --catalog-path at a catalog.json).");
        }
    }

    /** The text to write: as osmosis edited it, without blank lines at the end under --strip-eof-blank-lines. */
    String finalText(String edited) {
        return stripEofBlankLines ? EofBlankLines.strip(edited) : edited;
    }
}
