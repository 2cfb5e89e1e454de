package dev.osmosis.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.OsmosisException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbtProjectTest {
    @TempDir Path dir;

    private DbtProject read(String yaml, String cliVars) throws IOException {
        Files.writeString(dir.resolve("dbt_project.yml"), yaml);
        return new DbtProjectReader().read(dir, cliVars);
    }

    @Test
    void mostSpecificFolderTemplateWins() throws IOException {
        DbtProject p = read("""
                name: shop
                model-paths: ["models"]
                models:
                  +dbt-osmosis: "_{model}.yml"
                  shop:
                    staging:
                      +dbt-osmosis: "_staging.yml"
                      +materialized: view
                vars:
                  dbt-osmosis:
                    prefix: stg_
                    llm: {provider: anthropic}
                """, null);
        assertEquals(Optional.of("_staging.yml"),
                p.osmosisPathTemplate(ResourceType.MODEL, List.of("shop", "staging", "stg_a")));
        assertEquals(Optional.of("_{model}.yml"),
                p.osmosisPathTemplate(ResourceType.MODEL, List.of("shop", "marts", "fct")));
        assertEquals(Optional.empty(), p.osmosisPathTemplate(ResourceType.SEED, List.of("shop", "s")));
        assertEquals("stg_", p.osmosisVars().get("prefix"));
        assertEquals(Map.of("provider", "anthropic"), p.llmVars());
    }

    @Test
    void oldPathKeysAndCliVarsAreRead() throws IOException {
        DbtProject p = read("name: old\nsource-paths: [src]\ndata-paths: [data]\nvars: {a: 1}\n",
                "{a: 2, dbt-osmosis: {prefix: x_}}");
        assertEquals(List.of("src"), p.modelPaths());
        assertEquals(List.of("data"), p.seedPaths());
        assertEquals(2, p.vars().get("a"));
        assertEquals("x_", p.osmosisVars().get("prefix"));
    }

    @Test
    void badYamlAndBadVarsAreUsageErrors() throws IOException {
        OsmosisException bad = assertThrows(OsmosisException.class, () -> read("name: [unclosed\n", null));
        assertEquals(2, bad.exitCode());
        assertTrue(bad.getMessage().contains("dbt_project.yml"), bad.getMessage());
        OsmosisException vars = assertThrows(OsmosisException.class, () -> read("name: p\n", "just-a-string"));
        assertTrue(vars.getMessage().contains("--vars"), vars.getMessage());
    }
}
