package dev.osmosis.eval;

import dev.osmosis.docs.ColumnDocs;
import dev.osmosis.docs.NodeDocs;
import dev.osmosis.docs.synthesis.SynthesisRun;
import dev.osmosis.llm.LlmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs an eval: the held-out descriptions are asked for through the synthesis users run ({@link SynthesisRun},
 * the configured templates, strategy and client chain, asking only for the held-out gaps), then each answer is
 * graded by the {@link Judge}. Nothing is written anywhere: the blanked docs live in memory only.
 */
public final class EvalRun {
    /**
     * @param result     the eval's measurements
     * @param synthesis  what the synthesis run reported (failures, the error that stopped it)
     * @param judgeStop  the error that stopped the judge calls, or null
     */
    public record Outcome(EvalResult result, SynthesisRun.Result synthesis, LlmException judgeStop) {
    }

    private final SynthesisRun synthesis;
    private final Judge judge;
    private final int concurrency;

    /** {@code concurrency}: judge calls in flight at once (the client chain's limiter paces them further). */
    public EvalRun(SynthesisRun synthesis, Judge judge, int concurrency) {
        this.synthesis = synthesis;
        this.judge = judge;
        this.concurrency = Math.max(1, concurrency);
    }

    /**
     * @param selected the node ids a real run would document (they inherit as in that run)
     * @param preview  an {@code --llm-dry-run}: the synthesis answers are placeholders, so each judge call is
     *                 planned with the human text standing in for the answer (of similar length)
     */
    public Outcome run(Set<String> selected, HoldOuts.Selection chosen, boolean preview) {
        Set<String> keys = chosen.keys();
        SynthesisRun.Result synthesized = synthesis.onlyAsking(keys::contains).run(selected, chosen.blanked());
        List<String> texts = new ArrayList<>();
        for (HoldOut item : chosen.heldOut()) {
            texts.add(preview ? item.humanText() : answer(item, synthesized));
        }
        AtomicReference<LlmException> stop = new AtomicReference<>();
        List<Grade> grades = grade(chosen.heldOut(), texts, stop);
        List<EvalResult.Answer> answers = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            answers.add(new EvalResult.Answer(chosen.heldOut().get(i), texts.get(i), grades.get(i)));
        }
        EvalResult result = new EvalResult(answers, chosen.candidates(), chosen.refillable(), chosen.seed());
        return new Outcome(result, synthesized, stop.get());
    }

    /** The synthesized text of a held-out description, or null when the model gave none usable. */
    private static String answer(HoldOut item, SynthesisRun.Result result) {
        if (!result.synthesized().contains(item.key())) {
            return null;
        }
        NodeDocs docs = result.after().get(item.nodeId());
        if (item.isNodeDescription()) {
            return docs.description();
        }
        return docs.columns().stream().filter(c -> c.name().equals(item.column())).map(ColumnDocs::description)
                .findFirst().orElse(null);
    }

    /** One grade per answer (null where there is none), graded concurrently, in the answers' order. */
    private List<Grade> grade(List<HoldOut> items, List<String> texts, AtomicReference<LlmException> stop) {
        Grade[] grades = new Grade[items.size()];
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "osmosis-eval-judge");
            t.setDaemon(true);
            return t;
        });
        try {
            List<CompletableFuture<Void>> running = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                int index = i;
                if (texts.get(i) == null) {
                    continue;
                }
                running.add(CompletableFuture.runAsync(() -> grades[index] = gradeOne(items.get(index),
                        texts.get(index), stop), pool));
            }
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        } finally {
            pool.shutdownNow();
        }
        return java.util.Arrays.asList(grades);
    }

    private Grade gradeOne(HoldOut item, String text, AtomicReference<LlmException> stop) {
        LlmException stopped = stop.get();
        if (stopped != null) {
            return Grade.ungraded("not graded: " + stopped.getMessage());
        }
        try {
            return judge.grade(item, text);
        } catch (LlmException e) {
            stop.compareAndSet(null, e);
            return Grade.ungraded("not graded: " + e.getMessage());
        }
    }
}
