package dev.osmosis.cli;

import picocli.CommandLine.Option;

/** Where new tags and meta go: dbt-osmosis's --fusion-compat / --no-fusion-compat (default: detected). */
public final class FusionOptions {
    @Option(names = "--fusion-compat", negatable = true,
            description = "Write new tags/meta under config: (dbt 1.10 / Fusion style); with `yaml refactor`, also move "
                    + "existing top-level ones there. Default: on for dbt >= 1.9.6 and Fusion manifests, or "
                    + "vars: dbt-osmosis: fusion-compat.")
    Boolean fusionCompat;
}
