package dev.osmosis.style;

import dev.osmosis.OsmosisException;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Decides the language of the prompts: a setting when the user gave one ({@code --llm-language}, {@code
 * OSMOSIS_LLM_LANGUAGE} or {@code vars: dbt-osmosis: llm: language}), else the language detected in the project's
 * descriptions. Detected English asks nothing: the prompts are English already, and an unchanged prompt keeps every
 * cached answer (see docs/adr/0715).
 */
public final class PromptLanguage {
    /** Values that turn the instruction off, detection included. */
    private static final Set<String> OFF = Set.of("", "none", "off", "false");
    private static final Pattern NAME = Pattern.compile("\\p{L}[\\p{L}\\p{M} ()'-]{0,39}");
    private static final Pattern TAG = Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})?");

    private PromptLanguage() {
    }

    /**
     * @param setting      the configured value (null: none configured), e.g. "Portuguese", "pt-BR" or "none"
     * @param source       where it was set, for messages: "dbt_project.yml", "--llm-language"...
     * @param descriptions the project's human-written descriptions, read only when nothing is configured
     */
    public static LanguageChoice choose(Object setting, String source, Supplier<? extends Collection<String>> descriptions) {
        if (setting != null) {
            return configured(setting, source);
        }
        LanguageDetector.Result r = new LanguageDetector().detect(descriptions.get());
        if (!r.decided()) {
            return LanguageChoice.none("language not detected, " + r.undecidedReason());
        }
        int others = r.voting() - r.agreeing();
        String evidence = r.agreeing() + " of " + r.texts() + " human-written descriptions, "
                + (others == 0 ? "none" : String.valueOf(others)) + " in another language";
        if (r.language().equals("English")) {
            return LanguageChoice.none("descriptions are in English (" + evidence + "), as the prompts are");
        }
        return new LanguageChoice(r.language(), "detected in " + evidence);
    }

    private static LanguageChoice configured(Object setting, String source) {
        String value = setting instanceof Boolean b && !b ? "" : String.valueOf(setting).strip();
        if (OFF.contains(value.toLowerCase(Locale.ROOT))) {
            return LanguageChoice.none("turned off by " + source);
        }
        if (TAG.matcher(value).matches()) {
            Locale locale = Locale.forLanguageTag(value.replace('_', '-'));
            String name = locale.getDisplayName(Locale.ENGLISH);
            if (!name.isBlank() && !name.equalsIgnoreCase(locale.getLanguage())) {
                return new LanguageChoice(name, "set by " + source + " as " + value);
            }
        }
        if (!NAME.matcher(value).matches()) {
            throw OsmosisException.usage(source + ": language must be a language name such as Portuguese, a code "
                    + "such as pt-BR, or none; got '" + value + "'");
        }
        return new LanguageChoice(value, "set by " + source);
    }
}
