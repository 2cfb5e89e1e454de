package dev.osmosis.project;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tinylog.Logger;

/**
 * The {@code {% docs name %}...{% enddocs %}} blocks of a project's own .md files, for when the manifest lacks a
 * block a description references (a block written after the last {@code dbt parse}). Walks the project folder
 * (docs-paths can be anywhere in it) but not the artifacts folder, installed packages, logs or hidden folders;
 * follows no link, so nothing outside the project is read (the text goes into prompts sent to a provider).
 */
public final class MarkdownDocBlocks {
    /** A larger .md is not documentation a prompt could use. */
    static final long MAX_FILE_BYTES = 1_000_000;
    private static final Pattern OPEN = Pattern.compile("\\{%-?\\s*docs\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*-?%}");
    private static final Pattern CLOSE = Pattern.compile("\\{%-?\\s*enddocs\\s*-?%}");
    private static final Set<String> SKIPPED = Set.of("dbt_packages", "dbt_modules", "logs", "node_modules");

    private MarkdownDocBlocks() {
    }

    /** The blocks of {@code project}'s .md files, as blocks of its own package, in path order. */
    public static List<DocBlock> of(Project project) {
        return read(project.root(), project.config().targetPath(), project.packageName());
    }

    static List<DocBlock> read(Path root, String targetPath, String packageName) {
        List<Path> files = new ArrayList<>();
        Path target = root.resolve(targetPath == null ? "target" : targetPath).normalize();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skip = !dir.equals(root) && (name.startsWith(".") || SKIPPED.contains(name)
                            || dir.normalize().equals(target));
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && attrs.size() <= MAX_FILE_BYTES
                            && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md")) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            Logger.debug("cannot list the .md files of {}: {}", root, e.getMessage());
            return List.of();
        }
        files.sort(null);
        List<DocBlock> blocks = new ArrayList<>();
        for (Path file : files) {
            blocks.addAll(parse(file, packageName));
        }
        return List.copyOf(blocks);
    }

    private static List<DocBlock> parse(Path file, String packageName) {
        String text;
        try {
            if (Files.isSymbolicLink(file) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return List.of();
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            Logger.debug("{} is not UTF-8 text; its doc blocks are not read", file);
            return List.of();
        } catch (IOException e) {
            Logger.debug("cannot read {}: {}", file, e.getMessage());
            return List.of();
        }
        List<DocBlock> blocks = new ArrayList<>();
        // opener then closer, each searched from where the last ended: one lazy regex rescanned the rest of the
        // file from every unclosed opener (80,000 of them in a 1 MB file: minutes)
        Matcher open = OPEN.matcher(text);
        Matcher close = CLOSE.matcher(text);
        int from = 0;
        while (open.find(from) && close.find(open.end())) {
            String name = open.group(1);
            blocks.add(new DocBlock("doc." + packageName + "." + name, packageName, name,
                    text.substring(open.end(), close.start())));
            from = close.end();
        }
        return blocks;
    }
}
