package dev.osmosis.schema;

import dev.osmosis.OsmosisException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/** Writes schema files atomically: a temp file in the same folder, then a rename over the target. */
public final class SchemaWriter {
    private SchemaWriter() {
    }

    /**
     * Writes {@code after} to {@code file} unless the file already holds exactly that text.
     *
     * @return true when the file was written
     * @throws OsmosisException (exit 1) when the file cannot be written
     */
    public static boolean write(Path file, String after) {
        try {
            if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(after)) {
                return false;
            }
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Set<PosixFilePermission> mode = permissions(file);
            Path temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
            try {
                Files.writeString(temp, after, StandardCharsets.UTF_8);
                if (mode != null) {
                    Files.setPosixFilePermissions(temp, mode);
                } else if (Files.getFileAttributeView(temp, PosixFileAttributeView.class) != null) {
                    Files.setPosixFilePermissions(temp, Set.of(PosixFilePermission.OWNER_READ,
                            PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ,
                            PosixFilePermission.OTHERS_READ));
                }
                move(temp, file);
            } finally {
                Files.deleteIfExists(temp);
            }
            return true;
        } catch (IOException e) {
            throw new OsmosisException(OsmosisException.FAILURE, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes only when {@code after} differs from the text the file was parsed from. */
    public static boolean write(SchemaFile original, String after) {
        return !original.text().equals(after) && write(original.path(), after);
    }

    private static Set<PosixFilePermission> permissions(Path file) throws IOException {
        if (Files.exists(file) && Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
            return Files.getPosixFilePermissions(file);
        }
        return null;
    }

    private static void move(Path temp, Path file) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
