package dev.osmosis.writes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.project.DbtProject;
import dev.osmosis.project.DbtProjectReader;
import dev.osmosis.project.ProjectLayout;
import dev.osmosis.schema.SchemaFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules of the write gate one by one, on a project the test lays out. */
class WriteGateTest {
    @TempDir Path tmp;
    private Path root;
    private Path models;

    @BeforeEach
    void layOut() throws IOException {
        root = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(root.resolve("dbt_project.yml"), "name: p\nmodel-paths: [models]\n");
        models = Files.createDirectories(root.resolve("models"));
        Files.writeString(models.resolve("schema.yml"), "version: 2\nmodels:\n  - name: a\n");
    }

    private WriteGate gate() {
        DbtProject config = new DbtProjectReader().read(root, null);
        SchemaFiles read = SchemaFiles.load(root, SchemaFiles.folders(root, config), List.of());
        return new WriteGate(ProjectLayout.single(root, config), read);
    }

    private String refusal(WriteGate gate, Path file) {
        return assertThrows(WriteRefusedException.class, () -> gate.admit(file)).getMessage();
    }

    @Test
    void aFileItReadAndThatIsUnchangedIsAdmitted() throws Exception {
        assertEquals(models.resolve("schema.yml").toRealPath(), gate().admit(models.resolve("schema.yml")));
    }

    @Test
    void aNewFileUnderTheModelPathsIsAdmittedAndElsewhereNot() throws Exception {
        WriteGate gate = gate();
        assertEquals(models.toRealPath().resolve("new/x.yml"), gate.admit(models.resolve("new/x.yml")));
        assertTrue(refusal(gate, root.resolve("x.yml")).startsWith("a new file goes only under the model, seed or "
                + "snapshot paths"));
        assertTrue(refusal(gate, models.resolve("notes.txt")).contains("only .yml/.yaml"));
    }

    @Test
    void aLinkInsideToAFileThatIsNotYamlIsRefused() throws Exception {
        Files.writeString(root.resolve("notes.txt"), "version: 2\n");
        Files.createSymbolicLink(models.resolve("notes.yml"), Path.of("../notes.txt"));
        WriteGate gate = gate();
        assertTrue(refusal(gate, models.resolve("notes.yml")).contains("which is not a .yml/.yaml file"));
    }

    @Test
    void aFileDeletedOrChangedSinceItWasReadIsRefused() throws Exception {
        Files.writeString(models.resolve("other.yml"), "version: 2\n");
        WriteGate gate = gate();
        Files.delete(models.resolve("other.yml"));
        Files.writeString(models.resolve("schema.yml"), "version: 2\n# edited\n");

        assertTrue(refusal(gate, models.resolve("other.yml")).startsWith("it was deleted or moved away"));
        assertTrue(refusal(gate, models.resolve("schema.yml")).startsWith("it changed since osmosis read it"));
    }

    @Test
    void aLinkLoopIsAnErrorNotAHang() throws Exception {
        Files.createSymbolicLink(models.resolve("a.yml"), Path.of("b.yml"));
        Files.createSymbolicLink(models.resolve("b.yml"), Path.of("a.yml"));
        IOException e = assertThrows(IOException.class, () -> gate().admit(models.resolve("a.yml")));
        assertTrue(e.getMessage().contains("too many levels of symbolic links"), e.getMessage());
    }
}
