package dev.osmosis.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.osmosis.text.TerminalJson;
import dev.osmosis.text.TerminalText;
import dev.osmosis.usage.UsageRow;
import dev.osmosis.usage.UsageSnapshot;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Renders an eval for a terminal (text) or CI (JSON). Every project and model text passes {@link TerminalText} (or
 * {@link TerminalJson}): the human text, the answer and the judge's reason may hold anything.
 */
public final class EvalReportFormat {
    /** What the grades mean, score 0 to 3. */
    static final List<String> SCALE = List.of("contradicts", "uninformative", "right but vaguer", "every key fact");

    /**
     * Who answered and who judged, and how the calls went.
     *
     * @param synthesizer "provider model" of the synthesis
     * @param judge       "provider model" of the judge
     * @param usage       the run's usage by operation ({@code bulk}, {@code model}, {@code column}, {@code judge})
     */
    public record Context(String synthesizer, String judge, UsageSnapshot usage) {
    }

    private EvalReportFormat() {
    }

    public static String text(EvalResult r, Context ctx, int worst) {
        StringBuilder s = new StringBuilder();
        long models = r.answers().stream().filter(a -> a.item().isNodeDescription()).count();
        s.append(String.format(Locale.ROOT, "Held out %d human-written description%s (%d column%s, %d node "
                        + "description%s) of %d candidate%s, seed %d", r.heldOut(), plural(r.heldOut()),
                r.heldOut() - models, plural(r.heldOut() - models), models, plural(models), r.candidates(),
                plural(r.candidates()), r.seed()));
        s.append(r.refillable() > 0 ? "; " + r.refillable() + " not held out: inheritance would fill them again"
                : "").append(".\n");
        s.append("Synthesized by ").append(TerminalText.escape(ctx.synthesizer())).append(", judged by ")
                .append(TerminalText.escape(ctx.judge())).append(".\n\n");
        if (r.graded() == 0) {
            s.append("Score: none (no answer was graded)\n");
        } else {
            s.append(String.format(Locale.ROOT, "Score: %.2f of 3 (%d graded)%n", r.meanScore(), r.graded()));
            long[] d = r.distribution();
            for (int score = Grade.MAX_SCORE; score >= 0; score--) {
                s.append(String.format(Locale.ROOT, "  %d %-17s %4d %4.0f%%%n", score, SCALE.get(score), d[score],
                        100.0 * d[score] / r.graded()));
            }
            s.append(String.format(Locale.ROOT, "Fully right: %.0f%%%n", 100 * r.fullyRightShare()));
        }
        s.append("Ungraded (the judge's answer was unusable): ").append(r.ungraded()).append('\n');
        s.append("Unanswered (no usable text from the model): ").append(r.unanswered()).append('\n');
        List<EvalResult.Answer> cases = r.worst(worst);
        if (!cases.isEmpty()) {
            s.append("\nWorst cases:\n");
            for (EvalResult.Answer a : cases) {
                s.append("  ").append(TerminalText.escape(a.item().shown())).append(": ").append(a.grade().score())
                        .append(" (").append(SCALE.get(a.grade().score())).append(")\n");
                s.append("    human:  ").append(oneLine(a.item().humanText())).append('\n');
                s.append("    answer: ").append(oneLine(a.text())).append('\n');
                s.append("    judge:  ").append(oneLine(a.grade().reason())).append('\n');
            }
        }
        s.append('\n').append(usageLine(ctx.usage()));
        long cached = synthesisCacheHits(ctx.usage());
        if (cached > 0) {
            s.append(cached).append(" synthesis answer").append(cached == 1 ? " came" : "s came")
                    .append(" from the response cache: the same prompt to the same model answered before, so the "
                            + "eval still measures them (--no-llm-cache asks anew).\n");
        }
        return s.toString();
    }

    public static String json(EvalResult r, Context ctx) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("held_out", r.heldOut()).put("candidates", r.candidates()).put("refillable", r.refillable())
                .put("seed", r.seed()).put("synthesizer", ctx.synthesizer()).put("judge", ctx.judge());
        root.put("graded", r.graded()).put("ungraded", r.ungraded()).put("unanswered", r.unanswered());
        if (r.graded() > 0) {
            root.put("mean_score", round(r.meanScore())).put("fully_right_share", round(r.fullyRightShare()));
        } else {
            root.putNull("mean_score").putNull("fully_right_share");
        }
        ObjectNode distribution = root.putObject("distribution");
        long[] d = r.distribution();
        for (int score = 0; score <= Grade.MAX_SCORE; score++) {
            distribution.put(String.valueOf(score), d[score]);
        }
        ArrayNode items = root.putArray("items");
        for (EvalResult.Answer a : r.answers()) {
            ObjectNode item = items.addObject();
            item.put("node", a.item().nodeId()).put("name", a.item().nodeName()).put("column", a.item().column())
                    .put("human", a.item().humanText()).put("answer", a.text());
            if (a.graded()) {
                item.put("score", a.grade().score());
            } else {
                item.putNull("score");
            }
            item.put("reason", a.grade() == null ? null : a.grade().reason());
        }
        UsageRow total = ctx.usage().total();
        root.putObject("usage").put("calls", total.requests()).put("cache_hits", total.cacheHits())
                .put("synthesis_cache_hits", synthesisCacheHits(ctx.usage()))
                .put("input_tokens", total.inputTokens()).put("output_tokens", total.outputTokens())
                .put("cost_usd", total.cost().orElse(null));
        try {
            return TerminalJson.mapper().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String usageLine(UsageSnapshot usage) {
        UsageRow t = usage.total();
        return String.format(Locale.ROOT, "LLM: %d call%s (%d from the cache), %d input + %d output tokens, cost %s%n",
                t.requests(), plural(t.requests()), t.cacheHits(), t.inputTokens(), t.outputTokens(),
                t.cost().map(c -> String.format(Locale.ROOT, "$%.4f", c)).orElse("unknown (no price for the model)"));
    }

    /** Cache hits of the synthesis calls (every operation but the judge's). */
    static long synthesisCacheHits(UsageSnapshot usage) {
        return usage.byOperation().stream().filter(row -> !Judge.OPERATION.equals(row.key()))
                .mapToLong(UsageRow::cacheHits).sum();
    }

    private static String oneLine(String text) {
        return TerminalText.escape(text == null ? "" : text.strip().replaceAll("\\s+", " "));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static String plural(long n) {
        return n == 1 ? "" : "s";
    }
}
