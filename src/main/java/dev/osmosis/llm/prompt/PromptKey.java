package dev.osmosis.llm.prompt;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The templates, named as users know them (NAMES.md). Three synthesis calls and the judge of
 * {@code osmosis llm eval}, each a system + user pair:
 * <ul>
 *   <li>{@code table_*}: the <b>bulk</b> call, one structured (JSON) answer per node covering the model
 *       description and all its column gaps. {@code bulk_system} / {@code bulk_user} are accepted aliases.</li>
 *   <li>{@code model_*}: the model description alone, plain text.</li>
 *   <li>{@code column_*}: one column, plain text (single gaps, providers without JSON output, and the
 *       columns a bulk answer left out).</li>
 *   <li>{@code judge_*}: {@code osmosis llm eval} grades a synthesized description against the human text it
 *       replaced (a JSON {@code {score, reason}}); never used by {@code --synthesize}.</li>
 * </ul>
 */
public enum PromptKey {
    MODEL_SYSTEM(null),
    MODEL_USER(null),
    COLUMN_SYSTEM(null),
    COLUMN_USER(null),
    TABLE_SYSTEM("bulk_system"),
    TABLE_USER("bulk_user"),
    JUDGE_SYSTEM(null),
    JUDGE_USER(null);

    private final String alias;

    PromptKey(String alias) {
        this.alias = alias;
    }

    /** The name in prompt files and the template file name without extension, e.g. {@code column_system}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String fileName() {
        return key() + ".mustache";
    }

    /** The environment variable that overrides this template, e.g. {@code OSMOSIS_LLM_PROMPT_COLUMN_SYSTEM}. */
    public String envVar() {
        return "OSMOSIS_LLM_PROMPT_" + name();
    }

    /** The accepted alias ({@code bulk_system}/{@code bulk_user}), or null. */
    public String alias() {
        return alias;
    }

    /** Looks a key or alias up, ignoring case; empty when it names no template. */
    public static Optional<PromptKey> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.key().equals(n) || n.equals(k.alias)).findFirst();
    }

    /** "model_system, model_user, ..." for error messages. */
    public static String allKeys() {
        return Arrays.stream(values()).map(PromptKey::key).collect(Collectors.joining(", "));
    }
}
