package dev.osmosis.schema;

import dev.osmosis.project.Node;
import dev.osmosis.project.Project;
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
    private final Map<Path, SchemaFile> files;
    private final List<Problem> problems;
    private final Map<String, List<Located>> index = new HashMap<>();

    private SchemaFiles(Path root, Map<Path, SchemaFile> files, List<Problem> problems) {
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
     * Reads every .yml/.yaml file under {@code folders} (relative to {@code root}) plus {@code extraFiles} (the
     * manifest's patch paths, which may lie elsewhere). Files are parsed in parallel; order is by path.
     */
    public static SchemaFiles load(Path root, Collection<String> folders, Collection<String> extraFiles) {
        TreeSet<Path> paths = new TreeSet<>();
        for (String folder : folders) {
            Path dir = root.resolve(folder).normalize();
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(Files::isRegularFile).filter(SchemaFiles::isYaml).forEach(p -> paths.add(p.normalize()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (String extra : extraFiles) {
            Path p = root.resolve(extra).normalize();
            if (isYaml(p) && Files.isRegularFile(p)) {
                paths.add(p);
            }
        }
        Map<Path, Object> parsed = new TreeMap<>();
        paths.parallelStream().map(p -> Map.entry(p, parse(p))).toList()
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
        return new SchemaFiles(root, files, problems);
    }

    /** Every schema file of a project: its model, seed and snapshot folders plus the manifest's YAML paths. */
    public static SchemaFiles of(Project project) {
        List<String> folders = new ArrayList<>(project.config().modelPaths());
        folders.addAll(project.config().seedPaths());
        folders.addAll(project.config().snapshotPaths());
        List<String> extra = new ArrayList<>();
        for (Node n : project.manifest().nodes().values()) {
            if (n.patchPath() != null) {
                extra.add(n.patchPath());
            }
            if (n.originalFilePath() != null && isYaml(Path.of(n.originalFilePath()))) {
                extra.add(n.originalFilePath());
            }
        }
        return load(project.root(), folders, extra);
    }

    private static boolean isYaml(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yml") || name.endsWith(".yaml");
    }

    private static Object parse(Path p) {
        try {
            return SchemaFile.parse(p, Files.readString(p, StandardCharsets.UTF_8));
        } catch (SchemaParseException e) {
            return new Problem(p, e.getMessage());
        } catch (CharacterCodingException e) {
            return new Problem(p, p + " is not UTF-8 text; osmosis leaves it untouched.");
        } catch (IOException e) {
            return new Problem(p, "cannot read " + p + ": " + e.getMessage());
        }
    }

    private static String key(EntryRef ref) {
        return ref.kind() + "|" + (ref.sourceName() == null ? "" : ref.sourceName().toLowerCase(Locale.ROOT)) + "|"
                + ref.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Where {@code ref} is documented. With several candidates (a name declared twice), the one in
     * {@code preferredFile} (relative to the root, e.g. the manifest's patch_path) wins, then an exact-case match.
     */
    public Optional<Located> find(EntryRef ref, String preferredFile) {
        List<Located> found = index.getOrDefault(key(ref), List.of());
        if (found.size() <= 1) {
            return found.stream().findFirst();
        }
        if (preferredFile != null) {
            Path preferred = root.resolve(preferredFile).normalize();
            for (Located l : found) {
                if (l.file().path().equals(preferred)) {
                    return Optional.of(l);
                }
            }
        }
        return found.stream().filter(l -> l.entry().name().equals(ref.name())).findFirst()
                .or(() -> found.stream().findFirst());
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
        return node.patchPath() != null && isBroken(root.resolve(node.patchPath()))
                || node.originalFilePath() != null && isYaml(Path.of(node.originalFilePath()))
                && isBroken(root.resolve(node.originalFilePath()));
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
