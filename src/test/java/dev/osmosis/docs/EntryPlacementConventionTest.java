package dev.osmosis.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.cli.CliHarness;
import dev.osmosis.testing.TestProjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Without a `+dbt-osmosis:` template, a new entry follows the folder's own files ({@link FolderConvention}).
 *
 * <table>
 * <caption>Hard cases</caption>
 * <tr><th>case</th><th>folder holds</th><th>new entry goes to</th></tr>
 * <tr><td>one YAML documents the folder (hubspot)</td><td>intermediate.yml (int_a, int_b)</td>
 * <td>intermediate.yml</td></tr>
 * <tr><td>one YAML, dbt style (wmcsrp2 marts)</td><td>_models.yml; corpus copy</td><td>_models.yml</td></tr>
 * <tr><td>per-model files</td><td>_a.yml, _b.yml / a.yml, b.yml / a.yaml, b.yaml; ethereum_models</td>
 * <td>_c.yml / c.yml / c.yaml; core__dim_dates.yml</td></tr>
 * <tr><td>one file named after its one model</td><td>a.yml (a)</td><td>c.yml</td></tr>
 * <tr><td>one file, a word around the name</td><td>a_docs.yml (a)</td><td>a_docs.yml (one file shows no
 * pattern)</td></tr>
 * <tr><td>mixed</td><td>_a.yml (a), misc.yml (b, d)</td><td>misc.yml, the file documenting most</td></tr>
 * <tr><td>empty folder</td><td>no YAML</td><td>schema.yml</td></tr>
 * <tr><td>a YAML holding only sources</td><td>_sources.yml</td><td>schema.yml (a sources file is not the
 * models')</td></tr>
 * <tr><td>nested folder, own YAML none</td><td>parent has _staging.yml</td><td>schema.yml in the nested
 * folder</td></tr>
 * <tr><td>nested folder documented from its parent</td><td>sub/a documented in ../_staging.yml</td>
 * <td>../_staging.yml</td></tr>
 * <tr><td>a template</td><td>+dbt-osmosis: "{model}.yml"</td><td>the template wins</td></tr>
 * </table>
 */
class EntryPlacementConventionTest {
    @TempDir Path tmp;

    static Stream<Arguments> folders() {
        String intermediate = models("int_a", "int_b");
        return Stream.of(
                Arguments.of("one yml", Map.of("models/int/intermediate.yml", intermediate), "models/int/c.sql",
                        List.of("models/int/int_a.sql", "models/int/int_b.sql"), "models/int/intermediate.yml"),
                Arguments.of("per model _x.yml", Map.of("models/m/_a.yml", models("a"), "models/m/_b.yml",
                        models("b")), "models/m/c.sql", List.of("models/m/a.sql", "models/m/b.sql"), "models/m/_c.yml"),
                Arguments.of("per model x.yml", Map.of("models/m/a.yml", models("a"), "models/m/b.yml",
                        models("b")), "models/m/c.sql", List.of("models/m/a.sql", "models/m/b.sql"), "models/m/c.yml"),
                Arguments.of("per model x.yaml", Map.of("models/m/a.yaml", models("a"), "models/m/b.yaml",
                        models("b")), "models/m/c.sql", List.of("models/m/a.sql", "models/m/b.sql"), "models/m/c.yaml"),
                Arguments.of("one file named after its model", Map.of("models/m/a.yml", models("a")),
                        "models/m/c.sql", List.of("models/m/a.sql"), "models/m/c.yml"),
                Arguments.of("one file, a word around the name", Map.of("models/m/a_docs.yml", models("a")),
                        "models/m/c.sql", List.of("models/m/a.sql"), "models/m/a_docs.yml"),
                Arguments.of("mixed", Map.of("models/m/_a.yml", models("a"), "models/m/misc.yml", models("b", "d")),
                        "models/m/c.sql", List.of("models/m/a.sql", "models/m/b.sql", "models/m/d.sql"),
                        "models/m/misc.yml"),
                Arguments.of("empty folder", Map.of("models/other/x.yml", models("x")), "models/m/c.sql",
                        List.of("models/other/x.sql"), "models/m/schema.yml"),
                Arguments.of("only sources", Map.of("models/m/_sources.yml", """
                        version: 2
                        sources:
                          - name: raw
                            tables:
                              - name: orders
                        """), "models/m/c.sql", List.of(), "models/m/schema.yml"),
                Arguments.of("nested, own folder bare", Map.of("models/stg/_staging.yml", models("a")),
                        "models/stg/sub/c.sql", List.of("models/stg/a.sql"), "models/stg/sub/schema.yml"),
                Arguments.of("nested, documented from the parent", Map.of("models/stg/_staging.yml", models("a")),
                        "models/stg/sub/c.sql", List.of("models/stg/sub/a.sql"), "models/stg/_staging.yml"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("folders")
    void aNewEntryFollowsTheFoldersConvention(String name, Map<String, String> yaml, String newModel,
                                              List<String> documented, String expected) throws IOException {
        Path root = tmp.resolve("p");
        writeProject(root, "name: p\n", yaml, newModel, documented);

        CliHarness.Result r = CliHarness.run("yaml", "document", "--project-dir", root.toString());

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("new YAML entries in " + expected + ": c\n"), r.err());
        assertTrue(Files.readString(root.resolve(expected)).contains("- name: c\n"), expected);
        yaml.forEach((file, text) -> {
            if (!file.equals(expected)) {
                assertEquals(text, read(root.resolve(file)), file + " is not touched");
            }
        });
    }

    @Test
    void aTemplateStillWins() throws IOException {
        Path root = tmp.resolve("p");
        writeProject(root, "name: p\nmodels:\n  p:\n    +dbt-osmosis: \"_{model}.yml\"\n",
                Map.of("models/m/intermediate.yml", models("a", "b")), "models/m/c.sql",
                List.of("models/m/a.sql", "models/m/b.sql"));

        CliHarness.Result r = CliHarness.run("yaml", "document", "--project-dir", root.toString());

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("new YAML entries in models/m/_c.yml: c\n"), r.err());
    }

    @Test
    void oneFilePerModelIsFollowedInEthereumModels(@TempDir Path copy) throws IOException {
        Path root = TestProjects.copy(TestProjects.corpus("ethereum_models"), copy.resolve("ethereum_models"));

        CliHarness.Result r = CliHarness.run("yaml", "document", "--project-dir", root.toString());

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("new YAML entries in models/gold/core__dim_dates.yml: core__dim_dates\n"),
                r.err());
        assertTrue(Files.readString(root.resolve("models/gold/core__dim_dates.yml")).contains("core__dim_dates"));
        assertFalse(Files.exists(root.resolve("models/gold/schema.yml")), "no schema.yml among per-model files");
    }

    @Test
    void theFoldersModelsYmlGetsTheEntryInWmcsrp2(@TempDir Path copy) throws IOException {
        Path root = TestProjects.copy(TestProjects.corpus("wmcsrp2"), copy.resolve("wmcsrp2"));

        CliHarness.Result r = CliHarness.run("yaml", "document", "--project-dir", root.toString());

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("new YAML entries in models/marts/_models.yml: community_life_survey_benchmarks, "
                + "local_authority_profiles\n"), r.err());
        assertFalse(Files.exists(root.resolve("models/marts/schema.yml")), "no schema.yml beside _models.yml");
        // staging holds only _sources.yml: its models are not sources, so they get a schema.yml
        assertTrue(Files.exists(root.resolve("models/staging/schema.yml")));
    }

    /** Each .sql of {@code documented} has an entry in {@code yaml}; {@code newModel} has none, and a column. */
    private static void writeProject(Path root, String dbtProject, Map<String, String> yaml, String newModel,
                                     List<String> documented) throws IOException {
        Files.createDirectories(root);
        Files.writeString(root.resolve("dbt_project.yml"), dbtProject);
        Map<String, Object> nodes = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(documented);
        all.add(newModel);
        StringBuilder json = new StringBuilder("{\"nodes\": {");
        for (String sql : all) {
            String model = sql.substring(sql.lastIndexOf('/') + 1, sql.length() - 4);
            json.append(nodes.isEmpty() ? "" : ", ").append("\"model.p.").append(model).append("\": {\"file\": \"")
                    .append(sql).append("\"}");
            nodes.put(model, sql);
            Files.createDirectories(root.resolve(sql).getParent());
            Files.writeString(root.resolve(sql), "select 1 as id\n");
        }
        String newName = newModel.substring(newModel.lastIndexOf('/') + 1, newModel.length() - 4);
        json.append("}, \"catalog\": {\"model.p.").append(newName).append("\": [\"id bigint\"]}}");
        Path spec = root.resolve("case.json");
        Files.writeString(spec, json);
        GoldenProject.write(spec, root, dbtProject);
        for (Map.Entry<String, String> e : yaml.entrySet()) {
            Files.createDirectories(root.resolve(e.getKey()).getParent());
            Files.writeString(root.resolve(e.getKey()), e.getValue());
        }
    }

    private static String models(String... names) {
        StringBuilder b = new StringBuilder("version: 2\nmodels:\n");
        for (String n : names) {
            b.append("  - name: ").append(n).append('\n');
        }
        return b.toString();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
