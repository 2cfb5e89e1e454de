package dev.osmosis.llm.prompt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Marks project content in a prompt as data: {@code <data-1a2b3c4d>text</data-1a2b3c4d>}. The tag is derived
 * from a hash of all the content of the prompt and is checked to occur nowhere in it, so no name, comment, SQL or
 * description can close the fence and speak as the prompt: the content would have to contain its own hash.
 * Deriving it from the content (not drawing it at random) keeps a prompt the same for the same project, so the
 * response cache and dry-run estimates hold. A value that is a bare identifier (letters, digits, {@code _ $ .}
 * and no spaces) is shown as it is: it can neither close a fence nor carry a sentence, and fencing every column
 * name would cost tokens on every call.
 */
public final class PromptFence {
    /** Any fence tag, opening or closing, as a model might echo it in an answer. */
    public static final Pattern ANY_TAG = Pattern.compile("</?data-[0-9a-f]{8}>");
    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_$.]{1,128}");

    private final String tag;

    private PromptFence(String tag) {
        this.tag = tag;
    }

    /** The fence for a prompt whose project content, all of it, is {@code content}. */
    public static PromptFence forContent(String content) {
        for (int attempt = 0; ; attempt++) {
            String tag = "data-" + hash(attempt + "\n" + content);
            if (!content.contains(tag.substring("data-".length()))) {
                return new PromptFence(tag);
            }
        }
    }

    /** The tag name, e.g. {@code data-1a2b3c4d}; a system prompt names it in its rule. */
    public String tag() {
        return tag;
    }

    /**
     * {@code value} inside the fence; empty stays empty (so has_ flags and blank checks behave), a bare identifier
     * stays bare, and a value of several lines gets the tags on lines of their own.
     */
    public String wrap(String value) {
        if (value.isEmpty() || BARE.matcher(value).matches()) {
            return value;
        }
        return value.indexOf('\n') >= 0 ? "<" + tag + ">\n" + value + "\n</" + tag + ">"
                : "<" + tag + ">" + value + "</" + tag + ">";
    }

    private static String hash(String s) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
