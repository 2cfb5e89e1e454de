package dev.osmosis.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The splices accepted so far in one patching round, indexed so that checking a new one for a conflict does not
 * scan them all: a file documenting fifty models gets over a thousand edits in one round, and the plain
 * all-pairs check made patching quadratic. Same answers as {@link Splice#conflictsWith} against each one.
 */
final class AcceptedSplices {
    private final List<Splice> all = new ArrayList<>();
    private final TreeMap<Integer, List<Splice>> byStart = new TreeMap<>();
    private final Set<String> claims = new HashSet<>();
    private int longest;

    void add(Splice s) {
        all.add(s);
        byStart.computeIfAbsent(s.start(), k -> new ArrayList<>(1)).add(s);
        if (s.claim() != null) {
            claims.add(s.claim());
        }
        longest = Math.max(longest, s.end() - s.start());
    }

    boolean conflictsWith(Splice s) {
        if (s.claim() != null && claims.contains(s.claim())) {
            return true;
        }
        // Only a splice starting at or before s.end() and no more than `longest` before s.start() can touch it.
        int from = s.start() - longest;
        for (Map.Entry<Integer, List<Splice>> e : byStart.subMap(from, true, s.end(), true).entrySet()) {
            for (Splice a : e.getValue()) {
                if (s.conflictsWith(a)) {
                    return true;
                }
            }
        }
        return false;
    }

    boolean isEmpty() {
        return all.isEmpty();
    }

    /** In the order they were accepted (the order same-point insertions are applied in). */
    List<Splice> inOrder() {
        return all;
    }
}
