package dev.osmosis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.osmosis.OsmosisException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads {@code vars: dbt-osmosis: llm:} from a project's dbt_project.yml. A small stand-in until the project
 * loader offers it: no Jinja, no profiles, just that one map.
 */
final class ProjectLlmVars {
    private ProjectLlmVars() {
    }

    /** The map, or empty when there is no dbt_project.yml or no such key. */
    static Map<String, Object> read(Path projectDir) {
        Path file = projectDir.resolve("dbt_project.yml");
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
            JsonNode llm = yaml.readTree(file.toFile()).path("vars").path("dbt-osmosis").path("llm");
            if (!llm.isObject()) {
                return Map.of();
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = yaml.convertValue(llm, Map.class);
            return map;
        } catch (IOException e) {
            throw OsmosisException.usage("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
