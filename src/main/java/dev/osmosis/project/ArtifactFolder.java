package dev.osmosis.project;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tinylog.Logger;

/**
 * Where dbt's artifacts are: the project's own target-path; for a package whose manifest is built by its wrapper
 * project (integration_tests/ with {@code local: ../}), the wrapper's target folder when the package has none.
 */
final class ArtifactFolder {
    private static final String MANIFEST = "manifest.json";

    private ArtifactFolder() {
    }

    static Path find(Path root, DbtProject config) {
        Path own = root.resolve(config.targetPath());
        if (Files.isRegularFile(own.resolve(MANIFEST))) {
            return own;
        }
        List<Path> wrappers = wrapperTargets(root);
        if (wrappers.size() == 1) {
            Logger.info("no {} in {}; reading the one its wrapper project built: {}", MANIFEST, root.relativize(own),
                    root.relativize(wrappers.get(0).resolve(MANIFEST)));
            return wrappers.get(0);
        }
        return own;
    }

    /** Target folders holding a manifest in the sub-projects right below the root (integration_tests/ and kin). */
    private static List<Path> wrapperTargets(Path root) {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path dir : dirs) {
                Path target = dir.resolve("target");
                if (Files.isRegularFile(dir.resolve(DbtProjectReader.FILE_NAME))
                        && Files.isRegularFile(target.resolve(MANIFEST))) {
                    found.add(target);
                }
            }
        } catch (IOException e) {
            Logger.debug("cannot list {}: {}", root, e.getMessage());
        }
        return found;
    }
}
