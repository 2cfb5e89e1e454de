package dev.osmosis.style;

/**
 * The language the prompts ask descriptions to be written in, and why.
 *
 * @param language the language name for the prompt ("Portuguese"); empty when the prompts say nothing
 * @param reason   where it comes from ("detected from 212 of 230 human-written descriptions", "set in
 *                 dbt_project.yml") or why nothing is said
 */
public record LanguageChoice(String language, String reason) {
    public LanguageChoice {
        language = language == null ? "" : language.strip();
        reason = reason == null ? "" : reason;
    }

    public static LanguageChoice none(String reason) {
        return new LanguageChoice("", reason);
    }

    public boolean asks() {
        return !language.isEmpty();
    }

    /** The one line a run prints: "language: asking for descriptions in Portuguese (set in dbt_project.yml)". */
    public String announcement() {
        return asks() ? "language: asking for descriptions in " + language + " (" + reason + ")"
                : "language: no instruction in the prompts (" + reason + ")";
    }
}
