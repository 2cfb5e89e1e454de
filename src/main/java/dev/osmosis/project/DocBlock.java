package dev.osmosis.project;

/** A `{% docs name %}` block: referenced from YAML as {{ doc("name") }}. */
public record DocBlock(String uniqueId, String packageName, String name, String contents) {
}
