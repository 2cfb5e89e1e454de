package dev.osmosis.writes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.OsmosisException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock that keeps two writing runs off one project. */
class ProjectLockTest {
    @TempDir Path tmp;

    @Test
    void aTargetPathOutsideTheProjectKeepsTheLockInsideIt() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("project"));
        Path outside = Files.createDirectories(tmp.resolve("shared-target"));
        assertEquals(root, ProjectLock.lockFolder(root, root.resolve("../shared-target")));
        Path linked = Files.createSymbolicLink(root.resolve("target"), outside);
        assertEquals(root, ProjectLock.lockFolder(root, linked));
        Path inside = root.resolve("build/target");
        assertEquals(inside, ProjectLock.lockFolder(root, inside));
    }

    @Test
    void aSecondHolderIsRefusedUntilTheFirstReleases() {
        Path target = tmp.resolve("target");
        ProjectLock first = ProjectLock.acquire(target);
        OsmosisException e = assertThrows(OsmosisException.class, () -> ProjectLock.acquire(target));
        assertEquals(OsmosisException.FAILURE, e.exitCode());
        assertTrue(e.getMessage().contains("another osmosis run (pid " + ProcessHandle.current().pid()),
                e.getMessage());
        first.close();
        ProjectLock again = ProjectLock.acquire(target);
        assertTrue(Files.exists(target.resolve(ProjectLock.FILE_NAME)), "released, the lock can be taken again");
        again.close();
        assertFalse(Files.exists(tmp.resolve("target")), "a target folder the lock created is removed with it");
    }

    @Test
    void aLockBeingWrittenCountsAsHeldAndAnOldUnreadableOneAsStale() throws Exception {
        Path target = Files.createDirectories(tmp.resolve("target"));
        Path lock = Files.createFile(target.resolve(ProjectLock.FILE_NAME));

        OsmosisException e = assertThrows(OsmosisException.class, () -> ProjectLock.acquire(target));
        assertTrue(e.getMessage().contains("another osmosis run (starting)"), e.getMessage());

        Files.setLastModifiedTime(lock, FileTime.from(Instant.now().minusSeconds(60)));
        ProjectLock taken = ProjectLock.acquire(target);
        assertTrue(Files.readString(lock).startsWith(ProcessHandle.current().pid() + " "));
        taken.close();
        assertFalse(Files.exists(lock));
        assertTrue(Files.isDirectory(target), "a target folder that was there stays");
    }

    @Test
    void aReusedPidWithAnotherStartTimeIsNotTheHolder() throws Exception {
        Path target = Files.createDirectories(tmp.resolve("target"));
        Path lock = target.resolve(ProjectLock.FILE_NAME);
        Files.writeString(lock, ProcessHandle.current().pid() + " 2001-01-01T00:00:00Z");

        ProjectLock taken = ProjectLock.acquire(target);
        assertFalse(Files.readString(lock).contains("2001"), "the stale lock was taken over");
        taken.close();
        try (var files = Files.list(target)) {
            assertEquals(0, files.count(), "nothing is left: " + target);
        }
    }

    /**
     * The lock path is in a folder the repository may hold (target/ is often committed with the manifest): a link
     * there to /dev/zero or to a FIFO was read through, and the run filled memory or waited forever. Such a path is
     * never read: the run stops at once naming it, and the link stays as it is.
     */
    @Test
    void aLockPathThatIsALinkOrSpecialFileIsNeverReadThrough() throws Exception {
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero on this system");
        Path target = Files.createDirectories(tmp.resolve("target"));
        Path lock = Files.createSymbolicLink(target.resolve(ProjectLock.FILE_NAME), Path.of("/dev/zero"));

        OsmosisException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(OsmosisException.class, () -> ProjectLock.acquire(target)));
        assertEquals(OsmosisException.FAILURE, e.exitCode());
        assertTrue(e.getMessage().contains(lock + " is not a regular file"), e.getMessage());
        assertTrue(Files.isSymbolicLink(lock), "the link is left as it is");
        Files.delete(lock); // the temp folder's cleanup would warn about a link to outside it
    }
}
