package dev.osmosis.docs.synthesis;

import dev.osmosis.docs.ColumnDocs;
import dev.osmosis.docs.NodeDocs;
import dev.osmosis.docs.Placeholders;
import dev.osmosis.llm.LlmClient;
import dev.osmosis.llm.LlmException;
import dev.osmosis.llm.LlmResponse;
import dev.osmosis.llm.prompt.BulkAnswer;
import dev.osmosis.llm.prompt.PlainAnswer;
import dev.osmosis.llm.prompt.PromptBuilder;
import dev.osmosis.llm.prompt.PromptContext;
import dev.osmosis.project.Catalog;
import dev.osmosis.project.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes what inheritance left undocumented in one node: plans the calls, sends them, applies the answers to
 * undocumented places only (human-written text is never touched), marks each synthesized description, and falls
 * back to per-column calls for what a bulk answer left out. The batches of a wide model are independent calls:
 * they run concurrently, every answered batch is kept, and a failed one is reported (a rerun asks only for what
 * is still undocumented, i.e. the failed batches).
 */
final class NodeSynthesizer {

    /**
     * What one node got. {@code synthesized}: column names, "" for the model description. {@code unusable}: the
     * gaps whose calls were answered with nothing usable (empty, {@code null}, a placeholder), in the same terms.
     */
    record Outcome(NodeDocs docs, Set<String> synthesized, Set<String> unusable, int calls, long tokens,
                   String failure, LlmException fatal) {
    }

    /** The "error" of a call not sent because the run was interrupted (not a failure). */
    private static final String NOT_SENT = "not sent: the run was interrupted";

    private final LlmClient client;
    private final PromptBuilder prompts;
    private final Placeholders placeholders;
    private final SynthesisSettings settings;
    private final Executor callPool;
    private final Cancellation cancellation;

    /** Sends a node's calls one after another on the caller's thread. */
    NodeSynthesizer(LlmClient client, PromptBuilder prompts, Placeholders placeholders, SynthesisSettings settings) {
        this(client, prompts, placeholders, settings, Runnable::run, new Cancellation());
    }

    /**
     * @param callPool where a node's independent calls (the batches of a wide model) run concurrently; it must
     *                 not be the pool whose threads wait for them
     */
    NodeSynthesizer(LlmClient client, PromptBuilder prompts, Placeholders placeholders, SynthesisSettings settings,
                    Executor callPool) {
        this(client, prompts, placeholders, settings, callPool, new Cancellation());
    }

    /** {@code cancellation}: once tripped, no further call of this node starts (see {@link SynthesisRun}). */
    NodeSynthesizer(LlmClient client, PromptBuilder prompts, Placeholders placeholders, SynthesisSettings settings,
                    Executor callPool, Cancellation cancellation) {
        this.client = client;
        this.prompts = prompts;
        this.placeholders = placeholders;
        this.settings = settings;
        this.callPool = callPool;
        this.cancellation = cancellation;
    }

    /** The run was interrupted: no call starts any more. */
    boolean cancelled() {
        return cancellation.isCancelled();
    }

    boolean hasGaps(NodeDocs docs) {
        return !placeholders.isDocumented(docs.description()) || !columnGaps(docs).isEmpty();
    }

    private List<ColumnDocs> columnGaps(NodeDocs docs) {
        return docs.columns().stream().filter(c -> !placeholders.isDocumented(c.description())).toList();
    }

    Outcome synthesize(Node node, NodeDocs docs, Catalog.Table table, List<PromptContexts.Parent> parents) {
        boolean modelGap = !placeholders.isDocumented(docs.description());
        PromptContext base = PromptContexts.of(node, docs, table, parents, placeholders, settings);
        Answers answers = new Answers();
        List<CallPlan.Call> plan = CallPlan.plan(modelGap, columnGaps(docs), settings);
        List<String> failed = sendAll(plan, base, table, answers);
        boolean interrupted = cancellation.isCancelled();
        // what the answered bulk calls left out gets a call per gap; a failed batch is reported, not re-asked
        List<ColumnDocs> leftOut = new ArrayList<>();
        boolean modelLeftOut = false;
        for (int i = 0; i < plan.size(); i++) {
            if (plan.get(i) instanceof CallPlan.Bulk bulk && failed.get(i) == null) {
                bulk.columns().stream().filter(c -> !answers.columnText.containsKey(c.name())).forEach(leftOut::add);
                modelLeftOut |= bulk.model() && answers.modelText.get() == null;
            }
        }
        List<CallPlan.Call> fallback = answers.fatal.get() != null || interrupted ? List.of()
                : CallPlan.perGap(modelLeftOut, leftOut);
        List<String> fallbackFailed = sendAll(fallback, base, table, answers);
        Outcome applied = apply(docs, answers.columnText, answers.modelText.get());
        interrupted |= cancellation.isCancelled();
        Set<String> unusable = answers.fatal.get() != null || interrupted ? Set.of()
                : UnusableAnswers.of(plan, failed, fallback, fallbackFailed, applied.synthesized());
        return new Outcome(applied.docs(), applied.synthesized(), unusable, answers.calls.get(),
                answers.tokens.get(), FailedCalls.message(plan, sent(failed), fallback, sent(fallbackFailed),
                answers.fatal.get()), answers.fatal.get());
    }

    /** The calls' errors, a call not sent because the run was interrupted counted as no error (nor answer). */
    private static List<String> sent(List<String> failed) {
        return failed.stream().map(f -> NOT_SENT.equals(f) ? null : f).toList();
    }

