package dev.osmosis.project;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One dbt project that contributes nodes to the manifest, and where it lives.
 *
 * @param name   the package name, as nodes carry it in {@code package_name}
 * @param folder the folder of its dbt_project.yml, or null when it is known only from a manifest (a dbt-loom /
 *               dbt Mesh upstream project, or a package that is not installed here): such nodes are read, never
 *               written
 * @param config its dbt_project.yml, or null without a folder
 */
public record PackageHome(String name, Path folder, DbtProject config) {
    public Optional<Path> folderOpt() {
        return Optional.ofNullable(folder);
    }
}
