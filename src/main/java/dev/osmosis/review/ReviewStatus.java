package dev.osmosis.review;

/** An AI-written description: still awaiting a person's review, or reviewed. */
public enum ReviewStatus {
    PENDING, REVIEWED
}
