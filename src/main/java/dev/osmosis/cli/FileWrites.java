package dev.osmosis.cli;

import dev.osmosis.AtomicFiles;
import dev.osmosis.organize.Move;
import dev.osmosis.organize.OrganizePlan;
import dev.osmosis.schema.SchemaFiles;
import dev.osmosis.schema.UnifiedDiff;
import dev.osmosis.writes.WriteGate;
import dev.osmosis.text.TerminalText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Shows or writes a run's new file texts. Files linked by moves are written as one group: all of them, or (when one
 * write fails) none, so a moved entry is never lost nor left in two files. Every file passes the {@link WriteGate}
 * first, in a preview too: a file it refuses is named with the reason and neither shown as a diff nor written.
 */
final class FileWrites {
    /** One file's text before and after; {@code before} "" for a new file, {@code after} null for a deleted one. */
    record Write(Path path, String before, String after) {
    }

    private final CommandContext ctx;
    private final Path root;
    private final WriteGate gate;

    FileWrites(CommandContext ctx, Path root, WriteGate gate) {
        this.ctx = ctx;
        this.root = root;
        this.gate = gate;
    }

    /**
     * Per file: the text on disk, then the text after the moves and, over those, the later {@code edits} (a file
     * the moves empty is deleted unless an edit gives it text again).
     */
    static List<Write> of(SchemaFiles onDisk, OrganizePlan plan, Map<Path, String> edits) {
        Map<Path, String> finalTexts = new TreeMap<>();
        plan.emptied().forEach(p -> finalTexts.put(p, null));
        finalTexts.putAll(plan.texts());
        finalTexts.putAll(edits);
        List<Write> writes = new ArrayList<>();
        finalTexts.forEach((path, text) -> {
            String before = onDisk.fileOrEmpty(path).text();
            if (!before.equals(text)) {
                writes.add(new Write(path, before, text));
            }
        });
        return writes;
    }

    /** Prints each move and the diff of every file the gate admits; returns the files it refuses. */
    List<String> preview(List<Write> writes, List<Move> moves) {
        moves.forEach(m -> ctx.out().println("move " + describe(m)));
        List<String> refused = new ArrayList<>();
        for (Write w : writes) {
            try {
                gate.admit(w.path());
            } catch (IOException e) {
                ctx.err().println("error: would not write " + TerminalText.escape(shown(w.path()) + ": " + e.getMessage()));
                refused.add(shown(w.path()));
                continue;
            }
            ctx.out().print(TerminalText.escapeLines(UnifiedDiff.of(root.relativize(w.path()), w.before(),
                    w.after() == null ? "" : w.after())));
        }
        return refused;
    }

    /** Writes every group it can; returns the files of the groups that could not be written. */
    List<String> apply(List<Write> writes, List<Move> moves) {
        List<String> unwritten = new ArrayList<>();
        for (List<Write> group : groups(writes, moves)) {
            List<Write> done = new ArrayList<>();
            try {
                for (Write w : group) {
                    write(w);
                    done.add(w);
                }
            } catch (IOException e) {
                ctx.err().println(TerminalText.escape("error: cannot write " + shown(group.get(done.size()).path())
                        + ": " + e.getMessage() + (group.size() > 1 ? "; the files moved entries link to it are left "
                        + "as they were" : "")));
                rollBack(done);
                group.forEach(w -> unwritten.add(shown(w.path())));
                continue;
            }
            for (Write w : group) {
                ctx.err().println((w.after() == null ? "deleted " : w.before().isEmpty() ? "created " : "updated ")
                        + TerminalText.escape(shown(w.path())));
            }
        }
        made(moves, unwritten).forEach(m -> ctx.err().println("moved " + describe(m)));
        return unwritten;
    }

    /** The moves done: those whose files were all written (a refused file's group is left as it was). */
    List<Move> made(List<Move> moves, List<String> unwritten) {
        return moves.stream().filter(m -> !unwritten.contains(shown(m.from())) && !unwritten.contains(shown(m.to())))
                .toList();
    }

    private void write(Write w) throws IOException {
        Path real = gate.admit(w.path());
        if (w.after() == null) {
            Files.delete(w.path());
        } else {
            AtomicFiles.write(real, w.after());
        }
    }

    private void rollBack(List<Write> done) {
        for (int i = done.size() - 1; i >= 0; i--) {
            Write w = done.get(i);
            try {
                if (w.before().isEmpty() && w.after() != null) {
                    Files.deleteIfExists(w.path());
                } else {
                    AtomicFiles.write(w.path(), w.before());
                }
            } catch (IOException e) {
                ctx.err().println(TerminalText.escape("error: cannot restore " + shown(w.path()) + ": "
                        + e.getMessage()));
            }
        }
    }

    /** Files joined by moves, each group with its deletions last (only removals can empty a file). */
    private static List<List<Write>> groups(List<Write> writes, List<Move> moves) {
        Map<Path, Path> parent = new HashMap<>();
        writes.forEach(w -> parent.put(w.path(), w.path()));
        for (Move m : moves) {
            Path a = find(parent, m.from());
            Path b = find(parent, m.to());
            parent.put(a, b);
        }
        Map<Path, List<Write>> byRoot = new LinkedHashMap<>();
        for (Write w : writes) {
            byRoot.computeIfAbsent(find(parent, w.path()), k -> new ArrayList<>()).add(w);
        }
        List<List<Write>> groups = new ArrayList<>();
        for (List<Write> group : byRoot.values()) {
            List<Write> ordered = new ArrayList<>(group.stream().filter(w -> w.after() != null).toList());
            ordered.addAll(group.stream().filter(w -> w.after() == null).toList());
            groups.add(ordered);
        }
        return groups;
    }

    private static Path find(Map<Path, Path> parent, Path p) {
        Path at = parent.computeIfAbsent(p, k -> k);
        while (!parent.get(at).equals(at)) {
            at = parent.get(at);
        }
        return at;
    }

    private String describe(Move m) {
        return TerminalText.escape(m.what() + ": " + shown(m.from()) + " -> " + shown(m.to()));
    }

    private String shown(Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }
}
