package dev.osmosis.review;

import dev.osmosis.OsmosisException;
import dev.osmosis.docs.YamlDocs;
import dev.osmosis.project.Node;
import dev.osmosis.project.Project;
import dev.osmosis.schema.SchemaFiles;
import dev.osmosis.schema.SchemaWriter;
import dev.osmosis.schema.UnifiedDiff;
import dev.osmosis.schema.YamlEdit;
import dev.osmosis.text.TerminalText;
import dev.osmosis.usage.NodeCall;
import dev.osmosis.writes.WriteGate;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The flow of `osmosis review`: find AI-written text, apply a decision, list what still awaits review, gate. */
public final class ReviewRun {
    public enum Action { list, accept, reject }

    /**
     * What the user asked for.
     *
     * @param maxPending exit 1 when more descriptions than this await review; null for no gate
     * @param today      the date an accepted description gets
     */
    public record Request(Action action, List<String> selectors, boolean all, ReviewFormat.Kind format,
                          Integer maxPending, boolean dryRun, LocalDate today) {
        public Request {
            selectors = List.copyOf(selectors);
        }
    }

    /** Where the run reads and prints: {@code shown} renders a file path for the user (and for CI annotations). */
    public record Io(PrintWriter out, PrintWriter err, Function<Path, String> shown,
                     Map<String, NodeCall> ledger) {
    }

    private final Project project;
    private final List<Node> nodes;
    private final ReviewSelection.Nodes resolver;
    private final Io io;
    private final ReviewKeys keys;
    private final ReviewScan scanner;

    public ReviewRun(Project project, List<Node> nodes, ReviewSelection.Nodes resolver, Io io) {
        this.project = project;
        this.nodes = nodes;
        this.resolver = resolver;
        this.io = io;
        this.keys = ReviewKeys.from(project.config());
        this.scanner = ReviewScan.of(project.config());
    }

    public int run(Request request) {
        SchemaFiles files = SchemaFiles.of(project);
        files.problems().forEach(p -> io.err().println("error: " + TerminalText.escape(p.message())));
        List<ReviewItem> items = scan(files);
        List<String> failures = new ArrayList<>();
        if (request.action() != Action.list) {
            ReviewSelection.Result chosen = ReviewSelection.choose(request.selectors(), request.all(),
                    decidable(request, items), resolver, new ReviewSelection.Columns() {
                        @Override
                        public boolean exist(Set<String> ids, String column) {
                            return hasColumn(files, ids, column);
                        }

                        @Override
                        public List<String> names(Set<String> ids) {
                            return columnNames(files, ids);
                        }
                    });
            String what = request.action() == Action.reject && !request.all() ? "no AI-written description"
                    : "nothing awaiting review";
            chosen.matchedNothing().forEach(s -> io.err().println("note: " + what + " matches '"
                    + TerminalText.escape(s) + "'"));
            failures.addAll(decide(request, files, chosen.chosen()));
            if (request.dryRun()) {
                Set<ReviewItem> decided = new HashSet<>(chosen.chosen());
                items = items.stream().filter(i -> !decided.contains(i)).toList();
            } else {
                items = scan(SchemaFiles.of(project));
            }
        }
        ReviewFormat listing = new ReviewFormat(items, i -> io.shown().apply(i.file()));
        if (request.action() == Action.list || !request.dryRun()) {
            io.out().print(listing.render(request.format()));
        } else {
            // a dry run wrote nothing: what it lists is what would remain
            io.err().println("once written: " + listing.summary());
        }
        io.out().flush();
        if (!files.problems().isEmpty()) {
            failures.add("some YAML files could not be parsed (see above); their descriptions are not listed");
        }
        if (!failures.isEmpty()) {
            throw OsmosisException.failure(String.join("; ", failures));
        }
        long pending = items.stream().filter(i -> i.status() == ReviewStatus.PENDING).count();
        if (request.maxPending() != null && pending > request.maxPending()) {
            throw OsmosisException.failure(pending + " AI-written description(s) await review; --max-pending allows "
                    + request.maxPending() + ". Review them with osmosis review, then --accept or --reject.");
        }
        return 0;
    }

