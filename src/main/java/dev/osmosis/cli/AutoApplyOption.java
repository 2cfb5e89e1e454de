package dev.osmosis.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * dbt-osmosis's --auto-apply (`yaml refactor`, `yaml organize`): apply file moves without asking. osmosis never
 * prompts, so it is accepted and changes nothing; the note says so once.
 */
public final class AutoApplyOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--auto-apply", hidden = true,
            description = "Accepted for dbt-osmosis compatibility: osmosis never prompts, every change is applied "
                    + "(preview with --dry-run).")
    void autoApply(boolean ignored) {
        // nothing to do: there is no confirmation step to skip
    }
}