    /** What the calls of one node gathered; its calls may run on several threads. */
    private static final class Answers {
        final Map<String, String> columnText = new ConcurrentHashMap<>();
        final AtomicReference<String> modelText = new AtomicReference<>();
        final AtomicInteger calls = new AtomicInteger();
        final AtomicLong tokens = new AtomicLong();
        /** An error that stops every further call (authentication, configuration, budget). */
        final AtomicReference<LlmException> fatal = new AtomicReference<>();
    }

    /**
     * Sends independent calls concurrently on the call pool (the run's rate limiter bounds what is in flight) and
     * keeps every answer that arrives.
     *
     * @return per call, null when answered, else why it failed
     */
    private List<String> sendAll(List<CallPlan.Call> calls, PromptContext base, Catalog.Table table,
                                 Answers answers) {
        String[] failed = new String[calls.size()];
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            int index = i;
            Runnable send = () -> failed[index] = send(calls.get(index), base, table, answers);
            if (calls.size() == 1) {
                send.run(); // a lone call needs no hand-off to another thread
            } else {
                running.add(CompletableFuture.runAsync(send, callPool));
            }
        }
        try {
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
        return Arrays.asList(failed);
    }

    /** Sends one call unless an earlier one stopped the run; returns null when it was answered, else the error. */
    private String send(CallPlan.Call call, PromptContext base, Catalog.Table table, Answers answers) {
        LlmException stop = answers.fatal.get();
        if (stop != null) {
            return stop.getMessage();
        }
        if (cancellation.isCancelled()) {
            return NOT_SENT;
        }
        answers.calls.incrementAndGet();
        try {
            answers.tokens.addAndGet(call instanceof CallPlan.Bulk bulk ? bulk(bulk, base, table, answers)
                    : single(call, base, table, answers));
            return null;
        } catch (LlmException e) {
            if (e.kind() == LlmException.Kind.AUTHENTICATION || e.kind() == LlmException.Kind.CONFIGURATION
                    || e.kind() == LlmException.Kind.BUDGET_EXCEEDED) {
                answers.fatal.compareAndSet(null, e);
            }
            return e.getMessage();
        }
    }

    /** Sends one structured call; returns the tokens it used. */
    private long bulk(CallPlan.Bulk bulk, PromptContext base, Catalog.Table table, Answers answers) {
        PromptContext ctx = base.withGaps(contextColumns(bulk.columns(), table), bulk.model());
        LlmResponse response = client.complete(prompts.bulk(ctx));
        BulkAnswer answer = BulkAnswer.parse(response, ctx);
        // An answer that is a placeholder by the project's own list counts as left out.
        answer.columns().forEach((name, text) -> {
            if (placeholders.isDocumented(text)) {
                answers.columnText.put(name, text);
            }
        });
        if (bulk.model() && answer.modelDescription() != null && !answer.modelDescription().isBlank()) {
            answers.modelText.set(answer.modelDescription());
        }
        return Math.max(0, response.usage().total());
    }

    /** Sends one plain-text call; returns the tokens it used. */
    private long single(CallPlan.Call call, PromptContext base, Catalog.Table table, Answers answers) {
        if (call instanceof CallPlan.Model) {
            LlmResponse r = client.complete(prompts.modelDescription(base.withGaps(List.of(), true)));
            String text = PlainAnswer.of(r);
            if (!text.isBlank()) {
                answers.modelText.set(text);
            }
            return Math.max(0, r.usage().total());
        } else if (call instanceof CallPlan.Column col) {
            PromptContext.Column target = contextColumns(List.of(col.column()), table).get(0);
            LlmResponse r = client.complete(prompts.column(base, target));
            String text = PlainAnswer.of(r, col.column().name());
            if (!text.isBlank()) {
                answers.columnText.put(col.column().name(), text);
            }
            return Math.max(0, r.usage().total());
        }
        return 0;
    }

    private static List<PromptContext.Column> contextColumns(List<ColumnDocs> columns, Catalog.Table table) {
        return columns.stream().map(c -> PromptContext.Column.gap(c.name(), PromptContexts.dataType(c, table)))
                .toList();
    }

    /** Puts answers only where the docs are still undocumented, each with the review mark. */
    private Outcome apply(NodeDocs docs, Map<String, String> columnText, String modelText) {
        Set<String> synthesized = new TreeSet<>();
        List<ColumnDocs> columns = new ArrayList<>();
        for (ColumnDocs c : docs.columns()) {
            String text = columnText.get(c.name());
            if (text != null && !placeholders.isDocumented(c.description()) && placeholders.isDocumented(text)) {
                ColumnDocs filled = c.withDescription(text.strip(), null);
                columns.add(settings.markKey() == null ? filled : filled.withMeta(mark(c.meta())));
                synthesized.add(c.name());
            } else {
                columns.add(c);
            }
        }
        NodeDocs result = docs.withColumns(columns);
        if (modelText != null && !placeholders.isDocumented(docs.description()) && placeholders.isDocumented(modelText)) {
            result = result.withDescription(modelText.strip());
            if (settings.markKey() != null) {
                result = result.withMeta(mark(docs.meta()));
            }
            synthesized.add("");
        }
        return new Outcome(result, synthesized, Set.of(), 0, 0, null, null);
    }

    private Map<String, Object> mark(Map<String, Object> meta) {
        Map<String, Object> marked = new LinkedHashMap<>(meta);
        marked.put(settings.markKey(), true);
        return marked;
    }
}
