package dev.osmosis.docs.synthesis;

import dev.osmosis.docs.NodeDocs;
import dev.osmosis.docs.NodeDocumenter;
import dev.osmosis.docs.Placeholders;
import dev.osmosis.docs.grounding.PromptGrounding;
import dev.osmosis.lineage.Lineage;
import dev.osmosis.lineage.columns.ColumnTracer;
import dev.osmosis.llm.LlmClient;
import dev.osmosis.llm.LlmException;
import dev.osmosis.llm.prompt.PromptBuilder;
import dev.osmosis.project.Catalog;
import dev.osmosis.project.Node;
import dev.osmosis.project.Project;
import dev.osmosis.project.ResourceType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * `--synthesize` over the DAG: one task per selected node that starts when its parents' tasks are done, so a
 * node first inherits what its parents just received (inherited or synthesized) and only what is still missing
 * costs a call, and its prompt shows the parents' new text. Independent nodes run concurrently on a bounded pool;
 * the result is the same whatever the timing, because each node sees exactly its finished ancestors.
 */
public final class SynthesisRun {
    /** A node whose calls failed; what it inherited is kept. */
    public record Failure(String nodeId, String message) {
    }

    /**
     * @param synthesized "nodeId|column" keys ("nodeId|" for a model description) written by the LLM
     * @param stoppedBy   the error that stopped all further calls (budget, authentication), or null
     * @param ungrounded  nodes with gaps but neither SQL nor columns: nothing to ground a description, no call
     * @param unusable    per node (in id order), the gaps the model answered with only placeholders: column names,
     *                    "" for the model description
     * @param rejectedAgain gaps left undocumented because the model kept giving a text a reviewer rejected, as
     *                    "nodeId" (its description) or "nodeId.column"
     * @param notCalled   nodes with gaps that got no call because {@code stoppedBy} had stopped the run, in id order
     * @param stale       per node (in id order), the undocumented YAML columns neither the catalog nor the SQL
     *                    produces ({@link StaleColumns}): not asked for, left as they are
     * @param abstained   per node (in id order), the gaps the model abstained on, left for their owner: column
     *                    names, "" for the model description (ADR 0714)
     */
    public record Result(Map<String, NodeDocs> after, Set<String> synthesized, List<Failure> failures,
                         LlmException stoppedBy, int calls, List<String> ungrounded,
                         Map<String, Set<String>> unusable, List<String> rejectedAgain, List<String> notCalled,
                         Map<String, Set<String>> stale, Map<String, Set<String>> abstained) {
        public Result(Map<String, NodeDocs> after, Set<String> synthesized, List<Failure> failures,
                      LlmException stoppedBy, int calls, List<String> ungrounded, Map<String, Set<String>> unusable,
                      List<String> rejectedAgain, List<String> notCalled) {
            this(after, synthesized, failures, stoppedBy, calls, ungrounded, unusable, rejectedAgain, notCalled,
                    Map.of(), Map.of());
        }

        /** How many descriptions the model gave no usable text for. */
        public int unusableCount() {
            return unusable.values().stream().mapToInt(Set::size).sum();
        }

        /** How many descriptions the model abstained on. */
        public int abstainedCount() {
            return abstained.values().stream().mapToInt(Set::size).sum();
        }

        /** "nodeId.column" (or "nodeId" for its description) per place, in node order. */
        public static List<String> places(Map<String, Set<String>> byNode) {
            List<String> out = new ArrayList<>();
            byNode.forEach((id, gaps) -> gaps.forEach(g -> out.add(g.isEmpty() ? id : id + "." + g)));
            return out;
        }
    }

    /** What the tasks of one run share; every member is safe for concurrent use. */
    private static final class Shared {
        final Map<String, NodeDocs> state;
        final Set<String> synthesized = ConcurrentHashMap.newKeySet();
        /** Nodes that got synthesized text: a lookup per parent instead of a scan of every synthesized key. */
        final Set<String> nodesWithNewText = ConcurrentHashMap.newKeySet();
        final Map<String, Failure> failures = new ConcurrentHashMap<>();
        final Set<String> ungrounded = ConcurrentHashMap.newKeySet();
        final Set<String> rejectedAgain = ConcurrentHashMap.newKeySet();
        final Set<String> notCalled = ConcurrentHashMap.newKeySet();
        final Map<String, Set<String>> unusable = new ConcurrentHashMap<>();
        final Map<String, Set<String>> stale = new ConcurrentHashMap<>();
        final Map<String, Set<String>> abstained = new ConcurrentHashMap<>();
        final AtomicReference<LlmException> stop = new AtomicReference<>();
        final NodeSynthesizer synthesizer;

