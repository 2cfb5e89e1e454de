package dev.osmosis.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `osmosis yaml refactor`: document, then drop stale columns, sync data types and sort columns. */
@Command(name = "refactor", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Document, then remove columns the catalog lacks, sync data_type and sort columns.")
public final class RefactorCommand extends DocumentCommand {
    @Mixin AutoApplyOption autoApply;

    @Override
    boolean refactor() {
        return true;
    }
}
