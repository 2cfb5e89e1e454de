package dev.osmosis.writes;

import dev.osmosis.project.PackageHome;
import dev.osmosis.project.ProjectLayout;
import dev.osmosis.schema.SchemaFile;
import dev.osmosis.schema.SchemaFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The one gate before osmosis replaces, creates or deletes a schema file. Templates, node names and links in the
 * repository are untrusted, so every write asks where the file really lands and whose it is:
 * <ul>
 *   <li>the target's real path (links resolved, dangling ones too) lies inside the folder of the dbt project the
 *   file belongs to; a link inside that folder is written through;</li>
 *   <li>it is a {@code .yml}/{@code .yaml} file, and a regular file: a FIFO, device, socket or folder is never
 *   opened or replaced;</li>
 *   <li>an existing file is one osmosis read as schema YAML, and still has the bytes it read (nothing another run,
 *   {@code osmosis review} or an editor wrote meanwhile is undone);</li>
 *   <li>a new file goes only under that project's model, seed or snapshot paths, where the next run reads it.</li>
 * </ul>
 */
public final class WriteGate {
    private final ProjectLayout layout;
    private final SchemaFiles read;

    /** {@code read}: the schema files as the run read them from disk, before any edit. */
    public WriteGate(ProjectLayout layout, SchemaFiles read) {
        this.layout = layout;
        this.read = read;
    }

    /**
     * The path to write {@code file}'s new text to (its real path), once every rule holds.
     *
     * @throws WriteRefusedException naming the rule {@code file} breaks
     * @throws IOException           when the file system cannot answer (a link loop, an unreadable folder)
     */
    public Path admit(Path file) throws IOException {
        Path lexical = file.toAbsolutePath().normalize();
        if (!SchemaFiles.isYaml(lexical)) {
            throw refused("osmosis writes only .yml/.yaml schema files");
        }
        PackageHome home = packageOf(lexical).orElseThrow(() -> refused("it lies outside every dbt project folder "
                + "osmosis writes in"));
        Path folder = RealPaths.of(home.folder());
        Path real = RealPaths.of(lexical);
        if (!real.startsWith(folder)) {
            throw refused("it resolves through a symbolic link to " + real + ", outside the project folder "
                    + folder + "; osmosis writes only inside the project");
        }
        if (!SchemaFiles.isYaml(real)) {
            throw refused("it is a link to " + real + ", which is not a .yml/.yaml file");
        }
        Optional<SchemaFile> wasRead = read.file(file.normalize());
        Optional<BasicFileAttributes> attributes = attributes(real);
        if (attributes.isPresent()) {
            if (!attributes.get().isRegularFile()) {
                throw refused("it is " + kind(attributes.get()) + ", not a regular file; osmosis never opens or "
                        + "replaces it");
            }
            if (wasRead.isEmpty()) {
                throw refused("the file exists but osmosis did not read it as a schema file (it reads the YAML "
                        + "under the model, seed and snapshot paths); osmosis never replaces a file it did not read");
            }
            if (!Arrays.equals(Files.readAllBytes(real), wasRead.get().text().getBytes(StandardCharsets.UTF_8))) {
                throw refused("it changed since osmosis read it (another osmosis run, osmosis review or an "
                        + "editor); it is left as it is now: run osmosis again to apply this run's changes to it");
            }
        } else if (wasRead.isPresent()) {
            throw refused("it was deleted or moved away since osmosis read it; osmosis does not bring it back");
        } else if (!underSchemaFolder(home, real)) {
            throw refused("a new file goes only under the model, seed or snapshot paths of its dbt project ("
                    + String.join(", ", schemaPaths(home)) + ")");
        }
        return real;
    }

    /** The on-disk project whose folder holds {@code file}: the innermost, as installed packages nest. */
    private Optional<PackageHome> packageOf(Path file) {
        PackageHome best = null;
        int depth = -1;
        for (PackageHome home : layout.packages().values()) {
            if (home.folder() == null) {
                continue;
            }
            Path folder = home.folder().toAbsolutePath().normalize();
            if (file.startsWith(folder) && folder.getNameCount() > depth) {
                best = home;
                depth = folder.getNameCount();
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean underSchemaFolder(PackageHome home, Path real) throws IOException {
        for (Path folder : SchemaFiles.folders(home.folder(), home.config())) {
            if (real.startsWith(RealPaths.of(folder))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> schemaPaths(PackageHome home) {
        List<String> paths = new ArrayList<>();
        for (Path folder : SchemaFiles.folders(home.folder(), home.config())) {
            paths.add(home.folder().toAbsolutePath().normalize().relativize(folder.toAbsolutePath().normalize())
                    .toString().replace('\\', '/') + "/");
        }
        return paths;
    }

    private static Optional<BasicFileAttributes> attributes(Path real) throws IOException {
        try {
            return Optional.of(Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (NoSuchFileException e) {
            return Optional.empty(); // a new file
        }
    }

    private static String kind(BasicFileAttributes attributes) {
        if (attributes.isDirectory()) {
            return "a folder";
        }
        if (attributes.isSymbolicLink()) {
            return "a symbolic link";
        }
        return "a special file (a FIFO, device or socket)";
    }

    private static WriteRefusedException refused(String reason) {
        return new WriteRefusedException(reason);
    }
}
