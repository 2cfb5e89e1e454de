package dev.osmosis.review;

import dev.osmosis.OsmosisException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns the selectors of {@code --accept} / {@code --reject} into descriptions awaiting review: node names (and
 * everything the usual selectors take: .sql/.yml paths, folders), {@code node.column}, or all of them.
 */
public final class ReviewSelection {
    /** How the project resolves node selectors (the command knows the project and the working folder). */
    @FunctionalInterface
    public interface Nodes {
        /** The unique ids a node selector names; throws OsmosisException (usage) when it names none. */
        Set<String> uniqueIds(String selector);
    }

    /** Whether any of these nodes has a YAML column of that name (any case). */
    @FunctionalInterface
    public interface Columns {
        boolean exist(Set<String> uniqueIds, String column);

        /** The nodes' YAML column names, for a hint that names one that exists (none known by default). */
        default List<String> names(Set<String> uniqueIds) {
            return List.of();
        }
    }

    /** The descriptions chosen, and the selectors that chose none (they named nothing awaiting review). */
    public record Result(List<ReviewItem> chosen, List<String> matchedNothing) {
        public Result {
            chosen = List.copyOf(chosen);
            matchedNothing = List.copyOf(matchedNothing);
        }
    }

    private ReviewSelection() {
    }

    public static Result choose(List<String> selectors, boolean all, List<ReviewItem> pending, Nodes nodes,
                                Columns columns) {
        if (all) {
            return new Result(pending, List.of());
        }
        if (selectors.isEmpty()) {
            throw OsmosisException.usage("say what to accept or reject: node names, node.column, folders or "
                    + "files, or --all.");
        }
        Set<ReviewItem> chosen = new LinkedHashSet<>();
        List<String> none = new ArrayList<>();
        for (String selector : selectors) {
            List<ReviewItem> matched = match(selector, pending, nodes, columns);
            if (matched.isEmpty()) {
                none.add(selector);
            }
            chosen.addAll(matched);
        }
        return new Result(new ArrayList<>(chosen), none);
    }

    private static List<ReviewItem> match(String selector, List<ReviewItem> pending, Nodes nodes,
                                          Columns columns) {
        Set<String> ids;
        try {
            ids = nodes.uniqueIds(selector);
        } catch (OsmosisException notANode) {
            int dot = selector.lastIndexOf('.');
            if (dot <= 0 || dot == selector.length() - 1) {
                throw notANode;
            }
            return column(selector.substring(0, dot), selector.substring(dot + 1), pending, nodes, columns,
                    notANode);
        }
        return pending.stream().filter(i -> ids.contains(i.uniqueId())).toList();
    }

    private static List<ReviewItem> column(String node, String column, List<ReviewItem> pending, Nodes nodes,
                                           Columns columns, OsmosisException notANode) {
        Set<String> ids;
        try {
            ids = nodes.uniqueIds(node);
        } catch (OsmosisException e) {
            throw notANode;
        }
        if (!columns.exist(ids, column)) {
            List<String> known = columns.names(ids);
            String example = dev.osmosis.text.Suggestions.closest(column, known)
                    .map(c -> "; did you mean " + node + "." + c + "?")
                    .orElse(known.isEmpty() ? "; name a column as node.column" : "; name a column as node.column, e.g. "
                            + node + "." + known.get(0) + ".");
            throw OsmosisException.usage("'" + node + "' has no column '" + column + "' in its YAML" + example);
        }
        String lower = column.toLowerCase(Locale.ROOT);
        return pending.stream().filter(i -> ids.contains(i.uniqueId()) && i.column() != null
                && i.column().toLowerCase(Locale.ROOT).equals(lower)).toList();
    }
}
