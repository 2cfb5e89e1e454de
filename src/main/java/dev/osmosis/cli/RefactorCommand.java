package dev.osmosis.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `osmosis yaml refactor`: document, then drop stale columns, sync data types and sort columns. */
@Command(name = "refactor", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Document, then remove columns the catalog lacks, sync data_type and sort columns.")
public final class RefactorCommand extends DocumentCommand {
    @Mixin AutoApplyOption autoApply;

    @Option(names = "--keep-documented-columns",
            description = "Keep columns the catalog lacks when they carry a description, tests, constraints, meta "
                    + "or tags; remove only bare ones.")
    boolean keepDocumentedColumns;

    @Override
    boolean refactor() {
        return true;
    }

    @Override
    boolean keepDocumentedColumns() {
        return keepDocumentedColumns;
    }
}
