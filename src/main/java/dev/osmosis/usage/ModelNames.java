package dev.osmosis.usage;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reduces a model name as providers report it to its family name: {@code gpt-4o-2024-08-06 -> gpt-4o},
 * {@code claude-sonnet-4-5-20250929 -> claude-sonnet-4-5}, {@code models/gemini-2.5-flash-preview-05-20 ->
 * gemini-2.5-flash}. Only date, version and release-channel suffixes are removed, never a word that changes the
 * model (so {@code gpt-4o-mini} stays {@code gpt-4o-mini} and an unknown model stays unknown).
 */
final class ModelNames {
    private static final List<Pattern> SUFFIXES = List.of(
            Pattern.compile("-\\d{4}-\\d{2}-\\d{2}$"), // -2024-08-06
            Pattern.compile("-\\d{8}$"), // -20250929
            Pattern.compile("-\\d{4}$"), // -0613
            Pattern.compile("-\\d{2}-\\d{2}$"), // -05-20 (Gemini previews)
            Pattern.compile("-\\d{3}$"), // -001
            Pattern.compile("-latest$"),
            Pattern.compile("-preview$"),
            Pattern.compile("-exp$"));

    private ModelNames() {
    }

    static String family(String model) {
        if (model == null) {
            return "";
        }
        String name = model.trim().toLowerCase(Locale.ROOT);
        int slash = name.lastIndexOf('/');
        if (slash >= 0) {
            name = name.substring(slash + 1); // "models/gemini-..", "openai/gpt-4o"
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Pattern suffix : SUFFIXES) {
                String shorter = suffix.matcher(name).replaceFirst("");
                if (!shorter.equals(name) && !shorter.isEmpty()) {
                    name = shorter;
                    changed = true;
                }
            }
        }
        return name;
    }
}
