package dev.osmosis.project;

import dev.osmosis.OsmosisException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.tinylog.Logger;

/** Finds and reads a dbt project: dbt_project.yml, the manifest and, when present, the catalog. */
public final class ProjectLoader {
    /**
     * Where to read from. Null fields take the defaults: the nearest folder upward holding dbt_project.yml,
     * {@code <target-path>/manifest.json} and {@code <target-path>/catalog.json} when that file exists.
     */
    public record Paths(Path projectDir, Path manifest, Path catalog, String vars, Map<String, Path> upstreams,
                        Map<String, String> env) {
        public Paths {
            upstreams = upstreams == null ? Map.of() : Map.copyOf(upstreams);
            env = env == null ? Map.of() : Map.copyOf(env);
        }

        public Paths(Path projectDir, Path manifest, Path catalog, String vars) {
            this(projectDir, manifest, catalog, vars, Map.of(), Map.of());
        }
    }

    // one pool for both artifacts: their column names repeat across nodes and between the two files
    private final ValuePool names = new ValuePool();
    private final ManifestReader manifestReader = new ManifestReader(names);
    private final CatalogReader catalogReader = new CatalogReader(names);
    private final DbtProjectReader projectReader = new DbtProjectReader();

    public Project load(Paths paths, Path workingDir) {
        return load(paths, workingDir, (root, config) -> { });
    }

    /**
     * As {@link #load(Paths, Path)}; {@code located} learns the project's folder and configuration as soon as they are
     * known, before the manifest is read, so that the caller can start work that needs no manifest meanwhile.
     */
    public Project load(Paths paths, Path workingDir, BiConsumer<Path, DbtProject> located) {
        Path root = paths.projectDir() != null ? workingDir.resolve(paths.projectDir()).normalize()
                : findProjectDir(workingDir);
        if (!Files.exists(root)) {
            throw OsmosisException.usage("--project-dir " + root + " does not exist.");
        }
        if (!Files.isDirectory(root)) {
            throw OsmosisException.usage("--project-dir " + root + " is a file; pass the folder holding "
                    + DbtProjectReader.FILE_NAME + ".");
        }
        DbtProject config = projectReader.read(root, paths.vars());
        located.accept(root, config);
        Path target = ArtifactFolder.find(root, config);
        Path manifestFile = paths.manifest() != null ? workingDir.resolve(paths.manifest())
                : target.resolve("manifest.json");
        Path catalogFile = paths.catalog() != null ? workingDir.resolve(paths.catalog())
                : Files.isRegularFile(target.resolve("catalog.json")) ? target.resolve("catalog.json") : null;
        // The catalog is read on a second thread while this one reads the manifest: the two files are
        // independent and together can pass 100 MB, so on two cores this nearly halves the wait.
        FutureTask<Catalog> catalogTask = new FutureTask<>(() -> catalogFile == null ? Catalog.EMPTY
                : catalogReader.read(catalogFile));
        if (catalogFile == null) {
            catalogTask.run();
        } else {
            Thread catalogThread = new Thread(catalogTask, "osmosis-catalog-reader");
            catalogThread.setDaemon(true);
            catalogThread.start();
        }
        long start = System.nanoTime();
        Manifest manifest;
        try {
            manifest = manifestReader.read(manifestFile);
            // before upstream manifests add their nodes: those are another project's by design
            ManifestOwner.require(manifest, config, root, manifestFile);
        } catch (RuntimeException e) {
            catalogTask.cancel(true);
            throw e;
        }
        Logger.debug("read {} nodes from {} in {} ms", manifest.nodes().size(), manifestFile,
                (System.nanoTime() - start) / 1_000_000);
        Catalog catalog = await(catalogTask);
        Map<String, Path> upstreams = new LinkedHashMap<>();
        paths.upstreams().forEach((name, path) -> upstreams.put(name, workingDir.resolve(path).normalize()));
        UpstreamManifests upstream = new UpstreamManifests();
        manifest = upstream.merge(manifest, upstream.find(root, config, upstreams, paths.env()));
        if (manifest.isFusion()) {
            // Fusion's columns are its inferred output schema: the warehouse's columns, not the YAML's
            if (catalog.isEmpty()) {
                catalog = FusionManifest.inferredCatalog(manifest);
            }
            manifest = FusionManifest.declaredOnly(manifest);
        }
        ProjectLayout layout = new PackageFolders().layout(root, config, manifest);
        return new Project(root, config, manifest, catalog, layout);
    }

    private static Catalog await(FutureTask<Catalog> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw OsmosisException.failure("Interrupted while reading the catalog.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The nearest folder from {@code start} upward that holds dbt_project.yml, as dbt itself looks for it. */
    public static Path findProjectDir(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(DbtProjectReader.FILE_NAME))) {
                return dir;
            }
        }
        throw OsmosisException.usage("No " + DbtProjectReader.FILE_NAME + " in " + start.toAbsolutePath()
                + " or any folder above it. Run osmosis inside a dbt project or pass --project-dir.");
    }
}
