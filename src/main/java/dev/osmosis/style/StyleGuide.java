package dev.osmosis.style;

import dev.osmosis.OsmosisException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * {@code dbt-styleguide.md} at the project root (dbt Copilot's convention): the team's own instructions for
 * descriptions, added to every prompt like {@code --llm-context}. It is a file of the repository, which osmosis
 * treats as untrusted: it is read only when it is a regular file whose real path lies inside the project (a link
 * to {@code ~/.aws/credentials} would send a secret to the provider), and only its first {@link #MAX_BYTES} bytes
 * (sent with every call, a long guide would multiply the cost).
 *
 * @param text    the guide's text, empty when the project has none
 * @param warning a line to print (the guide was cut), empty when none
 */
public record StyleGuide(String text, String warning) {
    public static final String FILE_NAME = "dbt-styleguide.md";
    public static final int MAX_BYTES = 16 * 1024;

    public static final StyleGuide NONE = new StyleGuide("", "");

    public boolean present() {
        return !text.isBlank();
    }

    /**
     * The guide of the project at {@code projectRoot}, or {@link #NONE} when it has none.
     *
     * @throws OsmosisException (usage) when the file is a link out of the project, not a regular file, or unreadable
     */
    public static StyleGuide read(Path projectRoot) {
        Path file = projectRoot.resolve(FILE_NAME);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return NONE;
        }
        try {
            Path root = projectRoot.toRealPath();
            Path real;
            try {
                real = file.toRealPath();
            } catch (java.nio.file.NoSuchFileException e) {
                throw refused(file, "it is a symbolic link to a file that does not exist");
            }
            if (!real.startsWith(root)) {
                throw refused(file, "it is a symbolic link to " + real + ", outside the project folder " + root
                        + "; osmosis reads the style guide only from inside the project (pass a file kept elsewhere "
                        + "with --llm-context FILE)");
            }
            BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                throw refused(file, "it is not a regular file (a folder, FIFO, device or socket); osmosis never "
                        + "opens it");
            }
            return read(file, real, attributes.size());
        } catch (IOException e) {
            throw OsmosisException.usage("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static StyleGuide read(Path file, Path real, long size) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length <= MAX_BYTES) {
            return new StyleGuide(new String(bytes, StandardCharsets.UTF_8), "");
        }
        int end = MAX_BYTES;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        end = end == 0 ? MAX_BYTES : end; // one endless line: cut at the cap (a split character becomes U+FFFD)
        String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
        return new StyleGuide(text, "warning: " + file + " is " + Math.max(size, bytes.length) / 1024 + " KB; only "
                + "its first " + end + " bytes (up to " + MAX_BYTES / 1024 + " KB, cut at a line end) go into the "
                + "prompts, since they are sent with every call. Shorten it to what the model needs.");
    }

    private static OsmosisException refused(Path file, String reason) {
        return OsmosisException.usage("refused to read " + file + ": " + reason);
    }

    /**
     * The user context of every prompt: the style guide and the {@code --llm-context} text, each under a heading
     * when both are given. The context file alone is passed on as it is, so its prompts (and cached answers) stay
     * the same as before style guides were read.
     */
    public String withContext(String userContext) {
        String context = userContext == null ? "" : userContext;
        if (!present()) {
            return context;
        }
        String guide = "Style guide of this project (" + FILE_NAME + "):\n" + text.strip();
        return context.isBlank() ? guide : guide + "\n\nMore context (--llm-context):\n" + context.strip();
    }
}
