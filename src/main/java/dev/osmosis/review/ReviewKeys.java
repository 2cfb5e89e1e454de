package dev.osmosis.review;

import dev.osmosis.project.DbtProject;
import java.util.Map;

/**
 * The two meta keys of a review: {@code markKey} (set to true by --synthesize on every description it writes) and
 * {@code reviewKey} (set to the ISO date by {@code review --accept}, next to the mark). See docs/adr/0501.
 */
public record ReviewKeys(String markKey, String reviewKey) {
    public static final String DEFAULT_MARK_KEY = dev.osmosis.docs.synthesis.SynthesisSettings.DEFAULT_MARK_KEY;
    public static final String DEFAULT_REVIEW_KEY = "osmosis_reviewed";
    public static final ReviewKeys DEFAULT = new ReviewKeys(DEFAULT_MARK_KEY, DEFAULT_REVIEW_KEY);

    /** {@code vars: dbt-osmosis: llm: mark_key} and {@code review_key}, else the defaults. */
    public static ReviewKeys from(DbtProject project) {
        return from(project.llmVars());
    }

    /** The keys of a {@code vars: dbt-osmosis: llm:} mapping, else the defaults. */
    public static ReviewKeys from(Map<String, Object> llm) {
        return new ReviewKeys(text(llm.get("mark_key"), DEFAULT_MARK_KEY), text(llm.get("review_key"),
                DEFAULT_REVIEW_KEY));
    }

    private static String text(Object v, String fallback) {
        return v == null || String.valueOf(v).isBlank() ? fallback : String.valueOf(v).strip();
    }

    /** Where a description stands, from its meta (top level and config merged); null when no AI wrote it. */
    public ReviewStatus status(Map<String, Object> meta) {
        if (reviewedOn(meta) != null) {
            return ReviewStatus.REVIEWED;
        }
        Object mark = meta.get(markKey);
        boolean marked = Boolean.TRUE.equals(mark) || mark instanceof String s
                && (s.strip().equalsIgnoreCase("true") || s.strip().equalsIgnoreCase("yes"));
        return marked ? ReviewStatus.PENDING : null;
    }

    /** The review key's value as text (a date), or null when absent or empty. */
    public String reviewedOn(Map<String, Object> meta) {
        Object v = meta.get(reviewKey);
        return v == null || String.valueOf(v).isBlank() ? null : String.valueOf(v);
    }
}
