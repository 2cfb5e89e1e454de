package dev.osmosis.docs;

import dev.osmosis.project.Node;
import dev.osmosis.project.Project;
import dev.osmosis.project.ResourceType;
import dev.osmosis.schema.SchemaFile;
import dev.osmosis.schema.SchemaFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where a folder documents its nodes today, so that a new entry without a `+dbt-osmosis:` template follows the
 * project's own files rather than landing in a new schema.yml beside them. A node's siblings are the nodes of its
 * package and resource type whose file sits in the same folder; the files that hold their entries say:
 * <ol>
 * <li>one file per node, all named alike ({@code _orders.yml}, {@code orders.yml}, {@code orders.yaml}): a new
 * file named the same way;</li>
 * <li>otherwise the file that documents most siblings (the folder's one YAML, such as {@code intermediate.yml} or
 * {@code _models.yml}); ties go to the first by path;</li>
 * <li>no documented sibling: nothing here, and the caller uses schema.yml.</li>
 * </ol>
 * Only files osmosis read and parsed as schema YAML are chosen, or a new file that does not exist yet.
 */
final class FolderConvention {
    /** A prefix or suffix around the model's name that one file alone may show: punctuation only. */
    private static final String PUNCTUATION = "[_.\\-]*";

    private final Project project;
    private final DocState state;
    private final Set<Path> read = new HashSet<>();
    /** Documented nodes by package, resource type and folder; built on first use (most runs add no entry). */
    private Map<String, List<Node>> documented;
    /** The rule of each folder whose nodes got a new entry so far, by {@link #key}. */
    private final Map<String, Rule> rules = new HashMap<>();

    FolderConvention(Project project, SchemaFiles files, DocState state) {
        this.project = project;
        this.state = state;
        files.files().forEach(f -> read.add(f.path()));
    }

    /** The file the folder's convention names for {@code node}'s new entry, or empty when it has none. */
    Optional<Path> fileFor(Node node) {
        if (node.resourceType() == ResourceType.SOURCE) {
            return Optional.empty(); // a source is declared in YAML: it has its file
        }
        // A node without an entry is none of its siblings, so its folder's rule is everyone's there: found once per
        // folder, not once per new entry (a first adoption adds a third of a folder's hundred models).
        Rule rule = state.entry(node.uniqueId()).isPresent() ? rule(node)
                : rules.computeIfAbsent(key(node), k -> rule(node));
        if (rule.folder() != null) {
            Path perNode = rule.folder().resolve(rule.prefix() + node.name() + rule.suffix());
            // a file of that name that osmosis did not read is not its to write
            return Optional.of(perNode).filter(p -> read.contains(p) || !Files.exists(p));
        }
        return Optional.ofNullable(rule.most());
    }

    /** A folder's rule: a file per node named prefix + name + suffix in {@code folder}, or the {@code most} used file. */
    private record Rule(Path folder, String prefix, String suffix, Path most) {
        static final Rule NONE = new Rule(null, null, null, null);
    }

    private Rule rule(Node node) {
        List<SchemaFiles.Located> siblings = new ArrayList<>();
        for (Node sibling : documented().getOrDefault(key(node), List.of())) {
            if (!sibling.uniqueId().equals(node.uniqueId())) {
                state.entry(sibling.uniqueId()).ifPresent(siblings::add);
            }
        }
        if (siblings.isEmpty()) {
            return Rule.NONE;
        }
        Rule perNode = perNodeName(siblings);
        if (perNode != null) {
            return perNode;
        }
        Map<Path, Integer> counts = new TreeMap<>();
        siblings.forEach(l -> counts.merge(l.file().path(), 1, Integer::sum));
        Path most = null;
        for (Map.Entry<Path, Integer> e : counts.entrySet()) {
            if (most == null || e.getValue() > counts.get(most)) {
                most = e.getKey();
            }
        }
        return new Rule(null, null, null, most);
    }

    /**
     * A new file named like the siblings' own, when each sibling has a file to itself named prefix + its name +
     * suffix, the same prefix, suffix, extension and folder for all. One sibling alone shows a pattern only when
     * the prefix and suffix are punctuation ({@code _orders.yml}), not a word ({@code orders_enhanced.yml}).
     * Null when the siblings show no such pattern.
     */
    private static Rule perNodeName(List<SchemaFiles.Located> siblings) {
        String pattern = null;
        Path folder = null;
        for (SchemaFiles.Located l : siblings) {
            SchemaFile file = l.file();
            String fileName = file.path().getFileName().toString();
            int dot = fileName.lastIndexOf('.');
            int at = indexIgnoringCase(fileName.substring(0, dot), l.entry().name());
            if (file.entries().size() != 1 || at < 0) {
                return null;
            }
            String mine = fileName.substring(0, at) + "\0" + fileName.substring(at + l.entry().name().length());
            if (pattern != null && (!pattern.equals(mine) || !folder.equals(file.path().getParent()))) {
                return null;
            }
            pattern = mine;
            folder = file.path().getParent();
        }
        String[] affixes = pattern.split("\0", -1);
        String suffix = affixes[1].substring(0, affixes[1].lastIndexOf('.'));
        if (siblings.size() == 1 && !(affixes[0].matches(PUNCTUATION) && suffix.matches(PUNCTUATION))) {
            return null;
        }
        return new Rule(folder, affixes[0], affixes[1], null);
    }

    private static int indexIgnoringCase(String text, String part) {
        for (int i = 0; i + part.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, part, 0, part.length())) {
                return i;
            }
        }
        return -1;
    }

    private Map<String, List<Node>> documented() {
        if (documented == null) {
            documented = new HashMap<>();
            for (Node n : project.manifest().nodes().values()) {
                if (n.resourceType() != ResourceType.SOURCE && state.entry(n.uniqueId()).isPresent()) {
                    documented.computeIfAbsent(key(n), k -> new ArrayList<>()).add(n);
                }
            }
        }
        return documented;
    }

    private static String key(Node node) {
        String file = node.originalFilePath() == null ? "" : node.originalFilePath();
        int slash = file.lastIndexOf('/');
        return node.packageName() + "|" + node.resourceType() + "|" + (slash < 0 ? "" : file.substring(0, slash));
    }
}
