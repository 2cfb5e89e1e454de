package dev.osmosis.schema;

import dev.osmosis.project.ValuePool;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.composer.ComposerException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * An immutable parsed view of one dbt schema YAML file: its exact text plus the models, seeds, snapshots and
 * source tables it declares. Edits go through {@link YamlPatcher}, which splices into {@link #text()}.
 *
 * <p>The node tree the entries were read from is not kept: a project's trees are many times the size of its YAML,
 * and holding every file's tree for the whole run made garbage collection the largest cost of a run. Only a file
 * that is edited is composed again, by {@link #tree()}, while it is patched.
 */
public final class SchemaFile {
    private static final Set<String> ENTRY_KEYS = Set.of("name", "description", "tags", "meta", "columns");
    private static final Set<String> COLUMN_KEYS = Set.of("name", "description", "data_type", "tags", "meta");

    private final Path path;
    private final String text;
    private final List<SchemaEntry> entries;
    private final NameIndex<SchemaEntry> entriesByName;
    private final boolean hasVersion;
    private final String lineEnding;

    private SchemaFile(Path path, String text, SchemaTree tree, ValuePool pool) {
        this.path = path;
        this.text = text;
        this.lineEnding = tree.layout().eol();
        MappingNode root = tree.rootMap();
        this.hasVersion = root != null && NodeReader.entries(root).containsKey("version");
        List<SchemaEntry> list = new ArrayList<>();
        for (SchemaTree.EntryLoc loc : tree.entries()) {
            list.add(readEntry(tree, loc, pool));
        }
        this.entries = List.copyOf(list);
        this.entriesByName = new NameIndex<>(entries, SchemaEntry::name);
    }

    /**
     * Parses {@code text} (the file's full content, BOM and CRLF allowed).
     *
     * @throws SchemaParseException when the text is not valid YAML
     */
    public static SchemaFile parse(Path path, String text) {
        return parse(path, text, new ValuePool());
    }

    /** As {@link #parse(Path, String)}, sharing equal values with the other files parsed into {@code pool}. */
    static SchemaFile parse(Path path, String text, ValuePool pool) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
        return new SchemaFile(path, text, tree(path, text), pool);
    }

    /**
     * Composes the node tree of {@code text}; the patcher works on it.
     *
     * @throws SchemaParseException when the text is not valid YAML
     */
    static SchemaTree tree(Path path, String text) {
        TextLayout layout = new TextLayout(text);
        // The fast reader handles the plain block YAML nearly every schema file is; it declines (null) anything
        // else, including anything invalid, so SnakeYAML still composes the rest and says what is wrong.
        Node fast = BlockYamlReader.read(layout.contentStart() == 0 ? text : text.substring(layout.contentStart()));
        return new SchemaTree(layout, fast != null ? fast : compose(path, text, layout));
    }

    /** A file that does not exist yet: no text, no entries. {@link YamlPatcher} writes {@code version: 2} into it. */
    public static SchemaFile empty(Path path) {
        return parse(path, "");
    }

    private static Node compose(Path path, String text, TextLayout layout) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        options.setMaxAliasesForCollections(10_000);
        options.setAllowDuplicateKeys(true);
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(text.substring(layout.contentStart())));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() != null ? " (" + e.getContext() + ")" : "";
            if (e instanceof ComposerException && context.contains("single document")) {
                // SnakeYAML's "but found another document" does not say what to do about it
                problem = "a second YAML document starts here; a dbt schema file holds one document (dbt rejects "
                        + "it too), so move it to a file of its own";
                context = "";
            }
            int line = mark == null ? 1 : mark.getLine() + 1;
            int column = mark == null ? 1 : mark.getColumn() + 1;
            throw new SchemaParseException(path, line, column, problem + context, e);
        } catch (YAMLException e) {
            throw new SchemaParseException(path, 1, 1, e.getMessage(), e);
        }
        // only SnakeYAML reads aliases (the fast reader declines them), so only its trees need the check
        AliasExpansion.check(path, root);
        return root;
    }

    public Path path() {
        return path;
    }

    /** The exact text the file was parsed from. */
    public String text() {
        return text;
    }

    public List<SchemaEntry> entries() {
        return entries;
    }

    public List<SchemaEntry> entries(EntryKind kind) {
        return entries.stream().filter(e -> e.kind() == kind).toList();
    }

    /** Entry by kind, source name and name: exact name first, then case-insensitive. */
    public Optional<SchemaEntry> find(EntryRef ref) {
        return Optional.ofNullable(entriesByName.find(ref.name(), e -> e.kind() == ref.kind()
                && (ref.sourceName() == null || SchemaTree.sameName(e.sourceName(), ref.sourceName()))));
    }

    /** Whether the file has a top-level {@code version:} key. */
    public boolean hasVersion() {
        return hasVersion;
    }

    /** "\r\n" when the file uses CRLF line endings, else "\n". */
    public String lineEnding() {
        return lineEnding;
    }

    /** This file's node tree, composed afresh (it is not kept; see the class comment). */
    SchemaTree tree() {
        return tree(path, text);
    }

    private SchemaEntry readEntry(SchemaTree tree, SchemaTree.EntryLoc loc, ValuePool pool) {
        Map<String, NodeReader.Entry> keys = NodeReader.entries(loc.node());
        Tagged tagged = Tagged.read(keys, pool);
        List<SchemaColumn> columns = new ArrayList<>();
        for (SchemaTree.ColumnLoc col : tree.columns(loc)) {
            columns.add(readColumn(col, pool));
        }
        return new SchemaEntry(loc.kind(), loc.sourceName(), loc.name(), description(keys), tagged.tags,
                tagged.tagsAt, tagged.meta, tagged.metaAt, others(keys, ENTRY_KEYS, pool), List.copyOf(columns),
                line(loc.node()));
    }

    private SchemaColumn readColumn(SchemaTree.ColumnLoc loc, ValuePool pool) {
        Map<String, NodeReader.Entry> keys = NodeReader.entries(loc.node());
        Tagged tagged = Tagged.read(keys, pool);
        NodeReader.Entry dataType = keys.get("data_type");
        return new SchemaColumn(pool.string(loc.name()), pool.string(description(keys)),
                dataType == null ? null : pool.string(NodeReader.string(dataType.value())), tagged.tags,
                tagged.tagsAt, tagged.meta, tagged.metaAt, others(keys, COLUMN_KEYS, pool), line(loc.node()));
    }

    private int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    private static String description(Map<String, NodeReader.Entry> keys) {
        NodeReader.Entry d = keys.get("description");
        return d == null ? null : NodeReader.string(d.value());
    }

    private static Map<String, Object> others(Map<String, NodeReader.Entry> keys, Set<String> known, ValuePool pool) {
        Map<String, Object> out = new LinkedHashMap<>();
        keys.forEach((k, e) -> {
            if (!known.contains(k)) {
                out.put(k, NodeReader.toJava(e.value()));
            }
        });
        return pool.map(out);
    }

    /** Tags and meta merged from the top level and from {@code config:}. */
    private record Tagged(List<String> tags, Placement tagsAt, Map<String, Object> meta, Placement metaAt) {
        static Tagged read(Map<String, NodeReader.Entry> keys, ValuePool pool) {
            NodeReader.Entry config = keys.get("config");
            Map<String, NodeReader.Entry> configKeys = config != null && config.value() instanceof MappingNode m
                    ? NodeReader.entries(m) : Map.of();
            NodeReader.Entry topTags = keys.get("tags");
            NodeReader.Entry cfgTags = configKeys.get("tags");
            Set<String> tags = new LinkedHashSet<>();
            if (topTags != null) {
                tags.addAll(NodeReader.stringList(topTags.value()));
            }
            if (cfgTags != null) {
                tags.addAll(NodeReader.stringList(cfgTags.value()));
            }
            NodeReader.Entry topMeta = keys.get("meta");
            NodeReader.Entry cfgMeta = configKeys.get("meta");
            Map<String, Object> meta = new LinkedHashMap<>();
            for (NodeReader.Entry m : new NodeReader.Entry[] {topMeta, cfgMeta}) {
                if (m != null && NodeReader.toJava(m.value()) instanceof Map<?, ?> map) {
                    map.forEach((k, v) -> meta.put(String.valueOf(k), v));
                }
            }
            return new Tagged(pool.strings(tags), Placement.of(topTags != null, cfgTags != null),
                    pool.map(meta), Placement.of(topMeta != null, cfgMeta != null));
        }
    }
}
