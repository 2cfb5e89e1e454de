package dev.osmosis.organize;

import java.nio.file.Path;

/** One entry (a model, seed, snapshot, or a source with its tables) leaving {@code from} for {@code to}. */
public record Move(String what, Path from, Path to) {
}
