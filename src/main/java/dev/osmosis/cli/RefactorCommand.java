package dev.osmosis.cli;

import picocli.CommandLine.Command;

/** `osmosis yaml refactor`: document, then drop stale columns, sync data types and sort columns. */
@Command(name = "refactor", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Document, then remove columns the catalog lacks, sync data_type and sort columns.")
public final class RefactorCommand extends DocumentCommand {
    @Override
    boolean refactor() {
        return true;
    }
}
