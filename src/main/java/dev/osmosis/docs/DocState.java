package dev.osmosis.docs;

import dev.osmosis.project.Node;
import dev.osmosis.project.Project;
import dev.osmosis.schema.SchemaFiles;
import java.nio.file.Path;
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
            Optional<SchemaFiles.Located> located = locate(project, files, node);
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

    /**
     * The YAML entry documenting {@code node}: looked for inside its own package's folder only, preferring the
     * manifest's patch_path. Empty for nodes of a package that is not on disk.
     */
    public static Optional<SchemaFiles.Located> locate(Project project, SchemaFiles files, Node node) {
        Path folder = project.layout().folderOf(node).orElse(null);
        if (folder == null) {
            return Optional.empty();
        }
        Path preferred = project.layout().resolve(node, node.patchPath() != null ? node.patchPath()
                : node.originalFilePath()).orElse(null);
        return files.find(YamlDocs.ref(node), folder, preferred);
    }

    public Optional<SchemaFiles.Located> entry(String uniqueId) {
        return Optional.ofNullable(entries.get(uniqueId));
    }
}
