package dev.osmosis.cli;

import picocli.CommandLine;

/** Reads the version Maven writes into the jar manifest, so it is never typed twice. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Osmosis.class.getPackage().getImplementationVersion();
        return new String[] {"osmosis " + (version == null ? "(development build)" : version)};
    }
}
