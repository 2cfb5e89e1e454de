package dev.osmosis.docs;

import dev.osmosis.project.Node;
import dev.osmosis.project.Project;
import dev.osmosis.schema.SchemaFiles;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The documentation of every node as it stands before a run: from its YAML entry where the project has one (raw
 * text, doc references intact), else from the manifest. Also remembers where each entry lives.
 */
public record DocState(Map<String, NodeDocs> docs, Map<String, SchemaFiles.Located> entries) {
    public DocState {
        docs = Collections.unmodifiableMap(new HashMap<>(docs));
        entries = Collections.unmodifiableMap(new HashMap<>(entries));
    }

    public static DocState read(Project project, SchemaFiles files) {
        Map<String, NodeDocs> docs = new HashMap<>();
        Map<String, SchemaFiles.Located> entries = new HashMap<>();
        for (Node node : project.manifest().nodes().values()) {
            Optional<SchemaFiles.Located> located = files.find(YamlDocs.ref(node), node);
            if (located.isPresent()) {
                entries.put(node.uniqueId(), located.get());
                docs.put(node.uniqueId(), YamlDocs.of(node, located.get().entry()));
            } else {
                NodeDocs fromManifest = ManifestDocs.of(node);
                docs.put(node.uniqueId(), new NodeDocs(fromManifest.uniqueId(), fromManifest.resourceType(),
                        fromManifest.name(), fromManifest.description(), fromManifest.columns(), fromManifest.meta(),
                        false));
            }
        }
        return new DocState(docs, entries);
    }

    public Optional<SchemaFiles.Located> entry(String uniqueId) {
        return Optional.ofNullable(entries.get(uniqueId));
    }
}
