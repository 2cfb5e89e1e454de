package dev.osmosis.project;

import dev.osmosis.OsmosisException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Refuses a manifest that is not the project's: one built in another project (a monorepo's sibling, a project
 * renamed since) holds no node of the project at --project-dir, so every gate would pass on nothing (coverage
 * 100 % of 0 columns, 0 files to change, 0 descriptions to review).
 *
 * <p>A manifest is the project's when its {@code metadata.project_name} is the project's {@code name:} (a project
 * with no models yet is legitimate), or when it holds a node read from a file (not one dbt-loom injected), doc
 * block or disabled node of that package: a package maintainer's manifest is built by the integration_tests
 * wrapper and names the wrapper, and older manifests and some Fusion builds carry no project_name at all.
 */
final class ManifestOwner {
    private ManifestOwner() {
    }

    static void require(Manifest manifest, DbtProject project, Path projectDir, Path manifestFile) {
        String name = project.name();
        if (name.equals(manifest.projectName()) || holds(manifest, name)) {
            return;
        }
        throw OsmosisException.usage(manifestFile + " holds no node of project '" + name + "' (the "
                + DbtProjectReader.FILE_NAME + " in " + projectDir + "); " + contents(manifest) + ". Run `dbt parse` "
                + "in " + projectDir + " to build its manifest, or pass the --project-dir of the project this "
                + "manifest belongs to.");
    }

    private static boolean holds(Manifest manifest, String name) {
        return manifest.nodes().values().stream().anyMatch(n -> name.equals(n.packageName()) && parsedHere(n))
                || manifest.docs().values().stream().anyMatch(d -> name.equals(d.packageName()))
                || manifest.disabled().stream().anyMatch(id -> name.equals(packageOf(id)));
    }

    /**
     * Whether the manifest's build read this node from a file: a dbt-loom consumer's manifest also holds the
     * producer's public nodes, injected with an empty original_file_path, and is not the producer's manifest.
     */
    private static boolean parsedHere(Node node) {
        return node.originalFilePath() != null && !node.originalFilePath().isBlank();
    }

    /** "resource_type.package.name..." */
    private static String packageOf(String uniqueId) {
        String[] parts = uniqueId.split("\\.", 3);
        return parts.length < 2 ? null : parts[1];
    }

    /** What the manifest does hold: its project, and the packages of its nodes with how many each. */
    private static String contents(Manifest manifest) {
        Map<String, Long> perPackage = new TreeMap<>(manifest.nodes().values().stream()
                .filter(n -> n.packageName() != null)
                .collect(Collectors.groupingBy(Node::packageName, Collectors.counting())));
        String packages = perPackage.isEmpty() ? "no models, seeds, snapshots or sources"
                : "nodes of " + perPackage.entrySet().stream()
                        .map(e -> "'" + e.getKey() + "' (" + e.getValue() + ")")
                        .collect(Collectors.joining(", "));
        return (manifest.projectName() == null ? "it names no project"
                : "it is the manifest of project '" + manifest.projectName() + "'") + " and holds " + packages;
    }
}
