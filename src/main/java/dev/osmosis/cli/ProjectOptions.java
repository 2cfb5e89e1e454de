package dev.osmosis.cli;

import dev.osmosis.project.Node;
import dev.osmosis.project.NodeSelector;
import dev.osmosis.project.Project;
import dev.osmosis.schema.SchemaFiles;
import dev.osmosis.schema.SchemaPrefetch;
import dev.osmosis.project.ProjectLoader;
import dev.osmosis.project.UpstreamManifests;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Where the dbt project is and which of its nodes to work on; the names dbt-osmosis users know. */
public final class ProjectOptions {
    @Option(names = "--project-dir", paramLabel = "DIR",
            description = "The dbt project (default: the nearest folder upward holding dbt_project.yml).")
    Path projectDir;

    @Option(names = {"--manifest", "--manifest-path"}, paramLabel = "FILE",
            description = "manifest.json to read (default: <target-path>/manifest.json).")
    Path manifest;

    @Option(names = {"--catalog", "--catalog-path"}, paramLabel = "FILE",
            description = "catalog.json with warehouse columns (default: <target-path>/catalog.json when present).")
    Path catalog;

    @Option(names = "--profiles-dir", paramLabel = "DIR", hidden = true,
            description = "Accepted for dbt-osmosis compatibility; osmosis reads artifacts, not the warehouse.")
    Path profilesDir;

    @Option(names = {"-t", "--target"}, paramLabel = "NAME", hidden = true,
            description = "Accepted for dbt-osmosis compatibility; osmosis reads artifacts, not the warehouse.")
    String target;

    @Option(names = "--vars", paramLabel = "YAML", description = "Override dbt_project.yml vars, as dbt takes them.")
    String vars;

    @Option(names = {"-f", "--fqn"}, paramLabel = "FQN",
            description = "Select by dbt FQN prefix: folder.folder, folder.model or source.table. Repeatable.")
    List<String> fqns = new ArrayList<>();

    @Option(names = "--include-external",
            description = "Also work on nodes of other dbt projects that are on disk: installed packages, "
                    + "local: packages, the package a wrapper project builds.")
    boolean includeExternal;

    @Option(names = "--upstream-manifest", paramLabel = "NAME=PATH",
            description = "manifest.json of an upstream dbt Mesh / dbt-loom project, so columns inherit across "
                    + "projects; overrides dbt_loom.config.yml. Repeatable.")
    List<String> upstreamManifests = new ArrayList<>();

    @Parameters(paramLabel = "SELECTOR", arity = "0..*",
            description = "Model names, paths of .sql/.yml files, or folders (default: the whole project).")
    List<String> selectors = new ArrayList<>();

    /** The project, with the command's environment (dbt-loom's {@code env_var()} paths, DBT_LOOM_CONFIG). */
    public Project load(CommandContext ctx) {
        return new ProjectLoader().load(paths(ctx), ctx.workingDir());
    }

    /** A project and its schema files as they are on disk. */
    public record WithFiles(Project project, SchemaFiles files) {
    }

    /**
     * The project and its schema files. The files under the project's own folders are parsed on a second thread
     * while the manifest is read (they need no manifest), which on two cores takes most of the YAML off the wait.
     */
    public WithFiles loadWithFiles(CommandContext ctx) {
        SchemaPrefetch[] prefetch = new SchemaPrefetch[1];
        Project project;
        try {
            project = new ProjectLoader().load(paths(ctx), ctx.workingDir(),
                    (root, config) -> prefetch[0] = SchemaPrefetch.start(root, config));
        } catch (RuntimeException e) {
            if (prefetch[0] != null) {
                prefetch[0].cancel(); // no manifest, no run: stop parsing for it
            }
            throw e;
        }
        return new WithFiles(project, SchemaFiles.of(project, prefetch[0]));
    }

    private ProjectLoader.Paths paths(CommandContext ctx) {
        return new ProjectLoader.Paths(projectDir, manifest, catalog, vars,
                UpstreamManifests.parseOverrides(upstreamManifests), ctx.env());
    }

    /** The nodes to work on; a note on stderr names the YAML files a selector gave that select nothing. */
    public List<Node> select(Project project, CommandContext ctx) {
        NodeSelector.Selection selection = NodeSelector.choose(project,
                new NodeSelector.Criteria(selectors, fqns, includeExternal), ctx.workingDir());
        if (!selection.unknownYaml().isEmpty()) {
            ctx.err().println("note: skipped " + String.join(", ", selection.unknownYaml()) + ": not in the "
                    + "manifest (new since the last `dbt parse`, or no model, seed, snapshot or source in it); run "
                    + "`dbt parse` so osmosis sees its entries.");
        }
        if (!selection.notSchemaYaml().isEmpty()) {
            ctx.err().println("note: skipped " + String.join(", ", selection.notSchemaYaml()) + ": not under the "
                    + "project's model-paths, seed-paths or snapshot-paths.");
        }
        return selection.nodes();
    }
}
