package dev.osmosis.docs.synthesis;

import dev.osmosis.docs.Abstentions;
import dev.osmosis.docs.ColumnDocs;
import dev.osmosis.docs.NodeDocs;
import dev.osmosis.docs.Placeholders;
import dev.osmosis.docs.grounding.PromptGrounding;
import dev.osmosis.llm.LlmClient;
import dev.osmosis.llm.LlmException;
import dev.osmosis.llm.LlmResponse;
import dev.osmosis.llm.prompt.Abstention;
import dev.osmosis.llm.prompt.BulkAnswer;
import dev.osmosis.llm.prompt.PlainAnswer;
import dev.osmosis.llm.prompt.PromptBuilder;
import dev.osmosis.llm.prompt.PromptContext;
import dev.osmosis.project.Catalog;
import dev.osmosis.project.Node;
import dev.osmosis.trust.UntrustedText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Writes what inheritance left undocumented in one node: plans the calls, sends them, applies the answers to
 * undocumented places only (human-written text is never touched), marks each synthesized description, and falls
 * back to per-column calls for what a bulk answer left out. The batches of a wide model are independent calls:
 * they run concurrently, every answered batch is kept, and a failed one is reported (a rerun asks only for what
 * is still undocumented, i.e. the failed batches). A text a reviewer rejected (docs/adr/0706) is never written
 * back, even when the response cache or the model gives it again: the gap is asked for once more with the
 * rejected text named in the prompt, and left undocumented when the model repeats it. An answer is untrusted
 * whatever the prompt said: one holding Jinja delimiters is asked once more with a note, and every text passes
 * {@link UntrustedText} before it is written (ADR 0702).
 */
final class NodeSynthesizer {

    /**
     * What one node got. {@code synthesized}: column names, "" for the model description. {@code unusable}: the
     * gaps whose calls were answered with nothing usable (empty, {@code null}, a placeholder), in the same terms;
     * {@code repeatedRejected} the same for gaps left undocumented because every answer was a text a reviewer
     * rejected; {@code abstained} for gaps the model said it cannot tell (recorded in their meta, ADR 0714).
     */
    record Outcome(NodeDocs docs, Set<String> synthesized, Set<String> unusable, int calls, long tokens,
                   String failure, LlmException fatal, Set<String> repeatedRejected, Set<String> abstained) {
        Outcome(NodeDocs docs, Set<String> synthesized, Set<String> unusable, int calls, long tokens,
                String failure, LlmException fatal, Set<String> repeatedRejected) {
            this(docs, synthesized, unusable, calls, tokens, failure, fatal, repeatedRejected, Set.of());
        }
    }

    /** The "error" of a call not sent because the run was interrupted (not a failure). */
    private static final String NOT_SENT = "not sent: the run was interrupted";

