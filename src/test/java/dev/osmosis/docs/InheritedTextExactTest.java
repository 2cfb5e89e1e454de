package dev.osmosis.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osmosis.cli.CliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.osmosis.schema.PyYamlResolver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/**
 * A person's text reaches the children exactly as PyYAML (dbt) reads it in the parent: a lone "=" (which PyYAML
 * cannot load plain), and block texts in every chomping and folding style, wherever the child's column sits (before a
 * blank line, at the end of the file) and with --strip-eof-blank-lines.
 */
class InheritedTextExactTest {
    private static final String SOURCES = """
            version: 2
            sources:
              - name: raw
                tables:
                  - name: orders
                    columns:
                      - name: equals
                        description: "="
                      - name: kept
                        description: |+
                          Line one.

                          Line two.


                      - name: stripped
                        description: |-
                          Line one.
                          Line two.
                      - name: folded
                        description: >
                          Folded
                          text.

                          Next paragraph.
                      - name: folded_kept
                        description: >+
                          Folded kept.


            """;
    private static final List<String> COLUMNS = List.of("equals", "kept", "stripped", "folded", "folded_kept");
    @TempDir Path tmp;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void inheritedTextLoadsInPyYamlAsTheParentsText(boolean stripEofBlankLines) throws Exception {
        Path root = tmp.resolve("p");
        Files.createDirectories(root.resolve("models"));
        Files.writeString(tmp.resolve("case.json"), """
                {"nodes": {
                  "source.p.raw.orders": {"file": "models/sources.yml"},
                  "model.p.stg": {"file": "models/stg.sql", "parents": ["source.p.raw.orders"]}}}
                """);
        GoldenProject.write(tmp.resolve("case.json"), root, "name: p\n");
        Files.writeString(root.resolve("models/sources.yml"), SOURCES);
        // a blank line after each column, and the last one at the end of the file: a kept block would absorb them
        StringBuilder schema = new StringBuilder("version: 2\nmodels:\n  - name: stg\n    columns:\n");
        COLUMNS.forEach(c -> schema.append("      - name: ").append(c).append("\n\n"));
        Files.writeString(root.resolve("models/schema.yml"), schema.toString());

        List<String> args = new java.util.ArrayList<>(List.of("yaml", "document", "--project-dir", root.toString()));
        if (stripEofBlankLines) {
            args.add("--strip-eof-blank-lines");
        }
        CliHarness.Result r = CliHarness.run(Map.of("OSMOSIS_HOME", tmp.resolve("home").toString()),
                args.toArray(String[]::new));

        assertEquals(0, r.exitCode(), r.err());
        String written = Files.readString(root.resolve("models/schema.yml"));
        assertEquals(descriptions(SOURCES, "sources", 0), descriptions(written, "models", -1), written);
    }

    /** Column name to description as PyYAML reads them (SnakeYAML's scanner, PyYAML's resolver). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> descriptions(String yaml, String section, int table) {
        Yaml pyyaml = new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(new DumperOptions()),
                new DumperOptions(), new LoaderOptions(), new PyYamlResolver());
        Map<String, Object> entry = ((List<Map<String, Object>>) ((Map<String, Object>) pyyaml.load(yaml))
                .get(section)).get(0);
        if (table >= 0) {
            entry = ((List<Map<String, Object>>) entry.get("tables")).get(table);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        ((List<Map<String, Object>>) entry.get("columns")).forEach(c -> out.put((String) c.get("name"),
                c.get("description")));
        return out;
    }
}
