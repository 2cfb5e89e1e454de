package dev.osmosis.testing;

import dev.osmosis.docs.DocState;
import dev.osmosis.project.Project;
import dev.osmosis.project.ProjectLoader;
import dev.osmosis.schema.SchemaFiles;
import java.nio.file.Path;

/** Reads a project's documentation back from its YAML, as a following run would see it. */
public final class ProjectDocs {
    private ProjectDocs() {
    }

    public static Project load(Path root) {
        return new ProjectLoader().load(new ProjectLoader.Paths(root, null, null, null), root);
    }

    public static DocState read(Project project) {
        return DocState.read(project, SchemaFiles.of(project));
    }
}
