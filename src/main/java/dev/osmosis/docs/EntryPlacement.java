package dev.osmosis.docs;

import dev.osmosis.OsmosisException;
import dev.osmosis.project.DbtProject;
import dev.osmosis.project.Node;
import dev.osmosis.project.PackageHome;
import dev.osmosis.project.Project;
import dev.osmosis.project.ResourceType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses the YAML file for a node that has no entry yet, from dbt-osmosis path templates (`+dbt-osmosis:` per
 * folder): {model}, {parent}, {node.name}, {node.schema}, {node.database}, {node.resource_type},
 * {node.package_name}, {node.config[materialized]} and {node.fqn[i]} (negative i counts from the end). A template
 * is relative to the node's folder; a leading '/' makes it relative to the first model (seed, snapshot) path. All of
 * it happens inside the folder of the node's own package (a wrapper's seeds stay in integration_tests/), and the
 * package's own dbt_project.yml templates apply, then the documented project's.
 * Without a template the entry follows the folder's convention ({@link FolderConvention}: the file that documents
 * the folder's nodes, or a file per node named like the others) and only then goes to {@value #DEFAULT_TEMPLATE} in
 * the node's folder.
 */
public final class EntryPlacement {
    public static final String DEFAULT_TEMPLATE = "schema.yml";
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final Pattern FQN_INDEX = Pattern.compile("node\\.fqn\\[(-?\\d+)]");

    private EntryPlacement() {
    }

    /**
     * The file for {@code node}'s new entry, inside its own package's folder. Throws when the node's package is
     * not on disk or the template leads outside that folder; callers skip that node and go on.
     */
    public static Path target(Project project, Node node) {
        return templated(project, node).orElseGet(() -> resolve(home(project, node), node, DEFAULT_TEMPLATE));
    }

    /**
     * As {@link #target(Project, Node)}, but without a template the entry follows the folder's own files
     * ({@link FolderConvention}) before it falls back to {@value #DEFAULT_TEMPLATE}.
     */
    static Path target(Project project, Node node, FolderConvention convention) {
        Optional<Path> templated = templated(project, node);
        if (templated.isPresent()) {
            return templated.get();
        }
        Path root = home(project, node).folder().normalize();
        return convention.fileFor(node).map(Path::normalize).filter(p -> p.startsWith(root))
                .orElseGet(() -> resolve(home(project, node), node, DEFAULT_TEMPLATE));
    }

    /**
     * The file a path template names for the node, or empty when none applies (the entry then stays where it is).
     * Sources take theirs from {@code vars: dbt-osmosis: sources: NAME: PATH} (or {@code {path: PATH}}), relative to
     * the first model path, as dbt-osmosis reads it. A name without .yml/.yaml gets .yml, as in dbt-osmosis.
     *
     * @throws OsmosisException when the template uses an unknown variable or leads outside the project
     */
    public static Optional<Path> templated(Project project, Node node) {
        PackageHome home = home(project, node);
        if (node.resourceType() == ResourceType.SOURCE) {
            Object spec = home.config().osmosisVars().get("sources") instanceof Map<?, ?> sources
                    ? sources.get(node.sourceName()) : null;
            Object path = spec instanceof Map<?, ?> m ? m.get("path") : spec;
            if (!(path instanceof String p) || p.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(resolve(home, node, "/" + p.strip().replaceFirst("^/+", "")));
        }
        // the package's own dbt_project.yml first, then the documented project's (which may configure packages)
        return home.config().osmosisPathTemplate(node.resourceType(), node.fqn())
                .or(() -> project.config().osmosisPathTemplate(node.resourceType(), node.fqn()))
                .map(template -> resolve(home, node, template));
    }

    private static PackageHome home(Project project, Node node) {
        return project.layout().home(node.packageName()).filter(h -> h.folder() != null)
                .orElseThrow(() -> OsmosisException.failure(node.displayName() + " belongs to project '"
                        + node.packageName() + "', whose folder osmosis did not find; it is read, not written."));
    }

    private static Path resolve(PackageHome home, Node node, String template) {
        Path root = home.folder().normalize();
        String expanded = expand(template, node);
        if (!expanded.endsWith(".yml") && !expanded.endsWith(".yaml")) {
            expanded += ".yml";
        }
        String file = node.originalFilePath() == null ? "" : node.originalFilePath();
        int slash = file.lastIndexOf('/');
        Path folder = root.resolve(slash < 0 ? "" : file.substring(0, slash));
        if (expanded.startsWith("/")) {
            folder = root.resolve(pathsFor(home.config(), node.resourceType()).get(0));
            expanded = expanded.substring(1);
        }
        Path target = folder.resolve(expanded).normalize();
        if (!target.startsWith(root)) {
            throw OsmosisException.failure("the path template \"" + template + "\" puts " + node.displayName()
                    + " outside its project's folder " + root + " (" + target + ").");
        }
        return target;
    }

    private static List<String> pathsFor(DbtProject config, ResourceType type) {
        return switch (type) {
            case SEED -> config.seedPaths();
            case SNAPSHOT -> config.snapshotPaths();
            default -> config.modelPaths();
        };
    }

    static String expand(String template, Node node) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1).strip(), node, template)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String value(String variable, Node node, String template) {
        String file = node.originalFilePath() == null ? "" : node.originalFilePath();
        String[] parts = file.split("/");
        Matcher fqn = FQN_INDEX.matcher(variable);
        if (fqn.matches()) {
            int i = Integer.parseInt(fqn.group(1));
            int index = i < 0 ? node.fqn().size() + i : i;
            if (index >= 0 && index < node.fqn().size()) {
                return node.fqn().get(index);
            }
        }
        String value = switch (variable) {
            case "model", "node.name" -> node.name();
            case "parent" -> parts.length >= 2 ? parts[parts.length - 2] : "";
            case "node.schema" -> node.schema();
            case "node.database" -> node.database();
            case "node.resource_type" -> node.resourceType().label();
            case "node.package_name" -> node.packageName();
            case "node.config[materialized]", "node.config.materialized" -> node.materialized();
            default -> null;
        };
        if (value == null) {
            throw OsmosisException.failure("+dbt-osmosis: \"" + template + "\" uses {" + variable + "}, which osmosis "
                    + "cannot fill for " + node.name() + ". Use {model}, {parent}, {node.name}, {node.schema}, "
                    + "{node.database}, {node.resource_type}, {node.package_name}, {node.config[materialized]} or "
                    + "{node.fqn[i]}.");
        }
        return value;
    }
}
