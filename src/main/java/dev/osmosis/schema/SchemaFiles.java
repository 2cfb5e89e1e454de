package dev.osmosis.schema;

import dev.osmosis.project.DbtProject;
import dev.osmosis.project.Node;
import dev.osmosis.project.PackageHome;
import dev.osmosis.project.Project;
import dev.osmosis.project.ProjectLayout;
import dev.osmosis.project.ValuePool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Every schema YAML file of a project, parsed once, indexed by the entries it declares. The index, not the
 * manifest's patch_path, says where a node is documented: after osmosis adds an entry, the manifest is stale
 * until the next `dbt parse`, and a second run must still find it.
 */
public final class SchemaFiles {
    /** A file that could not be read or parsed: reported, left untouched, and the run goes on. */
    public record Problem(Path file, String message) {
    }

    /** An entry and the file it lives in. */
    public record Located(SchemaFile file, SchemaEntry entry) {
    }

    private final Path root;
    /** Where each node's own paths resolve; null for files loaded without a project (paths are root-relative). */
    private final ProjectLayout layout;
    private final Map<Path, SchemaFile> files;
    private final List<Problem> problems;
    private final Map<String, List<Located>> index = new HashMap<>();

    private SchemaFiles(Path root, Map<Path, SchemaFile> files, List<Problem> problems, ProjectLayout layout) {
        this.layout = layout;
        this.root = root;
        this.files = files;
        this.problems = List.copyOf(problems);
        for (SchemaFile f : files.values()) {
            for (SchemaEntry e : f.entries()) {
                index.computeIfAbsent(key(e.ref()), k -> new ArrayList<>()).add(new Located(f, e));
            }
        }
    }

    /**
     * Reads every .yml/.yaml file under {@code folders} plus {@code extraFiles} (the manifest's patch paths, which
     * may lie elsewhere); all paths absolute. Files are parsed in parallel; order is by path.
     */
    public static SchemaFiles load(Path root, Collection<Path> folders, Collection<Path> extraFiles) {
        return load(root, folders, extraFiles, null, null);
    }

    private static SchemaFiles load(Path root, Collection<Path> folders, Collection<Path> extraFiles,
                                    ProjectLayout layout, SchemaPrefetch prefetch) {
        TreeSet<Path> paths = yamlFiles(folders);
        for (Path extra : extraFiles) {
            Path p = extra.normalize();
            if (isYaml(p) && Files.isRegularFile(p)) {
                paths.add(p);
            }
        }
        Map<Path, Object> parsed = new TreeMap<>();
        ValuePool pool;
        if (prefetch != null) {
            pool = prefetch.pool();
            prefetch.finish().forEach((p, v) -> {
                if (paths.contains(p)) {
                    parsed.put(p, v);
                }
            });
        } else {
            pool = new ValuePool();
        }
        paths.stream().filter(p -> !parsed.containsKey(p)).toList().parallelStream()
                .map(p -> Map.entry(p, parse(p, pool))).toList()
                .forEach(e -> parsed.put(e.getKey(), e.getValue()));
        Map<Path, SchemaFile> files = new TreeMap<>();
        List<Problem> problems = new ArrayList<>();
        parsed.forEach((p, v) -> {
            if (v instanceof SchemaFile f) {
                files.put(p, f);
            } else {
                problems.add((Problem) v);
            }
        });
        return new SchemaFiles(root, files, problems, layout);
    }

