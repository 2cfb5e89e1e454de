package dev.osmosis.usage;

import java.util.Locale;

/** Provider names as users spell them ({@code LLM_PROVIDER}), and what the usage code needs to know about them. */
final class Providers {
    static final String OPENAI = "openai";
    static final String AZURE = "azure-openai";
    static final String ANTHROPIC = "anthropic";
    static final String GEMINI = "google-gemini";
    static final String OLLAMA = "ollama";
    static final String LM_STUDIO = "lm-studio";

    private Providers() {
    }

    static String normalize(String provider) {
        return provider == null ? "" : provider.trim().toLowerCase(Locale.ROOT);
    }

    /** Models that run on the user's machine: they cost nothing. */
    static boolean isLocal(String provider) {
        String p = normalize(provider);
        return p.equals(OLLAMA) || p.equals(LM_STUDIO);
    }

    /** Azure serves OpenAI models under deployment names; prices and tokenizers follow the OpenAI model. */
    static boolean speaksOpenAiModels(String provider) {
        String p = normalize(provider);
        return p.equals(OPENAI) || p.equals(AZURE);
    }
}
