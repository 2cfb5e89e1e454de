package dev.osmosis.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * What same-name inheritance can fill in a real project, computed without osmosis's own reader, lineage or
 * inheritance code: raw manifest.json and catalog.json through Jackson, every schema YAML through plain SnakeYAML,
 * then a fixpoint: an undocumented column becomes documented when any ancestor has a documented column of the same
 * name (case-insensitive); repeat until nothing changes. The count of such columns is what `yaml document` must
 * report as inherited, and the catalog columns the YAML lacks are what it must report as injected.
 */
final class InheritanceOracle {
    private static final Set<String> PLACEHOLDERS = Set.of("pending further documentation",
            "no description for this column", "not documented", "undefined");
    private static final Set<String> DOCUMENTED_TYPES = Set.of("model", "seed", "snapshot", "source");

    record Figures(int injected, int inherited) {
    }

    private InheritanceOracle() {
    }

    static boolean undocumented(Object description) {
        String d = description == null ? "" : String.valueOf(description).strip().toLowerCase(Locale.ROOT);
        return d.isEmpty() || PLACEHOLDERS.contains(d);
    }

    static Figures compute(Path project) throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode manifest = json.readTree(project.resolve("target/manifest.json").toFile());
        Path catalogFile = project.resolve("target/catalog.json");
        JsonNode catalog = Files.exists(catalogFile) ? json.readTree(catalogFile.toFile()) : null;
        Map<String, Map<String, Map<String, Object>>> yaml = yamlEntries(project);

        Map<String, JsonNode> nodes = new LinkedHashMap<>();
        for (String section : List.of("nodes", "sources")) {
            manifest.path(section).properties().forEach(e -> {
                if (DOCUMENTED_TYPES.contains(e.getValue().path("resource_type").asText())) {
                    nodes.put(e.getKey(), e.getValue());
                }
            });
        }
        // column (lower case) -> documented? per node, after injection
        Map<String, Map<String, Boolean>> columns = new HashMap<>();
        int injected = 0;
        for (Map.Entry<String, JsonNode> e : nodes.entrySet()) {
            JsonNode n = e.getValue();
            String key = n.path("resource_type").asText().equals("source")
                    ? "source:" + n.path("source_name").asText() + "." + n.path("name").asText()
                    : n.path("resource_type").asText() + ":" + n.path("name").asText();
            Map<String, Boolean> cols = new LinkedHashMap<>();
            Map<String, Map<String, Object>> fromYaml = yaml.get(key);
            if (fromYaml != null) {
                fromYaml.forEach((name, c) -> cols.putIfAbsent(name.toLowerCase(Locale.ROOT),
                        !undocumented(c.get("description"))));
            } else {
                n.path("columns").forEach(c -> cols.putIfAbsent(c.path("name").asText().toLowerCase(Locale.ROOT),
                        !undocumented(c.path("description").asText(""))));
            }
            JsonNode table = catalog == null ? null
                    : catalog.path(key.startsWith("source:") ? "sources" : "nodes").get(e.getKey());
            if (table != null) {
                for (JsonNode c : table.path("columns")) {
                    String name = c.path("name").asText().toLowerCase(Locale.ROOT);
                    if (!cols.containsKey(name)) {
                        injected++;
                        cols.put(name, !undocumented(c.path("comment").isNull() ? "" : c.path("comment").asText()));
                    }
                }
            }
            columns.put(e.getKey(), cols);
        }
        Map<String, Set<String>> ancestors = ancestors(nodes);
        int inherited = 0;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map.Entry<String, Map<String, Boolean>> node : columns.entrySet()) {
                for (Map.Entry<String, Boolean> col : node.getValue().entrySet()) {
                    if (col.getValue()) {
                        continue;
                    }
                    for (String a : ancestors.get(node.getKey())) {
                        if (Boolean.TRUE.equals(columns.get(a).get(col.getKey()))) {
                            col.setValue(true);
                            inherited++;
                            changed = true;
                            break;
                        }
                    }
                }
            }
        }
        return new Figures(injected, inherited);
    }

    private static Map<String, Set<String>> ancestors(Map<String, JsonNode> nodes) {
        Map<String, Set<String>> result = new HashMap<>();
        for (String id : nodes.keySet()) {
            Set<String> seen = new HashSet<>();
            List<String> todo = new ArrayList<>(List.of(id));
            while (!todo.isEmpty()) {
                JsonNode n = nodes.get(todo.remove(todo.size() - 1));
                if (n == null) {
                    continue;
                }
                for (JsonNode p : n.path("depends_on").path("nodes")) {
                    if (nodes.containsKey(p.asText()) && seen.add(p.asText())) {
                        todo.add(p.asText());
                    }
                }
            }
            result.put(id, seen);
        }
        return result;
    }

    /** "model:name" / "source:src.table" -> column name -> column mapping, from every YAML file in the project. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Map<String, Object>>> yamlEntries(Path project) throws IOException {
        Map<String, Map<String, Map<String, Object>>> entries = new HashMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(project)) {
            files = walk.filter(p -> p.toString().matches(".*\\.ya?ml"))
                    .filter(p -> !project.relativize(p).startsWith("target")).sorted().toList();
        }
        for (Path f : files) {
            Object doc;
            try {
                doc = new Yaml(new LoaderOptions()).load(Files.readString(f));
            } catch (RuntimeException e) {
                continue;
            }
            if (!(doc instanceof Map<?, ?> root)) {
                continue;
            }
            for (String kind : List.of("models", "seeds", "snapshots")) {
                for (Object item : root.get(kind) instanceof List<?> l ? l : List.of()) {
                    if (item instanceof Map<?, ?> m && m.get("name") != null) {
                        entries.putIfAbsent(kind.substring(0, kind.length() - 1) + ":" + m.get("name"),
                                columnsOf((Map<String, Object>) m));
                    }
                }
            }
            for (Object source : root.get("sources") instanceof List<?> l ? l : List.of()) {
                if (!(source instanceof Map<?, ?> s)) {
                    continue;
                }
                for (Object table : s.get("tables") instanceof List<?> l ? l : List.of()) {
                    if (table instanceof Map<?, ?> t && t.get("name") != null) {
                        entries.putIfAbsent("source:" + s.get("name") + "." + t.get("name"),
                                columnsOf((Map<String, Object>) t));
                    }
                }
            }
        }
        return entries;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> columnsOf(Map<String, Object> entry) {
        Map<String, Map<String, Object>> columns = new LinkedHashMap<>();
        for (Object c : entry.get("columns") instanceof List<?> l ? l : List.of()) {
            if (c instanceof Map<?, ?> m && m.get("name") != null) {
                columns.putIfAbsent(String.valueOf(m.get("name")), (Map<String, Object>) m);
            }
        }
        return columns;
    }
}
