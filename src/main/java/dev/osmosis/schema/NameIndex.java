package dev.osmosis.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Items by name for {@link SchemaTree#matchByName}'s rule (exact name first, then case-insensitive, each the first
 * in list order) without scanning them all: patching looks an entry and a column up once per edit, and a file of a
 * hundred entries with thirty columns each gets thousands of edits, so the scans (and their lower-casing) grew with
 * the file times the edits.
 */
final class NameIndex<T> {
    private final Function<T, String> name;
    /** Items by lower-cased name, each list in the original order. */
    private final Map<String, List<T>> byLowerName = new HashMap<>();

    NameIndex(List<T> items, Function<T, String> name) {
        this.name = name;
        for (T item : items) {
            String n = name.apply(item);
            if (n != null) {
                byLowerName.computeIfAbsent(EditPlanner.lower(n), k -> new ArrayList<>(1)).add(item);
            }
        }
    }

    /** The item {@link SchemaTree#matchByName} finds among those {@code among} accepts; null when none. */
    T find(String wanted, Predicate<T> among) {
        T insensitive = null;
        for (T item : sameName(wanted)) {
            if (among.test(item)) {
                if (wanted.equals(name.apply(item))) {
                    return item;
                }
                insensitive = insensitive == null ? item : insensitive;
            }
        }
        return insensitive;
    }

    /** Every item whose name equals {@code wanted} ignoring case, in order. */
    List<T> sameName(String wanted) {
        return byLowerName.getOrDefault(EditPlanner.lower(wanted), List.of());
    }
}
