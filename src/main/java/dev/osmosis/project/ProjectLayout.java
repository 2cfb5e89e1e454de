package dev.osmosis.project;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which dbt project each node belongs to and where that project's files are. The project documented is the one
 * whose dbt_project.yml is at --project-dir ({@code own}), wherever it sits in the manifest: the root project, or a
 * package built from an integration_tests wrapper. Every path a node carries is relative to its own package's
 * folder, so it is resolved here and nowhere else.
 */
public record ProjectLayout(String own, Map<String, PackageHome> packages) {
    public ProjectLayout {
        packages = Collections.unmodifiableMap(new TreeMap<>(packages));
    }

    /** A layout that knows only the project itself, for callers with a single project at {@code root}. */
    public static ProjectLayout single(Path root, DbtProject config) {
        return new ProjectLayout(config.name(), Map.of(config.name(), new PackageHome(config.name(), root, config)));
    }

    public Optional<PackageHome> home(String packageName) {
        return Optional.ofNullable(packageName == null ? null : packages.get(packageName));
    }

    /** The folder of the node's own package, when it is on disk. */
    public Optional<Path> folderOf(Node node) {
        return home(node.packageName()).flatMap(PackageHome::folderOpt);
    }

    public boolean isOwn(Node node) {
        return own.equals(node.packageName());
    }

    /** A path the manifest gives for {@code node} (relative to its package), as a file on disk. */
    public Optional<Path> resolve(Node node, String relativePath) {
        if (relativePath == null) {
            return Optional.empty();
        }
        return folderOf(node).map(f -> f.resolve(relativePath).normalize());
    }
}
