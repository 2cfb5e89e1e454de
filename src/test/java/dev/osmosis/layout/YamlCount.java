package dev.osmosis.layout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Columns and documented columns of every entry in a project's schema YAML, counted with Jackson's YAML reader:
 * an oracle independent of osmosis's own reader. A description counts when it is not blank.
 */
record YamlCount(int columns, int documentedColumns) {
    static YamlCount of(Path... folders) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        int columns = 0;
        int documented = 0;
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(folder)) {
                files = walk.filter(p -> p.toString().matches(".*\\.ya?ml")).toList();
            }
            for (Path file : files) {
                JsonNode doc = yaml.readTree(file.toFile());
                for (JsonNode entry : entries(doc)) {
                    for (JsonNode column : entry.path("columns")) {
                        columns++;
                        documented += column.path("description").asText("").isBlank() ? 0 : 1;
                    }
                }
            }
        }
        return new YamlCount(columns, documented);
    }

    private static List<JsonNode> entries(JsonNode doc) {
        java.util.List<JsonNode> entries = new java.util.ArrayList<>();
        for (String kind : new String[] {"models", "seeds", "snapshots"}) {
            doc.path(kind).forEach(entries::add);
        }
        doc.path("sources").forEach(source -> source.path("tables").forEach(entries::add));
        return entries;
    }
}
