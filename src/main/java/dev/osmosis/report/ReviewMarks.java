package dev.osmosis.report;

import java.util.Date;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the marks synthesis and review leave in a description's meta (docs/adr/0501-review-mark.md): synthesis sets
 * {@code osmosis_generated: true}; {@code osmosis review --accept} adds {@code osmosis_reviewed: 'YYYY-MM-DD'}. Both
 * keys are configurable under {@code vars: dbt-osmosis: llm:} (mark_key, review_key).
 */
public record ReviewMarks(String markKey, String reviewKey) {
    public static final String DEFAULT_MARK_KEY = "osmosis_generated";
    public static final String DEFAULT_REVIEW_KEY = "osmosis_reviewed";

    /** The keys configured in {@code vars: dbt-osmosis: llm:}, else the defaults. */
    public static ReviewMarks from(Map<String, Object> llmVars) {
        return new ReviewMarks(key(llmVars.get("mark_key"), DEFAULT_MARK_KEY),
                key(llmVars.get("review_key"), DEFAULT_REVIEW_KEY));
    }

    /**
     * The one place that decides what a documented description's meta says about AI authorship: awaiting review,
     * reviewed, or null when a person wrote it (or nothing says otherwise). A review key without the mark still
     * counts as reviewed AI text: someone removed the mark by hand.
     */
    public Provenance aiState(Map<String, Object> meta) {
        if (reviewed(meta.get(reviewKey))) {
            return Provenance.AI_REVIEWED;
        }
        return truthy(meta.get(markKey)) ? Provenance.AI_AWAITING : null;
    }

    private static boolean reviewed(Object value) {
        return value instanceof Date || (value != null && !String.valueOf(value).isBlank());
    }

    private static boolean truthy(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        String s = value == null ? "" : String.valueOf(value).strip().toLowerCase(Locale.ROOT);
        return s.equals("true") || s.equals("yes");
    }

    private static String key(Object configured, String fallback) {
        return configured == null || String.valueOf(configured).isBlank() ? fallback : String.valueOf(configured);
    }
}
