package dev.osmosis.report;

/** Where a description came from, as the report's chart and filter name it. Order is the chart's stacking order. */
public enum Provenance {
    PERSON("person", "written by a person", "person"),
    INHERITED("inherited", "inherited from an ancestor", "inherited"),
    WAREHOUSE("warehouse", "warehouse comment", "warehouse"),
    AI_REVIEWED("ai-reviewed", "AI-written, reviewed", "AI, reviewed"),
    AI_AWAITING("ai-awaiting", "AI-written, awaiting review", "AI, awaiting review"),
    UNDOCUMENTED("undocumented", "undocumented", "undocumented");

    private final String key;
    private final String label;
    private final String shortLabel;

    Provenance(String key, String label, String shortLabel) {
        this.key = key;
        this.label = label;
        this.shortLabel = shortLabel;
    }

    /** For a table cell. */
    public String shortLabel() {
        return shortLabel;
    }

    /** Stable id used in the page's data and filters. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }
}