        Shared(Map<String, NodeDocs> initial, NodeSynthesizer synthesizer) {
            state = new ConcurrentHashMap<>(initial);
            this.synthesizer = synthesizer;
        }
    }

    /** Told when a node is done, for progress output. */
    public interface Listener {
        void nodeDone(String nodeId, int calls, long tokens, int nodesDone, int nodesTotal);

        /**
         * The node's prompt shows text synthesized in this run for a parent or a traced ancestor column (a dry run
         * can only estimate it).
         */
        default void promptUsesNewParentText(String nodeId) {
        }
    }

    private final Project project;
    private final Lineage lineage;
    private final NodeDocumenter documenter;
    private final LlmClient client;
    private final PromptBuilder prompts;
    private final Placeholders placeholders;
    private final SynthesisSettings settings;
    private final int concurrency;
    private final Listener listener;
    private final Predicate<String> asks;
    /** Built with the run, used only here: `yaml document` without --synthesize parses no SQL. */
    private final ColumnTracer tracer;

    public SynthesisRun(Project project, Lineage lineage, NodeDocumenter documenter, LlmClient client,
                        PromptBuilder prompts, Placeholders placeholders, SynthesisSettings settings, int concurrency,
                        Listener listener) {
        this(project, lineage, documenter, client, prompts, placeholders, settings, concurrency, listener,
                gap -> true);
    }

    private SynthesisRun(Project project, Lineage lineage, NodeDocumenter documenter, LlmClient client,
                         PromptBuilder prompts, Placeholders placeholders, SynthesisSettings settings, int concurrency,
                         Listener listener, Predicate<String> asks) {
        this.asks = asks;
        this.project = project;
        this.lineage = lineage;
        this.documenter = documenter;
        this.client = client;
        this.prompts = prompts;
        this.placeholders = placeholders;
        this.settings = settings;
        this.concurrency = Math.max(1, concurrency);
        this.listener = listener;
        this.tracer = new ColumnTracer(project.manifest(), lineage);
    }

    /**
     * The same run asking only for the gaps {@code gaps} accepts, by "nodeId|column" ("nodeId|" for the model
     * description); the other gaps get no call and stay as they are. Every selected node still inherits, so the
     * prompts show what a full run would show. {@code osmosis llm eval} asks for its held-out descriptions only.
     */
    public SynthesisRun onlyAsking(Predicate<String> gaps) {
        return new SynthesisRun(project, lineage, documenter, client, prompts, placeholders, settings, concurrency,
                listener, gaps);
    }

    public Result run(Set<String> selected, Map<String, NodeDocs> initial) {
        return run(selected, initial, new Cancellation());
    }

    /**
     * Once {@code cancellation} is tripped no call starts: the calls in flight finish, the remaining nodes still
     * inherit, and the result holds everything complete.
     */
    public Result run(Set<String> selected, Map<String, NodeDocs> initial, Cancellation cancellation) {
        ExecutorService pool = daemonPool("osmosis-synthesis");
        // A node's batches run on their own pool: node tasks wait for them, so they must not wait for a node thread.
        ExecutorService callPool = daemonPool("osmosis-llm-call");
        Shared shared = new Shared(initial, new NodeSynthesizer(client, prompts, placeholders, settings, callPool,
                cancellation, PromptGrounding.of(project, settings.markKey()), asks));
        Map<String, NodeDocs> state = shared.state;
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        int total = (int) lineage.topologicalOrder().stream().filter(selected::contains).count();
        try {
            Map<String, CompletableFuture<Void>> futures = new HashMap<>();
            for (String id : lineage.topologicalOrder()) {
                CompletableFuture<?>[] parents = lineage.parents(id).stream().map(futures::get)
                        .toArray(CompletableFuture[]::new);
                CompletableFuture<Void> ready = CompletableFuture.allOf(parents);
                futures.put(id, !selected.contains(id) || !state.containsKey(id) ? ready
                        : ready.thenRunAsync(() -> {
                            long[] used = document(id, shared);
                            calls.addAndGet((int) used[0]);
                            if (listener != null) {
                                listener.nodeDone(id, (int) used[0], used[1], done.incrementAndGet(), total);
                            }
                        }, pool));
            }
            CompletableFuture.allOf(futures.values().toArray(CompletableFuture[]::new)).join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        } finally {
            pool.shutdownNow();
            callPool.shutdownNow();
        }
        Map<String, NodeDocs> after = new LinkedHashMap<>();
        for (String id : lineage.topologicalOrder()) {
            if (selected.contains(id) && state.containsKey(id)) {
                after.put(id, state.get(id));
            }
        }
        List<Failure> failed = new ArrayList<>(new java.util.TreeMap<>(shared.failures).values());
        return new Result(after, Collections.unmodifiableSet(new TreeSet<>(shared.synthesized)), failed,
                shared.stop.get(), calls.get(), List.copyOf(new TreeSet<>(shared.ungrounded)),
                Collections.unmodifiableMap(new java.util.TreeMap<>(shared.unusable)),
                List.copyOf(new TreeSet<>(shared.rejectedAgain)), List.copyOf(new TreeSet<>(shared.notCalled)),
                Collections.unmodifiableMap(new java.util.TreeMap<>(shared.stale)),
                Collections.unmodifiableMap(new java.util.TreeMap<>(shared.abstained)));
    }

