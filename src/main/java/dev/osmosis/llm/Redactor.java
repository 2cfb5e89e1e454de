package dev.osmosis.llm;

import java.util.regex.Pattern;

/**
 * Removes secrets from text that may reach a user: the configured key wherever it appears, plus anything that
 * looks like a well-known key format (a provider may echo a different key than ours, e.g. in a URL).
 */
public final class Redactor {
    private static final String MASK = "[REDACTED]";
    private static final Pattern KEY_LIKE = Pattern.compile(
            "(sk-(?:ant-|proj-)?[A-Za-z0-9_\\-]{8,})|(AIza[0-9A-Za-z_\\-]{20,})"
                    + "|((?i)(?<=[?&](?:key|api[-_]?key)=)[^&\\s\"']+)"
                    + "|((?i)(?<=(?:api-key|x-api-key|x-goog-api-key|authorization):\\s?(?:bearer\\s)?)[^\\s,\"']+)");

    private Redactor() {
    }

    /** Returns {@code text} with {@code secret} (if non-blank) and key-like strings masked. Null-safe. */
    public static String redact(String text, String secret) {
        if (text == null) {
            return null;
        }
        String out = text;
        if (secret != null && secret.length() >= 4) {
            out = out.replace(secret, MASK);
        }
        return KEY_LIKE.matcher(out).replaceAll(MASK);
    }
}
