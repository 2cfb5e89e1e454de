package dev.osmosis.style;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.OsmosisException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dbt-styleguide.md is read like any file of an untrusted repository.
 * <table>
 *   <caption>hard cases</caption>
 *   <tr><th>file</th><th>outcome</th></tr>
 *   <tr><td>absent</td><td>no guide, no message</td></tr>
 *   <tr><td>a link to a file inside the project</td><td>read through</td></tr>
 *   <tr><td>a link out of the project, a dangling link, a folder, a FIFO</td><td>usage error naming the file and
 *       the reason; never opened</td></tr>
 *   <tr><td>larger than 16 KB</td><td>cut at the last line end within 16 KB, with a warning</td></tr>
 *   <tr><td>invalid UTF-8</td><td>read, bad bytes as U+FFFD</td></tr>
 * </table>
 */
class StyleGuideTest {
    @TempDir Path tmp;

    private Path project() throws Exception {
        return Files.createDirectories(tmp.resolve("project"));
    }

    @Test
    void aProjectWithoutAGuideHasNone() throws Exception {
        assertSame(StyleGuide.NONE, StyleGuide.read(project()));
        assertEquals("ctx", StyleGuide.NONE.withContext("ctx"), "the context file alone is passed on unchanged");
    }

    @Test
    void aGuideIsReadAndHeadedBesideTheContextFile() throws Exception {
        Path root = project();
        Files.writeString(root.resolve(StyleGuide.FILE_NAME), "Use British English.\n");
        StyleGuide guide = StyleGuide.read(root);
        assertTrue(guide.present());
        assertEquals("", guide.warning());
        assertEquals("Style guide of this project (dbt-styleguide.md):\nUse British English.", guide.withContext(""));
        assertEquals("Style guide of this project (dbt-styleguide.md):\nUse British English.\n\n"
                + "More context (--llm-context):\nGMV: gross merchandise value.", guide.withContext(
                        "GMV: gross merchandise value.\n"));
    }

    @Test
    void aLinkInsideTheProjectIsReadThrough() throws Exception {
        Path root = project();
        Path docs = Files.createDirectories(root.resolve("docs"));
        Files.writeString(docs.resolve("style.md"), "Short sentences.");
        Files.createSymbolicLink(root.resolve(StyleGuide.FILE_NAME), Path.of("docs/style.md"));
        assertEquals("Short sentences.", StyleGuide.read(root).text());
    }

    @Test
    void aLinkOutOfTheProjectIsRefused() throws Exception {
        Path root = project();
        Path secret = Files.writeString(tmp.resolve("id_rsa"), "PRIVATE KEY");
        Files.createSymbolicLink(root.resolve(StyleGuide.FILE_NAME), secret);
        OsmosisException e = assertThrows(OsmosisException.class, () -> StyleGuide.read(root));
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().contains("refused to read " + root.resolve(StyleGuide.FILE_NAME) + ": it is a "
                + "symbolic link to " + secret.toRealPath() + ", outside the project folder"), e.getMessage());
        assertTrue(e.getMessage().contains("--llm-context FILE"), "says what to do instead: " + e.getMessage());
        assertFalse(e.getMessage().contains("PRIVATE KEY"));
    }

    @Test
    void aDanglingLinkAFolderAndAFifoAreRefused() throws Exception {
        Path root = project();
        Path guide = root.resolve(StyleGuide.FILE_NAME);
        Files.createSymbolicLink(guide, tmp.resolve("nowhere.md"));
        assertTrue(assertThrows(OsmosisException.class, () -> StyleGuide.read(root)).getMessage()
                .contains("a file that does not exist"));
        Files.delete(guide);
        Files.createDirectory(guide);
        assertTrue(assertThrows(OsmosisException.class, () -> StyleGuide.read(root)).getMessage()
                .contains("not a regular file"));
        Files.delete(guide);
        Process mkfifo = new ProcessBuilder("mkfifo", guide.toString()).start();
        if (mkfifo.waitFor() == 0) {
            assertTrue(assertThrows(OsmosisException.class, () -> StyleGuide.read(root)).getMessage()
                    .contains("not a regular file"), "a FIFO is never opened (it would block)");
        }
    }

    @Test
    void aLongGuideIsCutAtALineEndWithAWarning() throws Exception {
        Path root = project();
        String line = "Write in the present tense, and name the grain of every model in its first sentence.\n";
        Files.writeString(root.resolve(StyleGuide.FILE_NAME), line.repeat(400));
        StyleGuide guide = StyleGuide.read(root);
        assertTrue(guide.text().length() <= StyleGuide.MAX_BYTES);
        assertTrue(guide.text().endsWith(line), "cut at a line end");
        assertTrue(guide.text().length() > StyleGuide.MAX_BYTES - line.length());
        assertTrue(guide.warning().startsWith("warning: " + root.resolve(StyleGuide.FILE_NAME) + " is 33 KB; only its "
                + "first"), guide.warning());
    }

    @Test
    void invalidUtf8IsReadWithReplacementCharacters() throws Exception {
        Path root = project();
        Files.write(root.resolve(StyleGuide.FILE_NAME), new byte[] {'O', 'k', (byte) 0xC3, '.', '\n'});
        assertEquals("Ok\uFFFD.\n", StyleGuide.read(root).text());
    }
}
