package dev.osmosis.cli;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Finds the environment of the root {@link Osmosis} command above a subcommand (never System.getenv). */
final class UsageCommandSupport {
    private UsageCommandSupport() {
    }

    static Map<String, String> environment(CommandSpec spec, Map<String, String> fallback) {
        for (CommandLine c = spec == null ? null : spec.commandLine(); c != null; c = c.getParent()) {
            if (c.getCommand() instanceof Osmosis root) {
                return root.environment();
            }
        }
        return fallback == null ? Map.of() : fallback;
    }
}
