package dev.osmosis.docs;

import dev.osmosis.OsmosisException;
import dev.osmosis.project.Node;
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
 * is relative to the node's folder; a leading '/' makes it relative to the first model (seed, snapshot) path.
 * Without a template the entry goes to {@value #DEFAULT_TEMPLATE} in the node's folder.
 */
public final class EntryPlacement {
    public static final String DEFAULT_TEMPLATE = "schema.yml";
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final Pattern FQN_INDEX = Pattern.compile("node\\.fqn\\[(-?\\d+)]");

    private EntryPlacement() {
    }

    public static Path target(Project project, Node node) {
        return templated(project, node).orElseGet(() -> resolve(project, node, DEFAULT_TEMPLATE));
    }

    /**
     * The file a path template names for the node, or empty when none applies (the entry then stays where it is).
     * Sources take theirs from {@code vars: dbt-osmosis: sources: NAME: PATH} (or {@code {path: PATH}}), relative to
     * the first model path, as dbt-osmosis reads it. A name without .yml/.yaml gets .yml, as in dbt-osmosis.
     *
     * @throws OsmosisException when the template uses an unknown variable or leads outside the project
     */
    public static Optional<Path> templated(Project project, Node node) {
        if (node.resourceType() == ResourceType.SOURCE) {
            Object spec = project.config().osmosisVars().get("sources") instanceof Map<?, ?> sources
                    ? sources.get(node.sourceName()) : null;
            Object path = spec instanceof Map<?, ?> m ? m.get("path") : spec;
            if (!(path instanceof String p) || p.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(resolve(project, node, "/" + p.strip().replaceFirst("^/+", "")));
        }
        return project.config().osmosisPathTemplate(node.resourceType(), node.fqn())
                .map(template -> resolve(project, node, template));
    }

    private static Path resolve(Project project, Node node, String template) {
        String expanded = expand(template, node);
        if (!expanded.endsWith(".yml") && !expanded.endsWith(".yaml")) {
            expanded += ".yml";
        }
        String file = node.originalFilePath() == null ? "" : node.originalFilePath();
        int slash = file.lastIndexOf('/');
        Path folder = project.root().resolve(slash < 0 ? "" : file.substring(0, slash));
        if (expanded.startsWith("/")) {
            folder = project.root().resolve(pathsFor(project, node.resourceType()).get(0));
            expanded = expanded.substring(1);
        }
        Path target = folder.resolve(expanded).normalize();
        if (!target.startsWith(project.root().normalize())) {
            throw OsmosisException.usage("the path template \"" + template + "\" puts " + node.displayName()
                    + " outside the project (" + target + ").");
        }
        return target;
    }

    private static List<String> pathsFor(Project project, ResourceType type) {
        return switch (type) {
            case SEED -> project.config().seedPaths();
            case SNAPSHOT -> project.config().snapshotPaths();
            default -> project.config().modelPaths();
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
            throw OsmosisException.usage("+dbt-osmosis: \"" + template + "\" uses {" + variable + "}, which osmosis "
                    + "cannot fill for " + node.name() + ". Use {model}, {parent}, {node.name}, {node.schema}, "
                    + "{node.database}, {node.resource_type}, {node.package_name}, {node.config[materialized]} or "
                    + "{node.fqn[i]}.");
        }
        return value;
    }
}
