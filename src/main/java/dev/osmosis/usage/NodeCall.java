package dev.osmosis.usage;

import java.time.Instant;

/** The last successful LLM call the ledger holds for one node: who answered, and when. */
public record NodeCall(String provider, String model, Instant time) {
}
