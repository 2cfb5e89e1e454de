package dev.osmosis.writes;

import dev.osmosis.OsmosisException;
import dev.osmosis.project.Project;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One osmosis run writing a project at a time: a lock file in the project's target folder names the process that
 * holds it (pid and start time, so a reused pid does not count). A second writing run refuses at once and says
 * which process holds the lock; a lock whose process no longer runs (killed, crashed) is taken over. Released on
 * close and, should the JVM be stopped by a signal, by a shutdown hook. Read-only commands never take it.
 */
public final class ProjectLock implements AutoCloseable {
    public static final String FILE_NAME = ".osmosis.lock";
    /** A lock file still empty this young is being written by the run that just created it. */
    private static final Duration BEING_WRITTEN = Duration.ofSeconds(10);
    private static final int ATTEMPTS = 5;

    private final Path file;
    private final String owner;
    /** The target folder, when this run created it (a manifest read from elsewhere): removed again if empty. */
    private final Path createdFolder;
    private final Thread hook;

    private ProjectLock(Path file, String owner, Path createdFolder) {
        this.file = file;
        this.owner = owner;
        this.createdFolder = createdFolder;
        this.hook = new Thread(this::release, "osmosis-lock-release");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Runs {@code work} holding {@code project}'s lock when it {@code writes}; read-only work runs without it, so it
     * never waits for nor blocks a writing run.
     */
    public static <T> T holding(Project project, boolean writes, Supplier<T> work) {
        ProjectLock lock = writes ? acquire(project) : null;
        try {
            return work.get();
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }

    /**
     * Takes the lock of {@code project}, in its target-path folder; in the project folder itself when the target
     * path really lands outside the project (a {@code target-path: ../shared/target} or a linked target folder),
     * so a run never creates a file outside the project it edits.
     */
    public static ProjectLock acquire(Project project) {
        return acquire(lockFolder(project.root(), project.root().resolve(project.config().targetPath())));
    }

    /** {@code target} when it really lies inside {@code root}, else {@code root}. */
    static Path lockFolder(Path root, Path target) {
        try {
            Path realRoot = RealPaths.of(root);
            return RealPaths.of(target).startsWith(realRoot) ? target : root;
        } catch (IOException e) {
            return root;
        }
    }

    /**
     * Takes the lock of the project whose target folder is {@code targetFolder} (created when missing).
     *
     * @throws OsmosisException (exit 1) when a live osmosis process holds it, or it cannot be created
     */
    public static ProjectLock acquire(Path targetFolder) {
        Path file = targetFolder.resolve(FILE_NAME);
        String owner = describe(ProcessHandle.current());
        try {
            Path created = Files.isDirectory(targetFolder) ? null : Files.createDirectories(targetFolder);
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                try {
                    Files.createFile(file);
                    Files.writeString(file, owner, StandardCharsets.UTF_8);
                    return new ProjectLock(file, owner, created);
                } catch (FileAlreadyExistsException held) {
                    refuseUnlessRegularFile(file);
                    Optional<String> holder = read(file);
                    if (holder.isPresent() && alive(holder.get(), file)) {
                        throw OsmosisException.failure("another osmosis run (" + shown(holder.get()) + ") is "
                                + "writing this project; its lock is " + file + ". Run again once it has finished; "
                                + "a lock left by a process that no longer runs is taken over by itself.");
                    }
                    takeOver(file, holder.orElse(""));
                }
            }
        } catch (IOException e) {
            throw new OsmosisException(OsmosisException.FAILURE, "cannot take the lock " + file + " that keeps two "
                    + "osmosis runs from writing the project at once: " + e.getMessage(), e);
        }
        throw OsmosisException.failure("cannot take the lock " + file + ": other osmosis runs keep taking it; run "
                + "again once they have finished.");
    }

    /** Removes the lock, if it is still this run's. */
    @Override
    public void close() {
        release();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs (or ran) release itself
        }
    }

    private void release() {
        try {
            if (read(file).filter(owner::equals).isPresent()) {
                Files.deleteIfExists(file);
            }
            if (createdFolder != null) {
                Files.deleteIfExists(createdFolder);
            }
        } catch (DirectoryNotEmptyException e) {
            // the target folder this run created holds something else now: it stays
        } catch (IOException e) {
            // the next run finds the lock's process gone and takes it over
        }
    }

    /**
     * Removes a dead process's lock: renamed aside first, so that of two runs taking it over at once only one
     * removes it, and put back if a live run's lock was renamed instead.
     */
    private static void takeOver(Path file, String stale) throws IOException {
        Path aside = file.resolveSibling(FILE_NAME + "." + ProcessHandle.current().pid() + ".stale");
        try {
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException gone) {
            return; // another run took it over first
        }
        if (read(aside).orElse("").equals(stale)) {
            Files.deleteIfExists(aside);
        } else {
            try {
                Files.move(aside, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                Files.deleteIfExists(aside);
            }
        }
    }

    /**
     * The target folder may come from the repository: a link there to /dev/zero or to a FIFO would be read through
     * (filling memory, or waiting forever), so the lock path is read only when it is a regular file itself.
     */
    private static void refuseUnlessRegularFile(Path file) {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw OsmosisException.failure(file + " is not a regular file (a symbolic link, FIFO, device or "
                    + "folder); osmosis takes its lock only as a file of its own and does not read through it. "
                    + "Remove it and run again.");
        }
    }

    private static Optional<String> read(Path file) throws IOException {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** "pid start-instant" of a process that runs now; an empty or young unreadable lock counts as live. */
    private static boolean alive(String holder, Path file) throws IOException {
        String[] parts = holder.split(" ");
        if (parts.length != 2 || !parts[0].matches("\\d{1,18}")) {
            try {
                Instant modified = Files.getLastModifiedTime(file).toInstant();
                return holder.isEmpty() && modified.isAfter(Instant.now().minus(BEING_WRITTEN));
            } catch (NoSuchFileException gone) {
                return false; // released meanwhile: the next attempt takes it
            }
        }
        return ProcessHandle.of(Long.parseLong(parts[0])).filter(ProcessHandle::isAlive)
                .map(ProjectLock::describe).filter(holder::equals).isPresent();
    }

    private static String describe(ProcessHandle process) {
        return process.pid() + " " + process.info().startInstant().map(Instant::toString).orElse("?");
    }

    private static String shown(String holder) {
        String[] parts = holder.split(" ");
        return parts.length == 2 ? "pid " + parts[0] + ", started " + parts[1] : "starting";
    }
}