    /** Every .yml/.yaml file under {@code folders} (those that exist), normalized, in path order. */
    static TreeSet<Path> yamlFiles(Collection<Path> folders) {
        TreeSet<Path> paths = new TreeSet<>();
        for (Path folder : folders) {
            Path dir = folder.normalize();
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(Files::isRegularFile).filter(SchemaFiles::isYaml).forEach(p -> paths.add(p.normalize()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return paths;
    }

    /** The folders a package's schema files live in: its model, seed and snapshot paths. */
    public static List<Path> folders(Path home, DbtProject config) {
        List<Path> folders = new ArrayList<>();
        for (List<String> paths : List.of(config.modelPaths(), config.seedPaths(), config.snapshotPaths())) {
            paths.forEach(p -> folders.add(home.resolve(p)));
        }
        return folders;
    }

    /**
     * Every schema file of a project: the model, seed and snapshot folders of each package that is on disk (the
     * project's own, its wrapper's, installed packages'), plus the YAML paths the manifest gives, each resolved
     * against its own package's folder.
     */
    public static SchemaFiles of(Project project) {
        return of(project, null);
    }

    /** As {@link #of(Project)}, taking the files {@code prefetch} (may be null) has parsed meanwhile. */
    public static SchemaFiles of(Project project, SchemaPrefetch prefetch) {
        List<Path> folders = new ArrayList<>();
        for (PackageHome home : project.layout().packages().values()) {
            if (home.folder() != null) {
                folders.addAll(folders(home.folder(), home.config()));
            }
        }
        List<Path> extra = new ArrayList<>();
        for (Node n : project.manifest().nodes().values()) {
            project.layout().resolve(n, n.patchPath()).ifPresent(extra::add);
            if (n.originalFilePath() != null && isYaml(Path.of(n.originalFilePath()))) {
                project.layout().resolve(n, n.originalFilePath()).ifPresent(extra::add);
            }
        }
        return load(project.root(), folders, extra, project.layout(), prefetch);
    }

    /** Whether {@code p} names a YAML file (.yml/.yaml, any case): the only files osmosis reads as schema YAML. */
    public static boolean isYaml(Path p) {
        String name = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yml") || name.endsWith(".yaml");
    }

    static Object parse(Path p, ValuePool pool) {
        try {
            return SchemaFile.parse(p, Files.readString(p, StandardCharsets.UTF_8), pool);
        } catch (SchemaParseException e) {
            return new Problem(p, e.getMessage());
        } catch (CharacterCodingException e) {
            return new Problem(p, p + " is not UTF-8 text; osmosis leaves it untouched.");
        } catch (IOException e) {
            return new Problem(p, "cannot read " + p + ": " + e.getMessage());
        } catch (StackOverflowError e) {
            // a recursive alias (`meta: &a {self: *a}`) is valid YAML but an endless value
            return new Problem(p, p + " has an alias inside the value it names (like `meta: &a {self: *a}`) or "
                    + "nesting too deep to read; osmosis leaves it untouched.");
        }
    }

    private static String key(EntryRef ref) {
        return ref.kind() + "|" + (ref.sourceName() == null ? "" : ref.sourceName().toLowerCase(Locale.ROOT)) + "|"
                + ref.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Where {@code ref} is documented, looking only inside {@code packageFolder} (a node is documented by its own
     * package; two packages may both have a model of that name). With several candidates (a name declared
     * twice), the one in {@code preferredFile} (e.g. the manifest's patch_path) wins, then an exact-case match.
     */
    private Optional<Located> find(EntryRef ref, Path packageFolder, Path preferredFile) {
        List<Located> found = index.getOrDefault(key(ref), List.of()).stream()
                .filter(l -> packageFolder == null || l.file().path().startsWith(packageFolder)).toList();
        if (found.size() <= 1) {
            return found.stream().findFirst();
        }
        if (preferredFile != null) {
            for (Located l : found) {
                if (l.file().path().equals(preferredFile)) {
                    return Optional.of(l);
                }
            }
        }
        return found.stream().filter(l -> l.entry().name().equals(ref.name())).findFirst()
                .or(() -> found.stream().findFirst());
    }

    /**
     * These files as a run's earlier step left them: {@code texts} replace (or add) files, {@code removed} drop
     * out. The texts are osmosis's own output, so they parse.
     */
    public SchemaFiles withTexts(Map<Path, String> texts, Collection<Path> removed) {
        Map<Path, SchemaFile> next = new TreeMap<>(files);
        removed.forEach(p -> next.remove(p.normalize()));
        ValuePool pool = new ValuePool();
        texts.forEach((p, text) -> next.put(p.normalize(), SchemaFile.parse(p.normalize(), text, pool)));
        return new SchemaFiles(root, next, problems, layout);
    }

    /**
     * Where {@code node}'s entry {@code ref} is: inside the node's own package folder, preferring its patch_path
     * (through the project layout these files were loaded with). Empty for a node whose package is not on disk.
     */
    public Optional<Located> find(EntryRef ref, Node node) {
        if (layout == null) {
            String preferred = node.patchPath() != null ? node.patchPath() : node.originalFilePath();
            return find(ref, root, preferred == null ? null : root.resolve(preferred).normalize());
        }
        Path folder = layout.folderOf(node).orElse(null);
        if (folder == null) {
            return Optional.empty();
        }
        Path preferred = layout.resolve(node, node.patchPath() != null ? node.patchPath() : node.originalFilePath())
                .orElse(null);
        return find(ref, folder, preferred);
    }

    /** The file at {@code path} as it was read and parsed; empty when osmosis did not read one there. */
    public Optional<SchemaFile> file(Path path) {
        return Optional.ofNullable(files.get(path.normalize()));
    }

    /** The parsed file at {@code path}, or an empty one when it does not exist (a new file to create). */
    public SchemaFile fileOrEmpty(Path path) {
        SchemaFile f = files.get(path.normalize());
        return f != null ? f : SchemaFile.empty(path.normalize());
    }

    /** True when the file exists but could not be parsed: nothing may be written to it. */
    public boolean isBroken(Path path) {
        Path p = path.normalize();
        return problems.stream().anyMatch(pr -> pr.file().equals(p));
    }

    /**
     * True when the manifest says {@code node} is documented (patch_path) or declared (a YAML original_file_path)
     * in a file that could not be parsed. Such a node is left alone entirely: an entry written elsewhere would be
     * a duplicate that breaks `dbt parse` once the file is fixed.
     */
    public boolean isBroken(Node node) {
        return brokenAt(node, node.patchPath())
                || node.originalFilePath() != null && isYaml(Path.of(node.originalFilePath()))
                && brokenAt(node, node.originalFilePath());
    }

    private boolean brokenAt(Node node, String relative) {
        if (relative == null) {
            return false;
        }
        Path file = layout != null ? layout.resolve(node, relative).orElse(null) : root.resolve(relative);
        return file != null && isBroken(file);
    }

    public List<Problem> problems() {
        return problems;
    }

    public Collection<SchemaFile> files() {
        return files.values();
    }

    public Path root() {
        return root;
    }
}
