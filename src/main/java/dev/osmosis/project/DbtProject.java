package dev.osmosis.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What osmosis reads from dbt_project.yml.
 *
 * @param modelPaths    model-paths (source-paths before dbt 1.0), default ["models"]
 * @param vars          all vars, after --vars overrides
 * @param resourceConfig the `models:`, `seeds:`, `snapshots:` and `sources:` trees, for per-folder `+dbt-osmosis:`
 */
public record DbtProject(
        String name,
        List<String> modelPaths,
        List<String> seedPaths,
        List<String> snapshotPaths,
        String targetPath,
        Map<String, Object> vars,
        Map<String, Object> resourceConfig) {

    public DbtProject {
        modelPaths = List.copyOf(modelPaths);
        seedPaths = List.copyOf(seedPaths);
        snapshotPaths = List.copyOf(snapshotPaths);
        vars = vars == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(vars));
        resourceConfig = resourceConfig == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(resourceConfig));
    }

    /** `vars: dbt-osmosis:` (the settings dbt-osmosis users already have), or empty. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> osmosisVars() {
        Object v = vars.get("dbt-osmosis");
        if (v == null) {
            v = vars.get("dbt_osmosis");
        }
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** `vars: dbt-osmosis: llm:`, or empty. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> llmVars() {
        Object v = osmosisVars().get("llm");
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /**
     * The `+dbt-osmosis:` value that applies to a node: dbt's own rule, the most specific folder wins. {@code fqn}
     * is the node's fully qualified name (project, folders..., name).
     */
    public Optional<String> osmosisPathTemplate(ResourceType type, List<String> fqn) {
        Object tree = resourceConfig.get(type == ResourceType.SOURCE ? "sources" : type.label() + "s");
        String found = null;
        List<String> walk = new ArrayList<>(fqn);
        for (String part : walk) {
            if (!(tree instanceof Map<?, ?> map)) {
                break;
            }
            String here = template(map);
            if (here != null) {
                found = here;
            }
            tree = map.get(part);
        }
        if (tree instanceof Map<?, ?> map && template(map) != null) {
            found = template(map);
        }
        return Optional.ofNullable(found);
    }

    private static String template(Map<?, ?> folder) {
        for (String key : List.of("+dbt-osmosis", "dbt-osmosis", "+dbt_osmosis", "dbt_osmosis")) {
            if (folder.get(key) instanceof String s && !s.isBlank()) {
                return s;
            }
        }
        return null;
    }
}
