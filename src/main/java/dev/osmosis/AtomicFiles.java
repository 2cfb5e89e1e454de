package dev.osmosis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a file so that a reader (or a crash) never sees it half-written: a temp file in the same folder, then a
 * rename over the target. An existing file keeps its permissions; a new one gets rw-r--r--.
 *
 * <p>A file whose owner-write bit is off is refused, even for root (who may write anything): the rename would
 * otherwise replace a file the user marked read-only. A symbolic link is written through: the temp file goes
 * beside the link's final target and replaces that, so the link stays a link. Anything but a regular file (a FIFO,
 * a device, a folder) is refused rather than replaced.
 *
 * <p>Temp files are named {@code .<name>.osmosis-<pid>-<random>.tmp}: a run killed between writing and renaming
 * leaves one behind, and {@link #removeStaleTemps} recognises those of processes that no longer run.
 */
public final class AtomicFiles {
    private static final Set<PosixFilePermission> NEW_FILE = Set.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
    private static final String TEMP_MARK = ".osmosis-";
    private static final Pattern TEMP = Pattern.compile("^\\..+\\.osmosis-(\\d+)-\\d+\\.tmp$");
    /** Linux's own limit on links followed while resolving one path. */
    private static final int MAX_LINKS = 40;

    private AtomicFiles() {
    }

    public static void write(Path file, String text) throws IOException {
        Path target = followLinks(file.toAbsolutePath());
        Path dir = target.getParent();
        Files.createDirectories(dir);
        boolean posix = Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null;
        Set<PosixFilePermission> mode = NEW_FILE;
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            // a rename would replace a FIFO, a device or an empty folder with a regular file
            throw new FileSystemException(file.toString(), null, "it is not a regular file (a folder, FIFO, device "
                    + "or socket); osmosis never replaces it");
        }
        if (Files.exists(target)) {
            mode = posix ? Files.getPosixFilePermissions(target) : null;
            if (!Files.isWritable(target) || (mode != null && !mode.contains(PosixFilePermission.OWNER_WRITE))) {
                throw new AccessDeniedException(file.toString(), null, "the file is read-only; osmosis does not "
                        + "replace it (make it writable, e.g. chmod u+w, to let osmosis edit it)");
            }
        }
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + TEMP_MARK + ProcessHandle.current().pid()
                + "-", ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            if (posix && mode != null) {
                Files.setPosixFilePermissions(temp, mode);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The file a chain of symbolic links ends at (which need not exist yet); {@code file} itself when no link. */
    public static Path followLinks(Path file) throws IOException {
        Path current = file;
        for (int hops = 0; Files.isSymbolicLink(current); hops++) {
            if (hops == MAX_LINKS) {
                throw new FileSystemException(file.toString(), null, "too many levels of symbolic links");
            }
            current = current.toAbsolutePath().getParent().resolve(Files.readSymbolicLink(current)).normalize();
        }
        return current;
    }

    /**
     * Deletes the temp files a killed osmosis process left in {@code dir} (not in its subfolders): only names of
     * osmosis's own pattern, and only when the process that made the file no longer runs, so a concurrent run's
     * temp file is never touched.
     *
     * @return the files removed
     */
    public static List<Path> removeStaleTemps(Path dir) throws IOException {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return removed;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, ".*" + TEMP_MARK + "*.tmp")) {
            for (Path p : entries) {
                Matcher m = TEMP.matcher(p.getFileName().toString());
                if (m.matches() && Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        && !running(m.group(1)) && Files.deleteIfExists(p)) {
                    removed.add(p);
                }
            }
        }
        return removed;
    }

    private static boolean running(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false; // more digits than a pid can have: not a live process's file
        }
    }
}
