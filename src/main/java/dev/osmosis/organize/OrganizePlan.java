package dev.osmosis.organize;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The moves of one run and what they make of the files: the new text of every file they touch, the files they
 * leave empty (to delete), and the nodes left in place with the reason (the run exits 1 for them).
 */
public record OrganizePlan(List<Move> moves, Map<Path, String> texts, Set<Path> emptied, List<String> skipped) {
    public OrganizePlan {
        moves = List.copyOf(moves);
        texts = Collections.unmodifiableMap(new TreeMap<>(texts));
        emptied = Collections.unmodifiableSet(new TreeSet<>(emptied));
        skipped = List.copyOf(skipped);
    }

    /** Whether carrying out the plan writes anything: a move, a file's new text or an emptied file. */
    public boolean changesFiles() {
        return !moves.isEmpty() || !texts.isEmpty() || !emptied.isEmpty();
    }

    public static OrganizePlan none() {
        return new OrganizePlan(List.of(), Map.of(), Set.of(), List.of());
    }
}
