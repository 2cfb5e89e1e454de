package dev.osmosis.report;

import dev.osmosis.review.ReviewKeys;
import dev.osmosis.review.ReviewStatus;
import java.util.Map;

/**
 * The report's view of the review marks (docs/adr/0501-review-mark.md): the same keys and the same rule as
 * {@code osmosis review} ({@link ReviewKeys}), told as provenance.
 */
public record ReviewMarks(String markKey, String reviewKey) {
    public static final String DEFAULT_MARK_KEY = ReviewKeys.DEFAULT_MARK_KEY;
    public static final String DEFAULT_REVIEW_KEY = ReviewKeys.DEFAULT_REVIEW_KEY;

    /** The keys configured in {@code vars: dbt-osmosis: llm:} (mark_key, review_key), else the defaults. */
    public static ReviewMarks from(Map<String, Object> llmVars) {
        ReviewKeys keys = ReviewKeys.from(llmVars);
        return new ReviewMarks(keys.markKey(), keys.reviewKey());
    }

    /** Awaiting review, reviewed, or null when a person wrote it (or nothing says otherwise). */
    public Provenance aiState(Map<String, Object> meta) {
        ReviewStatus status = new ReviewKeys(markKey, reviewKey).status(meta);
        if (status == null) {
            return null;
        }
        return status == ReviewStatus.REVIEWED ? Provenance.AI_REVIEWED : Provenance.AI_AWAITING;
    }
}
