package dev.osmosis.docs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Descriptions a reviewer rejected, remembered in the schema YAML next to the description as short hashes of
 * their text ({@code meta: osmosis_rejected: [3f1c9a07d2b4e865]}), so the repository carries them to every
 * machine and CI job and --synthesize never writes one back (docs/adr/0706).
 */
public final class Rejections {
    /** The meta key; like the mark, it belongs to its node and is never inherited. */
    public static final String KEY = "osmosis_rejected";
    /** 64 bits of SHA-256: no collision between the few texts rejected at one place. */
    private static final int HEX_CHARS = 16;

    private Rejections() {
    }

    /** The hash of a description, whatever its line breaks and surrounding spaces in the YAML. */
    public static String hash(String text) {
        String normalized = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The hashes recorded in a meta mapping: a list, or one hash as a plain string (hand-edited YAML). */
    public static List<String> hashes(Map<String, Object> meta) {
        Object v = meta == null ? null : meta.get(KEY);
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> list) {
            list.stream().filter(h -> h != null && !String.valueOf(h).isBlank())
                    .forEach(h -> out.add(String.valueOf(h).strip()));
        } else if (v != null && !String.valueOf(v).isBlank()) {
            out.add(String.valueOf(v).strip());
        }
        return out;
    }

    /** Whether {@code text} is one a reviewer rejected at the place this meta belongs to. */
    public static boolean isRejected(Map<String, Object> meta, String text) {
        List<String> known = hashes(meta);
        return !known.isEmpty() && text != null && known.contains(hash(text));
    }

    /** The recorded hashes plus the hash of {@code text}, once. */
    public static List<String> adding(Map<String, Object> meta, String text) {
        List<String> out = hashes(meta);
        String h = hash(text);
        if (!out.contains(h)) {
            out.add(h);
        }
        return out;
    }
}
