package dev.osmosis.project;

import java.nio.file.Path;

/**
 * A loaded dbt project: its folder, dbt_project.yml, manifest, (possibly empty) catalog, and the layout that says
 * which package each node belongs to and where that package's files are.
 */
public record Project(Path root, DbtProject config, Manifest manifest, Catalog catalog, ProjectLayout layout) {
    public Project(Path root, DbtProject config, Manifest manifest, Catalog catalog) {
        this(root, config, manifest, catalog, ProjectLayout.single(root, config));
    }

    /**
     * The package documented: the {@code name:} of the dbt_project.yml at the project folder, even when the
     * manifest was built from a wrapper project (a package's integration_tests) whose name is another.
     */
    public String packageName() {
        return layout.own();
    }

    public boolean isOwn(Node node) {
        return layout.isOwn(node);
    }
}
