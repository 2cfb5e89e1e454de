package dev.osmosis.schema;

import dev.osmosis.AtomicFiles;
import dev.osmosis.OsmosisException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Writes schema files atomically: a temp file in the same folder, then a rename over the target. */
public final class SchemaWriter {
    private SchemaWriter() {
    }

    /**
     * Writes {@code after} to {@code file} unless the file already holds exactly that text. {@code file} is the
     * path a {@code WriteGate} admitted (its real path): this class checks permissions, not whose file it is.
     *
     * @return true when the file was written
     * @throws OsmosisException (exit 1) when the file cannot be written
     */
    public static boolean write(Path file, String after) {
        try {
            if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(after)) {
                return false;
            }
            AtomicFiles.write(file, after);
            return true;
        } catch (IOException e) {
            String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                    : e.getMessage();
            throw new OsmosisException(OsmosisException.FAILURE, "cannot write " + file + ": " + reason, e);
        }
    }

    /**
     * Removes the temp files a killed run left beside {@code files} (or beside their link targets): the folders a
     * run writes in. Only osmosis's own temp files of processes no longer running are touched.
     *
     * @return the files removed
     */
    public static List<Path> removeStaleTemps(Collection<Path> files) {
        Set<Path> folders = new TreeSet<>();
        List<Path> removed = new ArrayList<>();
        for (Path f : files) {
            try {
                folders.add(AtomicFiles.followLinks(f.toAbsolutePath()).getParent());
            } catch (IOException e) {
                folders.add(f.toAbsolutePath().getParent()); // a link loop: its own folder is still one osmosis writes
            }
        }
        for (Path folder : folders) {
            try {
                removed.addAll(AtomicFiles.removeStaleTemps(folder));
            } catch (IOException e) {
                // a folder that cannot be listed cannot be written either: the write reports it
            }
        }
        return removed;
    }
}