    /**
     * What a decision may apply to: descriptions awaiting review, and for a rejection that names them also those
     * accepted before (a reviewer may change their mind); --all means every description awaiting review.
     */
    static List<ReviewItem> decidable(Request request, List<ReviewItem> items) {
        if (request.action() == Action.reject && !request.all()) {
            return items.stream().filter(i -> i.status() != ReviewStatus.NEEDS_OWNER).toList(); // no text to reject
        }
        return items.stream().filter(i -> i.status() == ReviewStatus.PENDING).toList();
    }

    private List<String> columnNames(SchemaFiles files, Set<String> uniqueIds) {
        return uniqueIds.stream().sorted().flatMap(id -> project.manifest().node(id).stream())
                .map(n -> files.find(YamlDocs.ref(n), n)).flatMap(java.util.Optional::stream)
                .flatMap(l -> l.entry().columns().stream()).map(dev.osmosis.schema.SchemaColumn::name).distinct()
                .toList();
    }

    private boolean hasColumn(SchemaFiles files, Set<String> uniqueIds, String column) {
        return uniqueIds.stream().flatMap(id -> project.manifest().node(id).stream())
                .map(n -> files.find(YamlDocs.ref(n), n))
                .anyMatch(l -> l.isPresent() && l.get().entry().column(column).isPresent());
    }

    private List<ReviewItem> scan(SchemaFiles files) {
        return scanner.scan(nodes, files).stream().map(i -> i.withCall(io.ledger().get(i.uniqueId()))).toList();
    }

    /** Applies the decision to the chosen descriptions; returns what failed. */
    private List<String> decide(Request request, SchemaFiles files, List<ReviewItem> chosen) {
        Map<Path, List<YamlEdit>> edits = request.action() == Action.accept
                ? ReviewEdits.accept(chosen, keys, request.today()) : ReviewEdits.reject(chosen, keys);
        ReviewChanges.Result result = ReviewChanges.apply(files, edits);
        result.refused().forEach(r -> io.err().println("error: " + TerminalText.escape(r)));
        List<String> failures = new ArrayList<>();
        if (!result.refused().isEmpty()) {
            failures.add(result.refused().size() + " edit(s) refused (see above)");
        }
        WriteGate gate = new WriteGate(project.layout(), files);
        Set<Path> notWritten = new HashSet<>();
        for (ReviewChanges.FileChange change : result.files()) {
            String shown = io.shown().apply(change.path());
            try {
                Path real = gate.admit(change.path());
                if (request.dryRun()) {
                    io.out().print(TerminalText.escapeLines(UnifiedDiff.of(Path.of(shown), change.before(),
                            change.after())));
                } else {
                    SchemaWriter.write(real, change.after());
                    io.err().println("updated " + TerminalText.escape(shown));
                }
            } catch (IOException e) {
                io.err().println("error: " + (request.dryRun() ? "would not write " : "cannot write ")
                        + TerminalText.escape(shown + ": " + e.getMessage()));
                failures.add((request.dryRun() ? "would not write " : "cannot write ") + shown);
                notWritten.add(change.path());
            } catch (OsmosisException e) {
                io.err().println("error: " + TerminalText.escape(e.getMessage()));
                failures.add("cannot write " + shown);
                notWritten.add(change.path());
            }
        }
        // only what reached a file is decided: a refused file keeps its descriptions awaiting review
        long decided = chosen.stream().filter(i -> !notWritten.contains(i.file())).count();
        String verb = request.action() == Action.accept ? "accepted " : "rejected ";
        io.err().println((request.dryRun() ? "dry run, nothing written: would have " : "") + verb + decided
                + " description(s) in " + (result.files().size() - notWritten.size()) + " file(s)");
        return failures;
    }
}
