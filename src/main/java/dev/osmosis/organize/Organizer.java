package dev.osmosis.organize;

import dev.osmosis.OsmosisException;
import dev.osmosis.docs.EntryPlacement;
import dev.osmosis.docs.YamlDocs;
import dev.osmosis.project.Node;
import dev.osmosis.project.Project;
import dev.osmosis.project.ResourceType;
import dev.osmosis.schema.EntryBlocks;
import dev.osmosis.schema.EntryKind;
import dev.osmosis.schema.EntryRef;
import dev.osmosis.schema.SchemaEditException;
import dev.osmosis.schema.SchemaEntry;
import dev.osmosis.schema.SchemaFile;
import dev.osmosis.schema.SchemaFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plans `yaml organize`: every selected entry whose path template names another file moves there as text. A source
 * moves as a whole (its tables, settings and comments), since dbt-osmosis maps sources by name. Pure: files in,
 * new texts out; nothing is written here.
 */
public final class Organizer {
    private final Project project;
    private final SchemaFiles files;
    private final Map<Path, SchemaFile> current = new HashMap<>();
    private final List<Move> moves = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();

    private Organizer(Project project, SchemaFiles files) {
        this.project = project;
        this.files = files;
    }

    public static OrganizePlan plan(Project project, SchemaFiles files, Collection<Node> selected) {
        return new Organizer(project, files).run(selected);
    }

    private OrganizePlan run(Collection<Node> selected) {
        Map<String, Path> sourceTargets = new LinkedHashMap<>();
        Set<String> sourceKeys = new HashSet<>();
        for (Node node : selected) {
            if (!project.isOwn(node)) {
                continue; // an installed package's YAML is not the project's to rearrange
            }
            EntryRef ref = YamlDocs.ref(node);
            Optional<SchemaFiles.Located> located = files.find(YamlDocs.ref(node), node);
            if (located.isEmpty()) {
                continue; // no entry yet: `yaml document` creates it in its templated file
            }
            Path from = located.get().file().path();
            Path to;
            try {
                Optional<Path> target = EntryPlacement.templated(project, node);
                if (target.isEmpty() || target.get().equals(from)) {
                    continue;
                }
                to = target.get();
            } catch (OsmosisException e) {
                skipped.add("left " + node.displayName() + " in " + shown(from) + ": " + e.getMessage());
                continue;
            }
            if (files.isBroken(to)) {
                skipped.add("left " + node.displayName() + " in " + shown(from) + ": " + shown(to)
                        + " could not be parsed");
            } else if (node.resourceType() == ResourceType.SOURCE) {
                String key = from + "|" + located.get().entry().sourceName();
                Path earlier = sourceTargets.putIfAbsent(key, to);
                if (earlier != null && !earlier.equals(to) && sourceKeys.add(key)) {
                    skipped.add("left source " + node.sourceName() + " in " + shown(from) + ": its tables are routed "
                            + "to different files (" + shown(earlier) + ", " + shown(to) + "); osmosis moves a "
                            + "source as a whole");
                }
            } else {
                moveEntry(ref, located.get().entry().name(), from, to);
            }
        }
        sourceTargets.forEach((key, to) -> {
            if (!sourceKeys.contains(key)) {
                int bar = key.indexOf('|');
                moveSource(key.substring(bar + 1), Path.of(key.substring(0, bar)), to);
            }
        });
        return result();
    }

    private void moveEntry(EntryRef ref, String name, Path from, Path to) {
        SchemaFile source = file(from);
        SchemaFile target = file(to);
        String what = ref.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + name;
        if (target.find(new EntryRef(ref.kind(), ref.sourceName(), name)).isPresent()) {
            skipped.add("left " + what + " in " + shown(from) + ": " + shown(to) + " declares it too; keep one "
                    + "of the two by hand");
            return;
        }
        try {
            EntryBlocks.Cut cut = EntryBlocks.cut(source, ref);
            String pasted = EntryBlocks.paste(target, ref.kind().yamlKey(), cut.block());
            commit(from, cut.text(), to, pasted, what);
        } catch (SchemaEditException e) {
            skipped.add("left " + what + " in " + shown(from) + ": " + e.getMessage());
        }
    }

    private void moveSource(String sourceName, Path from, Path to) {
        SchemaFile source = file(from);
        SchemaFile target = file(to);
        String what = "source " + sourceName;
        try {
            EntryBlocks.Cut whole = EntryBlocks.cutSource(source, sourceName);
            if (!EntryBlocks.hasSource(target, sourceName)) {
                commit(from, whole.text(), to, EntryBlocks.paste(target, "sources", whole.block()), what);
                return;
            }
            if (!EntryBlocks.isBareSource(source, sourceName)) {
                skipped.add("left " + what + " in " + shown(from) + ": " + shown(to) + " declares it too, and "
                        + "this one has settings of its own; merge the two by hand");
                return;
            }
            String text = target.text();
            for (SchemaEntry table : source.entries(EntryKind.SOURCE)) {
                if (!table.sourceName().equals(sourceName)) {
                    continue;
                }
                SchemaFile now = SchemaFile.parse(to, text);
                if (now.find(table.ref()).isPresent()) {
                    skipped.add("left " + what + " in " + shown(from) + ": " + shown(to) + " declares its table "
                            + table.name() + " too; keep one of the two by hand");
                    return;
                }
                text = EntryBlocks.pasteTable(now, sourceName, EntryBlocks.cut(source, table.ref()).block());
            }
            commit(from, whole.text(), to, text, what);
        } catch (SchemaEditException e) {
            skipped.add("left " + what + " in " + shown(from) + ": " + e.getMessage());
        }
    }

    /** Both halves of a move are kept only once both are known to be possible. */
    private void commit(Path from, String fromText, Path to, String toText, String what) {
        current.put(from, SchemaFile.parse(from, fromText));
        current.put(to, SchemaFile.parse(to, toText));
        moves.add(new Move(what, from, to));
    }

    private SchemaFile file(Path path) {
        return current.computeIfAbsent(path, files::fileOrEmpty);
    }

    private OrganizePlan result() {
        Map<Path, String> texts = new HashMap<>();
        Set<Path> emptied = new HashSet<>();
        current.forEach((path, file) -> {
            String before = files.fileOrEmpty(path).text();
            if (file.text().equals(before)) {
                return;
            }
            if (EntryBlocks.isEmpty(file) && !before.isEmpty()) {
                emptied.add(path);
            } else {
                texts.put(path, file.text());
            }
        });
        return new OrganizePlan(moves, texts, emptied, skipped);
    }

    private String shown(Path path) {
        return project.root().relativize(path).toString().replace('\\', '/');
    }
}
