package dev.osmosis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.osmosis.testing.TestProjects;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-commit hook as pre-commit runs it: from the repository root, on the YAML files a commit changes. A file
 * the manifest does not know yet (or one with only exposures, or dbt_project.yml) must not block the commit.
 *
 * <table>
 *   <caption>Files a commit passes to the hook</caption>
 *   <tr><th>file</th><th>expected</th></tr>
 *   <tr><td>a new schema file (not parsed yet)</td><td>skipped, a note suggests dbt parse</td></tr>
 *   <tr><td>a file with only exposures:</td><td>skipped with the same note</td></tr>
 *   <tr><td>dbt_project.yml, .pre-commit-config.yaml</td><td>not matched by the hook's pattern; when passed,
 *       skipped as not under the project's paths</td></tr>
 *   <tr><td>a schema file beside a custom seed-path (data/), the project in a subfolder</td><td>matched and
 *       worked on</td></tr>
 * </table>
 */
class PreCommitHookTest {
    @TempDir Path repo;

    private record Run(int exitCode, String err) {
    }

    private Run hook(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = java.util.stream.Stream.concat(java.util.stream.Stream.of("yaml", "document", "--check"),
                args.stream()).toArray(String[]::new);
        int code = new Osmosis(Map.of(), repo).run(new PrintWriter(out), new PrintWriter(err), all);
        return new Run(code, err.toString());
    }

    @Test
    void yamlFilesTheManifestDoesNotKnowAreSkippedWithANoteNotAnError() throws IOException {
        Path project = TestProjects.copy(TestProjects.corpus("shopverse"), repo);
        Files.writeString(project.resolve("models/gold/new.yml"),
                "version: 2\nmodels:\n  - name: brand_new_model\n    description: Not parsed yet.\n");
        Files.writeString(project.resolve("models/gold/exposures.yml"),
                "version: 2\nexposures:\n  - name: revenue_dashboard\n    type: dashboard\n    owner: {name: bi}\n");
        Map<String, String> before = TestProjects.snapshot(project);

        Run onlyNew = hook(List.of("models/gold/new.yml", "models/gold/exposures.yml", "dbt_project.yml"));

        assertEquals(0, onlyNew.exitCode(), onlyNew.err());
        assertTrue(onlyNew.err().contains("note: skipped models/gold/new.yml, models/gold/exposures.yml: not in the "
                + "manifest"), onlyNew.err());
        assertTrue(onlyNew.err().contains("run `dbt parse`"), onlyNew.err());
        assertTrue(onlyNew.err().contains("note: skipped dbt_project.yml: not under the project's model-paths"),
                onlyNew.err());
        assertEquals(before, TestProjects.snapshot(project), "nothing to do, nothing written");

        // beside a known file the hook still does its job on that file
        Run withKnown = hook(List.of("models/gold/new.yml", "models/gold/model.yml"));
        assertEquals(1, withKnown.exitCode(), withKnown.err());
        assertTrue(withKnown.err().contains("updated models/gold/model.yml"), withKnown.err());
        assertTrue(withKnown.err().contains("note: skipped models/gold/new.yml"), withKnown.err());
    }

    @Test
    void aMissingFileIsStillAnError() throws IOException {
        TestProjects.copy(TestProjects.corpus("shopverse"), repo);
        Run run = hook(List.of("models/gold/typo.yml"));
        assertEquals(2, run.exitCode(), run.err());
    }

    @Test
    void theHooksPatternMatchesAProjectInASubfolderWithCustomSeedPaths() throws IOException {
        Path project = TestProjects.copy(TestProjects.corpus("ethereum_models"), repo.resolve("analytics"));
        Files.writeString(project.resolve("data/new_seed.yml"), "version: 2\nseeds:\n  - name: new_seed\n");
        Files.writeString(repo.resolve(".pre-commit-config.yaml"), "repos: []\n");
        List<String> committed = List.of("analytics/data/new_seed.yml", "analytics/models/gold/core__fact_blocks.yml",
                "analytics/dbt_project.yml", ".pre-commit-config.yaml", "analytics/models/gold/core__fact_blocks.sql");

        List<String> passed = committed.stream().filter(PreCommitHookTest::hookMatches).toList();

        assertEquals(List.of("analytics/data/new_seed.yml", "analytics/models/gold/core__fact_blocks.yml"), passed);
        java.util.List<String> args = new java.util.ArrayList<>(List.of("--project-dir", "analytics"));
        args.addAll(passed);
        Run run = hook(args);
        assertFalse(run.exitCode() == 2, run.err());
        assertTrue(run.err().contains("note: skipped analytics/data/new_seed.yml: not in the manifest"), run.err());
    }

    /** What pre-commit does with the hook's files / exclude patterns (Python re.search). */
    private static boolean hookMatches(String path) {
        JsonNode hook = hookDefinition();
        boolean included = Pattern.compile(hook.get("files").asText()).matcher(path).find();
        boolean excluded = hook.has("exclude") && Pattern.compile(hook.get("exclude").asText()).matcher(path).find();
        return included && !excluded;
    }

    private static JsonNode hookDefinition() {
        try {
            JsonNode hooks = new ObjectMapper(new YAMLFactory()).readTree(Path.of(".pre-commit-hooks.yaml").toFile());
            return hooks.get(0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
