package dev.osmosis.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Doc blocks read from a project's .md files when the manifest lacks one.
 * <table>
 *   <caption>hard cases</caption>
 *   <tr><th>case</th><th>read?</th></tr>
 *   <tr><td>a block in docs/ (docs-paths outside models/), whitespace control {@code {%- docs x -%}}</td>
 *       <td>yes</td></tr>
 *   <tr><td>a .md in target/, dbt_packages/, a hidden folder</td><td>no</td></tr>
 *   <tr><td>a .md linked from outside the project (its text would go to a provider)</td><td>no</td></tr>
 * </table>
 */
class MarkdownDocBlocksTest {
    @TempDir Path tmp;

    @Test
    void blocksOfTheProjectsOwnMarkdownFilesAreRead() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("project"));
        write(root.resolve("models/docs.md"), "# Orders\n{% docs order_status %}\nThe order's state.\n{% enddocs %}\n"
                + "{%- docs   amount -%}Amount in dollars.{%- enddocs -%}\n");
        write(root.resolve("docs/more.md"), "{% docs customer %}A buyer.{% enddocs %}");
        write(root.resolve("target/compiled.md"), "{% docs stale %}no{% enddocs %}");
        write(root.resolve("dbt_packages/pkg/docs.md"), "{% docs theirs %}no{% enddocs %}");
        write(root.resolve(".git/x.md"), "{% docs hidden %}no{% enddocs %}");
        Path outside = write(tmp.resolve("secret.md"), "{% docs secret %}no{% enddocs %}");
        try {
            Files.createSymbolicLink(root.resolve("models/linked.md"), outside);
        } catch (UnsupportedOperationException | IOException e) {
            // no links on this file system: the rest still holds
        }
        List<DocBlock> blocks = MarkdownDocBlocks.read(root, "target", "p");
        assertEquals(List.of("customer", "order_status", "amount"), blocks.stream().map(DocBlock::name).toList());
        assertEquals("\nThe order's state.\n", blocks.get(1).contents());
        assertEquals("doc.p.order_status", blocks.get(1).uniqueId());
        assertEquals("p", blocks.get(1).packageName());
    }

    @Test
    void aProjectWithoutMarkdownHasNoBlocks() {
        assertEquals(List.of(), MarkdownDocBlocks.read(tmp, null, "p"));
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void aFileOfUnclosedOpenersIsReadInBoundedTime() throws IOException {
        // under the size cap: one lazy regex rescanned the rest of the file from each of the 80,000 openers
        Files.writeString(tmp.resolve("hostile.md"), "{% docs b %}kept{% enddocs %}"
                + "{% docs a %}".repeat(80_000));
        List<DocBlock> blocks = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> MarkdownDocBlocks.read(tmp, "target", "p"));
        assertEquals(1, blocks.size());
        assertEquals("b", blocks.get(0).name());
        assertEquals("kept", blocks.get(0).contents());
    }
}