    private ExecutorService daemonPool(String name) {
        return Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** The stale columns that are still undocumented: the ones a run would otherwise have asked about. */
    private Set<String> undocumented(NodeDocs docs, Set<String> stale) {
        Set<String> gaps = new TreeSet<>();
        docs.columns().stream().filter(c -> stale.contains(c.name()) && !placeholders.isDocumented(c.description()))
                .forEach(c -> gaps.add(c.name()));
        return gaps;
    }

    /** Documents one node; returns {calls, tokens}. */
    private long[] document(String id, Shared shared) {
        Map<String, NodeDocs> state = shared.state;
        NodeDocs docs = documenter.document(state.get(id), state::get);
        state.put(id, docs);
        Node node = project.manifest().node(id).orElseThrow();
        if (shared.synthesizer.cancelled() || node.resourceType() == ResourceType.SOURCE) {
            return new long[] {0, 0};
        }
        Catalog.Table table = project.catalog().table(id).orElse(null);
        Set<String> stale = StaleColumns.of(node, docs, table);
        Set<String> staleGaps = undocumented(docs, stale);
        if (!staleGaps.isEmpty()) {
            shared.stale.put(id, staleGaps);
        }
        if (!shared.synthesizer.hasGaps(docs, stale)) {
            return new long[] {0, 0};
        }
        if (shared.stop.get() != null) {
            shared.notCalled.add(id);
            return new long[] {0, 0};
        }
        if (node.sql().isBlank() && docs.columns().isEmpty()) {
            // Only a name to go on (a seed without YAML columns or catalog): a description would be invented.
            shared.ungrounded.add(id);
            return new long[] {0, 0};
        }
        List<PromptContexts.Parent> parents = new ArrayList<>();
        boolean usesNewText = false;
        for (String parentId : lineage.parents(id)) {
            NodeDocs parentDocs = state.get(parentId);
            if (parentDocs != null) {
                parents.add(new PromptContexts.Parent(project.manifest().node(parentId).orElseThrow(), parentDocs));
                usesNewText |= shared.nodesWithNewText.contains(parentId);
            }
        }
        // the docs of every ancestor are final here: its task finished before this one started
        GapAncestry ancestry = GapAncestry.trace(tracer, docs, stale, state::get, placeholders);
        usesNewText |= ancestry.byColumn().values().stream().flatMap(List::stream)
                .anyMatch(t -> shared.nodesWithNewText.contains(t.uniqueId()));
        if (usesNewText && listener != null) {
            listener.promptUsesNewParentText(id);
        }
        NodeSynthesizer.Outcome outcome = shared.synthesizer.synthesize(node, docs, table, parents, stale, ancestry);
        state.put(id, outcome.docs());
        outcome.synthesized().forEach(c -> shared.synthesized.add(id + "|" + c));
        outcome.repeatedRejected().forEach(c -> shared.rejectedAgain.add(c.isEmpty() ? id : id + "." + c));
        if (!outcome.synthesized().isEmpty()) {
            shared.nodesWithNewText.add(id);
        }
        if (!outcome.unusable().isEmpty()) {
            shared.unusable.put(id, outcome.unusable());
        }
        if (!outcome.abstained().isEmpty()) {
            shared.abstained.put(id, outcome.abstained());
        }
        if (outcome.failure() != null) {
            shared.failures.put(id, new Failure(id, outcome.failure()));
        }
        if (outcome.fatal() != null) {
            shared.stop.compareAndSet(null, outcome.fatal());
        }
        return new long[] {outcome.calls(), outcome.tokens()};
    }
}
