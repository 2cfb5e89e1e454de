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

    /** The selected nodes in unique-id order. */
    public static List<Node> select(Project project, Criteria criteria, Path workingDir) {
        List<Node> candidates = project.manifest().nodes().values().stream()
                .filter(n -> project.isOwn(n)
                        || (criteria.includeExternal() && project.layout().folderOf(n).isPresent()))
                .toList();
        if (criteria.selectors().isEmpty() && criteria.fqns().isEmpty()) {
            return candidates;
        }
        Set<Node> chosen = new LinkedHashSet<>();
        for (String selector : criteria.selectors()) {
            List<Node> matched = candidates.stream().filter(n -> matchesName(n, selector)).toList();
            if (matched.isEmpty()) {
                matched = matchPath(project, candidates, selector, workingDir);
            }
            if (matched.isEmpty()) {
                throw unmatched(project, "selector '" + selector + "'", selector);
            }
            chosen.addAll(matched);
        }
        for (String fqn : criteria.fqns()) {
            List<String> parts = Arrays.asList(fqn.split("\\."));
            List<Node> matched = candidates.stream().filter(n -> fqnMatches(n, parts)).toList();
            if (matched.isEmpty()) {
                throw unmatched(project, "--fqn '" + fqn + "'", parts.get(parts.size() - 1));
            }
            chosen.addAll(matched);
        }
        return chosen.stream().sorted(java.util.Comparator.comparing(Node::uniqueId)).toList();
    }

    private static boolean matchesName(Node node, String selector) {
        return node.name().equals(selector) || node.displayName().equals(selector)
                || node.uniqueId().equals(selector);
    }

    private static List<Node> matchPath(Project project, List<Node> candidates, String selector, Path workingDir) {
        Path root = project.root().toAbsolutePath().normalize();
        List<Path> tries = new ArrayList<>();
        tries.add(workingDir.resolve(selector.replace('\\', '/')).toAbsolutePath().normalize());
        tries.add(root.resolve(selector.replace('\\', '/')).normalize());
        for (Path target : tries) {
            if (!Files.exists(target)) {
                continue;
            }
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

    private static OsmosisException unmatched(Project project, String what, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        boolean disabled = project.manifest().disabled().stream()
                .anyMatch(id -> id.toLowerCase(Locale.ROOT).endsWith("." + lower));
        if (disabled) {
            return OsmosisException.usage(what + " names a disabled node; enable it in its config to document it.");
        }
        return OsmosisException.usage(what + " matches no model, seed, snapshot or source of project '"
                + project.packageName() + "'. Use a node name, the path of a .sql/.yml file or folder, or "
                + "--fqn folder.model; add --include-external for nodes of installed packages.");
    }
}
