package dev.osmosis.schema;

import dev.osmosis.AtomicFiles;
import dev.osmosis.OsmosisException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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
            AtomicFiles.write(file, after);
            return true;
        } catch (IOException e) {
            throw new OsmosisException(OsmosisException.FAILURE, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes only when {@code after} differs from the text the file was parsed from. */
    public static boolean write(SchemaFile original, String after) {
        return !original.text().equals(after) && write(original.path(), after);
    }
}
