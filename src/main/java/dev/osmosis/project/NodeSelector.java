package dev.osmosis.project;

import dev.osmosis.OsmosisException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Chooses the nodes a command works on, as dbt-osmosis takes selectors: positional model names, paths of .sql/.yml
 * files or folders, and {@code --fqn} prefixes. Unlike dbt-osmosis (its issue #200), a selector that matches
 * nothing is an error, not a silent no-op.
 */
public final class NodeSelector {
    /** What the user asked for; empty lists select every node of the project's own package. */
    public record Criteria(List<String> selectors, List<String> fqns, boolean includeExternal) {
        public Criteria {
            selectors = selectors == null ? List.of() : List.copyOf(selectors);
            fqns = fqns == null ? List.of() : List.copyOf(fqns);
        }

        public static Criteria all() {
            return new Criteria(List.of(), List.of(), false);
        }
    }

    private NodeSelector() {
    }

    /**
     * The selected nodes in unique-id order, and the YAML files a selector named that no selected node is documented
     * in. Those are skipped, not an error: a pre-commit hook passes every YAML file a commit touches, among them a
     * file written since the last `dbt parse`, one that holds only exposures, or dbt_project.yml itself.
     *
     * @param unknownYaml  schema YAML under the project's model, seed or snapshot paths that the manifest does not know
     * @param notSchemaYaml other YAML files (dbt_project.yml, packages.yml, CI configuration, ...)
     */
    public record Selection(List<Node> nodes, List<String> unknownYaml, List<String> notSchemaYaml) {
        public Selection {
            nodes = List.copyOf(nodes);
            unknownYaml = List.copyOf(unknownYaml);
            notSchemaYaml = List.copyOf(notSchemaYaml);
        }
    }

    /** The selected nodes in unique-id order (YAML files the manifest does not know select nothing). */
    public static List<Node> select(Project project, Criteria criteria, Path workingDir) {
        return choose(project, criteria, workingDir).nodes();
    }

    /** The selected nodes, and the YAML files that were skipped ({@link Selection}). */
    public static Selection choose(Project project, Criteria criteria, Path workingDir) {
        List<Node> candidates = project.manifest().nodes().values().stream()
                .filter(n -> project.isOwn(n)
                        || (criteria.includeExternal() && project.layout().folderOf(n).isPresent()))
                .toList();
        if (criteria.selectors().isEmpty() && criteria.fqns().isEmpty()) {
            return new Selection(candidates, List.of(), List.of());
        }
        Set<Node> chosen = new LinkedHashSet<>();
        List<String> unknownYaml = new ArrayList<>();
        List<String> notSchemaYaml = new ArrayList<>();
        for (String selector : criteria.selectors()) {
            List<Node> matched = candidates.stream().filter(n -> matchesName(n, selector)).toList();
            if (matched.isEmpty()) {
                matched = matchPath(project, candidates, selector, workingDir);
            }
            if (matched.isEmpty()) {
                Path yaml = yamlFile(project, selector, workingDir);
                if (yaml == null) {
                    throw unmatched(project, "selector '" + selector + "'", selector, candidates);
                }
                (isUnderResourcePaths(project, yaml) ? unknownYaml : notSchemaYaml).add(selector);
                continue;
            }
            chosen.addAll(matched);
        }
        for (String fqn : criteria.fqns()) {
            List<String> parts = Arrays.asList(fqn.split("\\."));
            List<Node> matched = candidates.stream().filter(n -> fqnMatches(n, parts)).toList();
            if (matched.isEmpty()) {
                throw unmatched(project, "--fqn '" + fqn + "'", parts.get(parts.size() - 1), candidates);
            }
            chosen.addAll(matched);
        }
        return new Selection(chosen.stream().sorted(java.util.Comparator.comparing(Node::uniqueId)).toList(),
                unknownYaml, notSchemaYaml);
    }

    private static boolean matchesName(Node node, String selector) {
        return node.name().equals(selector) || node.displayName().equals(selector)
                || node.uniqueId().equals(selector);
    }

    private static List<Node> matchPath(Project project, List<Node> candidates, String selector, Path workingDir) {
        for (Path target : existing(project, selector, workingDir)) {
            boolean folder = Files.isDirectory(target);
            List<Node> matched = candidates.stream().filter(n -> {
                for (String file : nodeFiles(n)) {
                    Path p = project.layout().resolve(n, file).orElse(null);
                    if (p != null && (folder ? p.startsWith(target) : p.equals(target))) {
                        return true;
                    }
                }
                return false;
            }).toList();
            if (!matched.isEmpty()) {
                return matched;
            }
        }
        return List.of();
    }

    /** The file or folder a selector names: relative to the working folder, else to the project. */
    private static List<Path> existing(Project project, String selector, Path workingDir) {
        Path root = project.root().toAbsolutePath().normalize();
        String path = selector.replace('\\', '/');
        return java.util.stream.Stream.of(workingDir.resolve(path).toAbsolutePath().normalize(),
                root.resolve(path).normalize()).filter(Files::exists).distinct().toList();
    }

    /** The YAML file a selector names, or null when it names none. */
    private static Path yamlFile(Project project, String selector, Path workingDir) {
        String lower = selector.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".yml") && !lower.endsWith(".yaml")) {
            return null;
        }
        return existing(project, selector, workingDir).stream().filter(Files::isRegularFile).findFirst()
                .orElse(null);
    }

    /** Under one of the project's model-paths, seed-paths or snapshot-paths: where dbt reads schema YAML. */
    private static boolean isUnderResourcePaths(Project project, Path file) {
        Path root = project.root().toAbsolutePath().normalize();
        List<String> folders = new ArrayList<>(project.config().modelPaths());
        folders.addAll(project.config().seedPaths());
        folders.addAll(project.config().snapshotPaths());
        return folders.stream().anyMatch(f -> file.startsWith(root.resolve(PathNames.normalize(f)).normalize()));
    }

    private static List<String> nodeFiles(Node n) {
        List<String> files = new ArrayList<>(2);
        if (n.originalFilePath() != null) {
            files.add(n.originalFilePath());
        }
        if (n.patchPath() != null) {
            files.add(n.patchPath());
        }
        return files;
    }

    /** dbt-osmosis matches fqn prefixes without the project name; osmosis accepts both forms. */
    private static boolean fqnMatches(Node node, List<String> parts) {
        List<String> fqn = node.fqn();
        return startsWith(fqn, parts) || (fqn.size() > 1 && startsWith(fqn.subList(1, fqn.size()), parts));
    }

    private static boolean startsWith(List<String> fqn, List<String> prefix) {
        if (prefix.size() > fqn.size()) {
            return false;
        }
        for (int i = 0; i < prefix.size(); i++) {
            if (!fqn.get(i).equalsIgnoreCase(prefix.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static OsmosisException unmatched(Project project, String what, String name, List<Node> candidates) {
        String lower = name.toLowerCase(Locale.ROOT);
        boolean disabled = project.manifest().disabled().stream()
                .anyMatch(id -> id.toLowerCase(Locale.ROOT).endsWith("." + lower));
        if (disabled) {
            return OsmosisException.usage(what + " names a disabled node; enable it in its config to document it.");
        }
        String hint = dev.osmosis.text.Suggestions.closest(name, candidates.stream().map(Node::name).distinct()
                .sorted().toList()).map(n -> " Did you mean " + n + "?").orElse("");
        return OsmosisException.usage(what + " matches no model, seed, snapshot or source of project '"
                + project.packageName() + "'." + hint + " Use a node name, the path of a .sql/.yml file or folder, or "
                + "--fqn folder.model; add --include-external for nodes of installed packages.");
    }
}
