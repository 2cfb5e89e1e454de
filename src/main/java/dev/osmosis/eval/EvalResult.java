package dev.osmosis.eval;

import java.util.Comparator;
import java.util.List;

/**
 * What an eval measured: every held-out description with the model's answer and the judge's grade.
 *
 * @param answers    one per held-out description, in the order they were held out
 * @param candidates human-written descriptions of the selection
 * @param refillable candidates not held out because inheritance would fill them again
 * @param seed       the seed of the sample
 */
public record EvalResult(List<Answer> answers, int candidates, int refillable, long seed) {
    /**
     * @param text  the model's answer, or null when it gave none usable (the synthesis call failed, or the answer
     *              was empty, a placeholder, or refused as unsafe)
     * @param grade the judge's grade, or null when there was no answer to grade
     */
    public record Answer(HoldOut item, String text, Grade grade) {
        public boolean answered() {
            return text != null;
        }

        public boolean graded() {
            return grade != null && grade.graded();
        }
    }

    public EvalResult {
        answers = List.copyOf(answers);
    }

    public int heldOut() {
        return answers.size();
    }

    public long graded() {
        return answers.stream().filter(Answer::graded).count();
    }

    /** Answers the judge gave no usable grade for. */
    public long ungraded() {
        return answers.stream().filter(a -> a.answered() && !a.graded()).count();
    }

    /** Held-out descriptions the model gave no usable text for. */
    public long unanswered() {
        return answers.stream().filter(a -> !a.answered()).count();
    }

    /** The mean score of the graded answers; NaN when none was graded. */
    public double meanScore() {
        return answers.stream().filter(Answer::graded).mapToInt(a -> a.grade().score()).average().orElse(Double.NaN);
    }

    /** How many graded answers scored 0, 1, 2 and 3. */
    public long[] distribution() {
        long[] counts = new long[Grade.MAX_SCORE + 1];
        answers.stream().filter(Answer::graded).forEach(a -> counts[a.grade().score()]++);
        return counts;
    }

    /** The share of graded answers that are fully right (3); NaN when none was graded. */
    public double fullyRightShare() {
        long graded = graded();
        return graded == 0 ? Double.NaN : (double) distribution()[Grade.MAX_SCORE] / graded;
    }

    /** The {@code n} lowest graded answers below a full score, lowest first, then by name. */
    public List<Answer> worst(int n) {
        return answers.stream().filter(a -> a.graded() && a.grade().score() < Grade.MAX_SCORE)
                .sorted(Comparator.comparingInt((Answer a) -> a.grade().score())
                        .thenComparing(a -> a.item().shown()))
                .limit(n).toList();
    }
}
