package dev.osmosis.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.OsmosisException;
import dev.osmosis.llm.prompt.PromptTemplates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The YAML files osmosis reads with Jackson (dbt_project.yml, packages.yml, the prompt file; dbt_loom's config and
 * the llm vars go the same way) never expand an alias: a "billion laughs" there is read at once, as PyYAML reads
 * it (and a prompt file refuses the unknown key). Schema files, read with SnakeYAML's composer, are checked by AliasExpansion instead. This guards the
 * difference: were a Jackson upgrade to start expanding aliases, these files would need the same check.
 */
class AliasYamlReadersTest {
    @TempDir Path tmp;

    static String laughs(String key) {
        StringBuilder b = new StringBuilder(key + ":\n  l0: &l0 [" + String.join(",",
                Collections.nCopies(9, "\"lol\"")) + "]\n");
        for (int i = 1; i < 9; i++) {
            b.append("  l").append(i).append(": &l").append(i).append(" [")
                    .append(String.join(",", Collections.nCopies(9, "*l" + (i - 1)))).append("]\n");
        }
        return b.toString();
    }

    @Test
    void projectPackagesAndPromptFilesReadABillionLaughsAtOnce() throws Exception {
        Files.writeString(tmp.resolve("dbt_project.yml"), "name: shop\n" + laughs("vars"));
        Files.writeString(tmp.resolve("packages.yml"), laughs("x-laughs") + "packages:\n  - local: ../nowhere\n");
        Path prompts = tmp.resolve("prompts.yml");
        Files.writeString(prompts, "column_system: Describe it.\n" + laughs("x-laughs"));

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            DbtProject project = new DbtProjectReader().read(tmp, null);
            assertEquals("shop", project.name());
            new PackageFolders().layout(tmp, project, new Manifest(12, "shop", "1.9", Map.of(), Map.of(), Set.of()));
        });
        OsmosisException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(
                OsmosisException.class, () -> PromptTemplates.load(null, prompts, Map.of())));
        assertTrue(e.getMessage().contains("unknown template key 'x-laughs'"), e.getMessage());
    }
}
