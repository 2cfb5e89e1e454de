package dev.osmosis.cli;

import picocli.CommandLine.Option;

/** How results reach the files: written, shown as a diff, or only checked. */
public final class WriteOptions {
    @Option(names = {"-d", "--dry-run"}, description = "Write nothing; print a unified diff of what would change.")
    boolean dryRun;

    @Option(names = {"-C", "--check"},
            description = "Exit 1 when any file changes or would change (with --dry-run: a CI gate that writes nothing).")
    boolean check;
}
