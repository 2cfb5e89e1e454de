package dev.osmosis.review;

/**
 * An AI-written description: still awaiting a person's review, or reviewed; or a place the model abstained on,
 * still undocumented, that needs its owner to write it (docs/adr/0714).
 */
public enum ReviewStatus {
    PENDING, REVIEWED, NEEDS_OWNER
}
