package dev.osmosis.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** The composed node tree of one file with navigation to entries and columns and alias (sharing) detection. */
final class SchemaTree {
    /** An entry's mapping, the sequence holding it and the chain of nodes from the root to it. */
    record EntryLoc(EntryKind kind, String sourceName, String name, MappingNode node, SequenceNode seq,
            List<Node> path) {
    }

    /** A column's mapping, its index in the {@code columns} sequence and the chain of nodes from the root. */
    record ColumnLoc(String name, MappingNode node, SequenceNode seq, int index, List<Node> path) {
    }

    private final TextLayout layout;
    private final Node root;
    /** Nodes reached twice; found on first use, as only editing asks. */
    private Set<Node> shared;
    /** Lookups are repeated once per edit; the tree never changes, so compute them once. */
    private List<EntryLoc> entries;
    private NameIndex<EntryLoc> entriesByName;
    private final Map<MappingNode, List<ColumnLoc>> columns = new IdentityHashMap<>();
    private final Map<MappingNode, NameIndex<ColumnLoc>> columnsByName = new IdentityHashMap<>();

    SchemaTree(TextLayout layout, Node root) {
        this.layout = layout;
        this.root = root;
    }

    private synchronized Set<Node> shared() {
        if (shared == null) {
            shared = Collections.newSetFromMap(new IdentityHashMap<>());
            // Only an alias makes a node reachable twice, and an alias needs an anchor (&name): a file without '&'
            // cannot share nodes, so the identity walk over every node is skipped.
            if (root != null && layout.text().indexOf('&') >= 0) {
                markShared(root, Collections.newSetFromMap(new IdentityHashMap<>()));
            }
        }
        return shared;
    }

    private void markShared(Node node, Set<Node> seen) {
        if (!seen.add(node)) {
            shared.add(node);
            return;
        }
        if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                markShared(t.getKeyNode(), seen);
                markShared(t.getValueNode(), seen);
            }
        } else if (node instanceof SequenceNode seq) {
            seq.getValue().forEach(n -> markShared(n, seen));
        }
    }

    TextLayout layout() {
        return layout;
    }

    /** The root mapping, or null for an empty file or one whose root is not a mapping. */
    MappingNode rootMap() {
        return root instanceof MappingNode m ? m : null;
    }

    /** True when any node on the path is reached through an alias (or is an alias target used elsewhere). */
    boolean isShared(List<Node> path) {
        Set<Node> reachedTwice = shared();
        return path.stream().anyMatch(reachedTwice::contains);
    }

    synchronized List<EntryLoc> entries() {
        if (entries == null) {
            entries = List.copyOf(findEntries());
        }
        return entries;
    }

    private List<EntryLoc> findEntries() {
        List<EntryLoc> out = new ArrayList<>();
        MappingNode map = rootMap();
        if (map == null) {
            return out;
        }
        for (EntryKind kind : EntryKind.values()) {
            if (!(NodeReader.get(map, kind.yamlKey()) instanceof SequenceNode seq)) {
                continue;
            }
            for (Node item : seq.getValue()) {
                if (!(item instanceof MappingNode entry)) {
                    continue;
                }
                String name = NodeReader.string(NodeReader.get(entry, "name"));
                if (kind != EntryKind.SOURCE) {
                    if (name != null) {
                        out.add(new EntryLoc(kind, null, name, entry, seq, List.of(map, seq, entry)));
                    }
                } else if (name != null && NodeReader.get(entry, "tables") instanceof SequenceNode tables) {
                    for (Node t : tables.getValue()) {
                        String table = t instanceof MappingNode tm ? NodeReader.string(NodeReader.get(tm, "name")) : null;
                        if (table != null) {
                            out.add(new EntryLoc(kind, name, table, (MappingNode) t, tables,
                                    List.of(map, seq, entry, tables, t)));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The entry {@link #matchByName} picks among those of the ref's kind (and source), looked up by name. */
    EntryLoc findEntry(EntryRef ref) {
        NameIndex<EntryLoc> index;
        synchronized (this) {
            if (entriesByName == null) {
                entriesByName = new NameIndex<>(entries(), EntryLoc::name);
            }
            index = entriesByName;
        }
        return index.find(ref.name(), e -> e.kind() == ref.kind()
                && (ref.sourceName() == null || sameName(e.sourceName(), ref.sourceName())));
    }

    /** The mapping of a {@code sources:} item by name, or null. */
    MappingNode findSource(String sourceName) {
        MappingNode map = rootMap();
        if (map == null || !(NodeReader.get(map, "sources") instanceof SequenceNode seq)) {
            return null;
        }
        List<MappingNode> sources = seq.getValue().stream().filter(MappingNode.class::isInstance)
                .map(MappingNode.class::cast).toList();
        return matchByName(sources, s -> NodeReader.string(NodeReader.get(s, "name")), sourceName);
    }

    synchronized List<ColumnLoc> columns(EntryLoc entry) {
        return columns.computeIfAbsent(entry.node(), n -> List.copyOf(findColumns(entry)));
    }

    private List<ColumnLoc> findColumns(EntryLoc entry) {
        List<ColumnLoc> out = new ArrayList<>();
        if (!(NodeReader.get(entry.node(), "columns") instanceof SequenceNode seq)) {
            return out;
        }
        List<Node> items = seq.getValue();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof MappingNode col) {
                String name = NodeReader.string(NodeReader.get(col, "name"));
                if (name != null) {
                    List<Node> path = new ArrayList<>(entry.path());
                    path.add(seq);
                    path.add(col);
                    out.add(new ColumnLoc(name, col, seq, i, path));
                }
            }
        }
        return out;
    }

    /**
     * The column named {@code name}. A column declared twice in one entry (a real package ships this) is refused
     * rather than guessed: the two items may say different things, and editing the wrong one would overwrite
     * what a person wrote.
     */
    ColumnLoc findColumn(EntryLoc entry, String name) {
        NameIndex<ColumnLoc> index;
        synchronized (this) {
            index = columnsByName.computeIfAbsent(entry.node(), n -> new NameIndex<>(columns(entry), ColumnLoc::name));
        }
        ColumnLoc found = index.find(name, c -> true);
        if (found != null) {
            List<ColumnLoc> same = index.sameName(name);
            if (same.size() > 1) {
                throw new SchemaEditException("column " + name + " of " + entry.name() + " is declared "
                        + same.size() + " times (lines " + same.stream().map(c -> String.valueOf(
                        c.node().getStartMark().getLine() + 1)).collect(
                        java.util.stream.Collectors.joining(", ")) + "); osmosis leaves it unchanged: remove the "
                        + "duplicate");
            }
        }
        return found;
    }

    static boolean sameName(String a, String b) {
        return a != null && b != null && a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }

    /** Exact match first, then case-insensitive; null when none. */
    static <T> T matchByName(List<T> items, Function<T, String> name, String wanted) {
        for (T item : items) {
            if (wanted.equals(name.apply(item))) {
                return item;
            }
        }
        for (T item : items) {
            if (sameName(name.apply(item), wanted)) {
                return item;
            }
        }
        return null;
    }

    static Map<String, NodeReader.Entry> keys(MappingNode map) {
        return NodeReader.entries(map);
    }
}
