package dev.osmosis.project;

import java.nio.file.Path;

/** A loaded dbt project: its folder, dbt_project.yml, manifest and (possibly empty) catalog. */
public record Project(Path root, DbtProject config, Manifest manifest, Catalog catalog) {
    /** The project's own package name, as the manifest spells it (older manifests lack metadata.project_name). */
    public String packageName() {
        return manifest.projectName() != null ? manifest.projectName() : config.name();
    }

    public boolean isOwn(Node node) {
        return packageName().equals(node.packageName());
    }
}
