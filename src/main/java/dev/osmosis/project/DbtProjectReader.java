package dev.osmosis.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.osmosis.OsmosisException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads dbt_project.yml; `--vars` (YAML or JSON, as dbt takes it) is merged over its vars. */
public final class DbtProjectReader {
    public static final String FILE_NAME = "dbt_project.yml";
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    public DbtProject read(Path projectDir, String cliVars) {
        Path file = projectDir.resolve(FILE_NAME);
        Map<String, Object> doc;
        try {
            doc = asMap(yaml.readValue(Files.readString(file), Object.class));
        } catch (NoSuchFileException e) {
            throw OsmosisException.usage("No " + FILE_NAME + " in " + projectDir + ". Pass --project-dir with the "
                    + "folder of your dbt project.");
        } catch (JsonProcessingException e) {
            throw OsmosisException.usage(file + " is not valid YAML (line " + e.getLocation().getLineNr() + "): "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw OsmosisException.usage("Cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, Object> vars = new LinkedHashMap<>(asMap(doc.get("vars")));
        vars.putAll(parseCliVars(cliVars));
        Map<String, Object> resources = new LinkedHashMap<>();
        for (String key : List.of("models", "seeds", "snapshots", "sources")) {
            if (doc.get(key) instanceof Map<?, ?>) {
                resources.put(key, doc.get(key));
            }
        }
        return new DbtProject(
                doc.get("name") == null ? projectDir.getFileName().toString() : String.valueOf(doc.get("name")),
                paths(doc, List.of("model-paths", "source-paths"), "models"),
                paths(doc, List.of("seed-paths", "data-paths"), "seeds"),
                paths(doc, List.of("snapshot-paths"), "snapshots"),
                doc.get("target-path") instanceof String s ? s : "target",
                vars, resources);
    }

    private Map<String, Object> parseCliVars(String cliVars) {
        if (cliVars == null || cliVars.isBlank()) {
            return Map.of();
        }
        try {
            Object parsed = yaml.readValue(cliVars, Object.class);
            if (parsed instanceof Map<?, ?>) {
                return asMap(parsed);
            }
        } catch (JsonProcessingException e) {
            // fall through to the message below
        }
        throw OsmosisException.usage("--vars must be a YAML or JSON mapping, e.g. --vars '{key: value}'; got: "
                + cliVars);
    }

    private static List<String> paths(Map<String, Object> doc, List<String> keys, String fallback) {
        for (String key : keys) {
            Object v = doc.get(key);
            if (v instanceof List<?> list && !list.isEmpty()) {
                return list.stream().map(String::valueOf).map(PathNames::normalize).toList();
            }
            if (v instanceof String s) {
                return List.of(PathNames.normalize(s));
            }
        }
        return List.of(fallback);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
