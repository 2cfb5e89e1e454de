package dev.osmosis.writes;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Where a path really lands once every symbolic link in it is resolved, also for a file that does not exist yet
 * and for a link whose target does not exist (a dangling link is where a write would create the file).
 */
final class RealPaths {
    /** Linux's own limit on links followed while resolving one path. */
    private static final int MAX_LINKS = 40;

    private RealPaths() {
    }

    /** The real path of {@code path}: no link in it; its last parts may not exist yet. */
    static Path of(Path path) throws IOException {
        return of(path.toAbsolutePath(), new int[1], path);
    }

    private static Path of(Path abs, int[] hops, Path asked) throws IOException {
        if (Files.isSymbolicLink(abs)) {
            if (++hops[0] > MAX_LINKS) {
                throw new FileSystemException(asked.toString(), null, "too many levels of symbolic links");
            }
            Path parent = of(abs.getParent(), hops, asked);
            return of(parent.resolve(Files.readSymbolicLink(abs)), hops, asked);
        }
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
            return abs.toRealPath();
        }
        Path parent = abs.getParent();
        if (parent == null || abs.getFileName() == null) {
            return abs;
        }
        // nothing exists here, so no link can hide in the rest: the name adds lexically
        return of(parent, hops, asked).resolve(abs.getFileName()).normalize();
    }
}