    private final LlmClient client;
    private final PromptBuilder prompts;
    private final Placeholders placeholders;
    private final SynthesisSettings settings;
    private final Executor callPool;
    private final Cancellation cancellation;
    /** Which gaps may be asked for, by "nodeId|column" ("nodeId|" for the model description); all by default. */
    private final Predicate<String> asks;
    private final PromptGrounding grounding;

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
        this(client, prompts, placeholders, settings, callPool, cancellation, PromptGrounding.none(), gap -> true);
    }

    /**
     * {@code grounding}: renders doc() references and adds each asked column's facts to its prompts. {@code asks}:
     * the gaps this run may ask for (see {@link SynthesisRun#onlyAsking}); any other gap is left as it is,
     * uncalled, as if documented.
     */
    NodeSynthesizer(LlmClient client, PromptBuilder prompts, Placeholders placeholders, SynthesisSettings settings,
                    Executor callPool, Cancellation cancellation, PromptGrounding grounding, Predicate<String> asks) {
        this.asks = asks;
        this.grounding = grounding;
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
        return hasGaps(docs, Set.of());
    }

    /** Whether anything but the {@code stale} columns is undocumented and this run may ask for it. */
    boolean hasGaps(NodeDocs docs, Set<String> stale) {
        return modelGap(docs) || columnGaps(docs).stream().anyMatch(c -> !stale.contains(c.name()));
    }

    private boolean modelGap(NodeDocs docs) {
        return !placeholders.isDocumented(docs.description()) && asks.test(docs.uniqueId() + "|");
    }

    private List<ColumnDocs> columnGaps(NodeDocs docs) {
        return docs.columns().stream().filter(c -> !placeholders.isDocumented(c.description())
                && asks.test(docs.uniqueId() + "|" + c.name())).toList();
    }

    Outcome synthesize(Node node, NodeDocs docs, Catalog.Table table, List<PromptContexts.Parent> parents) {
        return synthesize(node, docs, table, parents, Set.of(), GapAncestry.NONE);
    }

    /**
     * {@code stale}: columns neither the catalog nor the SQL produces ({@link StaleColumns}); they are neither
     * asked for nor shown in the prompt, and left as they are. {@code ancestry}: the gaps' traced documented
     * ancestors, which their prompts show.
     */
    Outcome synthesize(Node node, NodeDocs docs, Catalog.Table table, List<PromptContexts.Parent> parents,
                       Set<String> stale, GapAncestry ancestry) {
        NodeDocs asked = forPrompt(docs, stale);
        PromptContext base = PromptContexts.of(node, asked, table, parents, placeholders, settings, grounding);
        Function<ColumnDocs, PromptContext.Column> asGap = c -> gapColumn(node.uniqueId(), c, table, ancestry);
        // abstained on this very prompt before: the model would see nothing new, so it is not asked (nor paid) again
        Set<String> settled = AbstentionPrints.settled(prompts, base, docs, placeholders, asGap);
        settled.removeAll(stale);
        boolean modelGap = modelGap(docs) && !settled.contains("");
        List<ColumnDocs> gaps = columnGaps(asked).stream().filter(c -> !settled.contains(c.name())).toList();
        NodeAnswers answers = new NodeAnswers(docs, ancestry);
        List<CallPlan.Call> plan = CallPlan.plan(modelGap, gaps, settings);
        List<String> failed = sendAll(plan, base, table, answers);
        boolean interrupted = cancellation.isCancelled();
        // what the answered bulk calls left out gets a call per gap; a failed batch is reported, not re-asked
        List<ColumnDocs> leftOut = new ArrayList<>();
        boolean modelLeftOut = false;
        for (int i = 0; i < plan.size(); i++) {
            if (plan.get(i) instanceof CallPlan.Bulk bulk && failed.get(i) == null) {
                // an abstention is an answer: asking the same again per column would only pay for it twice
                bulk.columns().stream().filter(c -> !answers.columnText.containsKey(c.name())
                        && !answers.abstained.contains(c.name())).forEach(leftOut::add);
                modelLeftOut |= bulk.model() && answers.modelText.get() == null && !answers.abstained.contains("");
            }
        }
        List<CallPlan.Call> fallback = answers.fatal.get() != null || interrupted ? List.of()
                : CallPlan.perGap(modelLeftOut, leftOut);
        List<String> fallbackFailed = sendAll(fallback, base, table, answers);
        // A rejected text came back (from the cache, or the model wrote it again) where no call named it yet.
        List<CallPlan.Call> again = answers.fatal.get() != null || cancellation.isCancelled() ? List.of()
                : answers.toAskAgain(gaps);
        List<String> againFailed = sendAll(again, base, table, answers);
        if (!cancellation.isCancelled()) {
            reaskJinja(docs, base, table, answers);
        }
        Set<String> abstained = answers.stillAbstained(filledBy(answers));
        AppliedAnswers applied = AppliedAnswers.of(docs, answers.columnText, answers.modelText.get(), placeholders,
                settings.markKey());
        // recorded against the prompt as a rerun would build it, i.e. with what this run wrote
        NodeDocs written = AbstentionPrints.record(prompts, PromptContexts.of(node, forPrompt(applied.docs(), stale),
                table, parents, placeholders, settings, grounding), applied.docs(), abstained, asGap);
        abstained.addAll(settled);
        List<CallPlan.Call> retried = new ArrayList<>(fallback);
        retried.addAll(again);
        List<String> retriedFailed = new ArrayList<>(fallbackFailed);
        retriedFailed.addAll(againFailed);
        interrupted |= cancellation.isCancelled();
        Set<String> stillRejected = answers.stillRejected();
        Set<String> unusable = new TreeSet<>(answers.fatal.get() != null || interrupted ? Set.of()
                : UnusableAnswers.of(plan, failed, retried, retriedFailed, applied.synthesized()));
        unusable.removeAll(stillRejected); // named as such
        unusable.removeAll(abstained);
        return new Outcome(written, applied.synthesized(), unusable, answers.calls.get(),
                answers.tokens.get(), FailedCalls.message(plan, sent(failed), retried, sent(retriedFailed),
                answers.fatal.get()), answers.fatal.get(), stillRejected, abstained);
    }

    /** The gaps some answer gave a text for ("" for the model description). */
    private static Set<String> filledBy(NodeAnswers answers) {
        Set<String> filled = new TreeSet<>(answers.columnText.keySet());
        if (answers.modelText.get() != null) {
            filled.add("");
        }
        return filled;
    }

    /**
     * The docs a prompt is built from: without the stale columns, and without the abstention records, which are
     * osmosis's bookkeeping (a prompt showing them would change with every record and never match its print).
     */
    private static NodeDocs forPrompt(NodeDocs docs, Set<String> stale) {
        List<ColumnDocs> columns = docs.columns().stream().filter(c -> !stale.contains(c.name()))
                .map(c -> c.withMeta(Abstentions.cleared(c.meta()))).toList();
        return docs.withColumns(columns).withMeta(Abstentions.cleared(docs.meta()));
    }

    /** The calls' errors, a call not sent because the run was interrupted counted as no error (nor answer). */
    private static List<String> sent(List<String> failed) {
        return failed.stream().map(f -> NOT_SENT.equals(f) ? null : f).toList();
    }

    /** Told to a model whose answer held Jinja delimiters, in the project context of the one re-ask. */
    static final String JINJA_NOTE = "Note: a previous answer contained template delimiters (double curly braces, "
            + "{% or {#). dbt renders descriptions as Jinja templates, so write plain text without them.";

    /**
     * Asks once more, with {@link #JINJA_NOTE}, for the answers that hold Jinja delimiters; an answer that is not
     * replaced (the re-ask failed, left it out or held Jinja again) stays, to be written neutralised.
     */
    private void reaskJinja(NodeDocs docs, PromptContext base, Catalog.Table table, NodeAnswers answers) {
        List<ColumnDocs> columns = docs.columns().stream()
                .filter(c -> UntrustedText.hasLiveJinja(answers.columnText.getOrDefault(c.name(), ""))).toList();
        String model = answers.modelText.get();
        boolean modelJinja = model != null && UntrustedText.hasLiveJinja(model);
        if (columns.isEmpty() && !modelJinja || answers.fatal.get() != null) {
            return;
        }
        Map<String, String> firstColumns = new LinkedHashMap<>(answers.columnText);
        columns.forEach(c -> answers.columnText.remove(c.name()));
        if (modelJinja) {
            answers.modelText.set(null);
        }
        String context = base.userContext().isBlank() ? JINJA_NOTE
                : base.userContext().strip() + "\n\n" + JINJA_NOTE;
        sendAll(CallPlan.plan(modelJinja, columns, settings), base.withUserContext(context), table, answers);
        firstColumns.forEach(answers.columnText::putIfAbsent);
        answers.modelText.compareAndSet(null, model);
    }

    /**
     * Sends independent calls concurrently on the call pool (the run's rate limiter bounds what is in flight) and
     * keeps every answer that arrives.
     *
     * @return per call, null when answered, else why it failed
     */
    private List<String> sendAll(List<CallPlan.Call> calls, PromptContext base, Catalog.Table table,
                                 NodeAnswers answers) {
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
    private String send(CallPlan.Call call, PromptContext base, Catalog.Table table, NodeAnswers answers) {
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
                    || e.kind() == LlmException.Kind.BUDGET_EXCEEDED || e.unreachable()) {
                // a circuit breaker: an unreachable provider stays so, retrying it per node only adds minutes
                answers.fatal.compareAndSet(null, e);
            }
            return e.getMessage();
        }
    }

    /** Sends one structured call; returns the tokens it used. */
    private long bulk(CallPlan.Bulk bulk, PromptContext base, Catalog.Table table, NodeAnswers answers) {
        PromptContext ctx = base.withGaps(contextColumns(bulk.columns(), base, table, answers), bulk.model());
        if (bulk.model()) {
            ctx = ctx.withRejectedDescription(answers.rejectedFor(""));
        }
        LlmResponse response = client.complete(prompts.bulk(ctx));
        BulkAnswer answer = BulkAnswer.parse(response, ctx);
        answer.abstainedColumns().forEach(answers::abstain);
        if (bulk.model() && answer.modelDescriptionAbstained()) {
            answers.abstain("");
        }
        // An answer that is a placeholder by the project's own list, or a rejected text, counts as left out.
        answer.columns().forEach((name, text) -> {
            if (placeholders.isDocumented(text)) {
                answers.column(name, text);
            }
        });
        if (bulk.model() && answer.modelDescription() != null && !answer.modelDescription().isBlank()) {
            answers.model(answer.modelDescription());
        }
        return Math.max(0, response.usage().total());
    }

    /** Sends one plain-text call; returns the tokens it used. */
    private long single(CallPlan.Call call, PromptContext base, Catalog.Table table, NodeAnswers answers) {
        if (call instanceof CallPlan.Model) {
            LlmResponse r = client.complete(prompts.modelDescription(base.withGaps(List.of(), true)
                    .withRejectedDescription(answers.rejectedFor(""))));
            String text = PlainAnswer.of(r);
            if (Abstention.isAbstention(r.text())) {
                answers.abstain("");
            } else if (!text.isBlank()) {
                answers.model(text);
            }
            return Math.max(0, r.usage().total());
        } else if (call instanceof CallPlan.Column col) {
            PromptContext.Column target = contextColumns(List.of(col.column()), base, table, answers).get(0);
            LlmResponse r = client.complete(prompts.column(base, target));
            String text = PlainAnswer.of(r, col.column().name());
            if (Abstention.isAbstention(r.text(), col.column().name())) {
                answers.abstain(col.column().name());
            } else if (!text.isBlank()) {
                answers.column(col.column().name(), text);
            }
            return Math.max(0, r.usage().total());
        }
        return 0;
    }

    private List<PromptContext.Column> contextColumns(List<ColumnDocs> columns, PromptContext base,
                                                      Catalog.Table table, NodeAnswers answers) {
        return columns.stream().map(c -> gapColumn(base.uniqueId(), c, table, answers.ancestry)
                .withRejected(answers.rejectedFor(c.name()))).toList();
    }

    /** A gap as its prompts show it: its facts, its traced documented ancestors and their facts. */
    private PromptContext.Column gapColumn(String nodeId, ColumnDocs c, Catalog.Table table, GapAncestry ancestry) {
        return PromptContexts.gap(nodeId, c, table, grounding, ancestry.of(c.name()),
                settings.limits().maxParentDescription());
    }
}
