package dev.osmosis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.osmosis.report.ReportPage;
import dev.osmosis.testing.TestProjects;
import dev.osmosis.usage.Ledger;
import dev.osmosis.usage.LedgerEntry;
import dev.osmosis.usage.UsageDatabase;
import dev.osmosis.usage.UsageHome;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CI examples we ship parse, and every osmosis command and flag they use exists. */
class CiExamplesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    @TempDir Path tmp;
    /**
     * `osmosis report` is built on the parallel branch `report` (issue 13). Until both are merged, a line calling a
     * command of this set that this build lacks is not parsed; once the command exists, it is checked like the rest.
     */
    @Test
    void githubWorkflowUsesOnlyRealCommandsAndFlags() throws IOException {
        JsonNode workflow = YAML.readTree(Path.of("docs/ci/github-actions.yml").toFile());
        List<List<String>> commands = new ArrayList<>();
        for (JsonNode job : workflow.get("jobs")) {
            for (JsonNode step : job.get("steps")) {
                if (step.has("run")) {
                    commands.addAll(osmosisCommands(step.get("run").asText()));
                }
            }
        }
        List<String> used = commands.stream().map(c -> c.get(0)).distinct().toList();
        assertTrue(used.containsAll(List.of("yaml", "coverage", "review", "report")), "documents every gate: " + used);
        commands.forEach(CiExamplesTest::assertParses);
        assertTrue(commands.stream().anyMatch(c -> c.contains("--check")));
        assertTrue(commands.stream().anyMatch(c -> c.contains("--fail-under")));
        assertTrue(commands.stream().anyMatch(c -> c.contains("--max-pending")));
        assertTrue(commands.stream().anyMatch(c -> c.contains("--output")));
    }

    @Test
    void preCommitHookRunsDocumentCheckOnChangedYaml() throws IOException {
        JsonNode hooks = YAML.readTree(Path.of(".pre-commit-hooks.yaml").toFile());
        assertTrue(hooks.isArray() && hooks.size() > 0);
        for (JsonNode hook : hooks) {
            for (String key : List.of("id", "name", "entry", "language")) {
                assertTrue(hook.hasNonNull(key), "pre-commit requires " + key + ": " + hook);
            }
            List<String> entry = List.of(hook.get("entry").asText().trim().split("\\s+"));
            assertEquals("osmosis", entry.get(0));
            assertEquals(List.of("yaml", "document", "--check"), entry.subList(1, 4));
            Pattern files = Pattern.compile(hook.get("files").asText());
            Pattern exclude = Pattern.compile(hook.path("exclude").asText("(?!)"));
            java.util.function.Predicate<String> passed = p -> files.matcher(p).find() && !exclude.matcher(p).find();
            assertTrue(passed.test("models/staging/schema.yml"));
            assertTrue(passed.test("models/marts/_orders.yaml"));
            assertFalse(passed.test("models/orders.sql"));
            assertFalse(passed.test("dbt_project.yml"), "not a schema file: it would match no node");
            List<String> args = new ArrayList<>(entry.subList(1, entry.size()));
            if (hook.path("pass_filenames").asBoolean(true)) {
                args.add("models/staging/schema.yml"); // pre-commit appends the changed files
            }
            assertParses(args);
        }
    }

    /**
     * The release example builds on every platform of its matrix with the script CI runs (which builds the dist
     * profile and runs the results without Java), uploads target/dist/, and attaches it all to the tag's release.
     */
    @Test
    void releaseWorkflowBuildsEachPlatformAndAttachesTheFiles() throws IOException {
        JsonNode workflow = YAML.readTree(Path.of("docs/ci/release.yml").toFile());
        assertTrue(workflow.path("on").path("push").path("tags").isArray(), "runs on tags: " + workflow.get("on"));
        JsonNode dist = workflow.path("jobs").path("dist");
        List<String> runners = new ArrayList<>();
        dist.path("strategy").path("matrix").path("runner").forEach(r -> runners.add(r.asText()));
        assertTrue(runners.containsAll(List.of("ubuntu-latest", "ubuntu-24.04-arm", "macos-14")), runners.toString());
        assertEquals("${{ matrix.runner }}", dist.path("runs-on").asText());
        String steps = dist.path("steps").toString();
        assertTrue(steps.contains("bash .ci/dist-check"), steps);
        assertTrue(Files.isExecutable(Path.of(".ci/dist-check")));
        assertTrue(Files.readString(Path.of(".ci/dist-check")).contains("-Pdist package"));
        assertTrue(steps.contains("target/dist/*.whl") && steps.contains("target/dist/*.tar.gz"), steps);
        JsonNode release = workflow.path("jobs").path("release");
        assertEquals("dist", release.path("needs").asText());
        assertEquals("write", release.path("permissions").path("contents").asText());
        assertTrue(release.path("steps").toString().contains("gh release create \\\"$GITHUB_REF_NAME\\\" dist/*"),
                release.path("steps").toString());
    }

    /**
     * The composite action installs the release wheel once per tag and platform (cached), and no input is pasted
     * into a script: a `${{ inputs.x }}` inside `run:` would let a tag or an argument inject shell commands.
     */
    @Test
    void compositeActionCachesTheWheelAndPassesInputsThroughTheEnvironment() throws IOException {
        JsonNode action = YAML.readTree(Path.of("action.yml").toFile());
        assertEquals("composite", action.path("runs").path("using").asText());
        assertTrue(action.path("inputs").has("args") && action.path("inputs").has("version"), action.toString());
        List<String> uses = new ArrayList<>();
        List<String> scripts = new ArrayList<>();
        for (JsonNode step : action.path("runs").path("steps")) {
            uses.add(step.path("uses").asText());
            if (step.has("run")) {
                assertEquals("bash", step.path("shell").asText(), "a composite step needs its shell: " + step);
                String run = step.get("run").asText();
                assertFalse(run.contains("${{"), "an expression pasted into a script: " + run);
                scripts.add(run);
            }
        }
        assertTrue(uses.contains("actions/cache@v4"), uses.toString());
        String all = String.join("\n", scripts);
        assertTrue(all.contains("gh release download") && all.contains("pipx install"), all);
        assertTrue(all.contains("osmosis $ARGS"), all);
        Matcher example = Pattern.compile("(?m)^#\\s+args: (.+)$")
                .matcher(Files.readString(Path.of("action.yml")));
        assertTrue(example.find(), "the header shows an example");
        assertParses(List.of(example.group(1).trim().split("\\s+")));
    }

    /**
     * The GitHub workflow and the GitLab job run as written on a copy of a corpus project: the dbt profile step
     * writes a dummy profile under the project's profile name, the ledger is kept in the folder osmosis reads
     * ($OSMOSIS_HOME) and cached from that same folder, each osmosis line ends with one of the exit codes written
     * beside it, and the report shows the usage an earlier run left in the cached ledger.
     */
    @Test
    void githubWorkflowRunsAsWrittenOnACorpusProject() throws Exception {
        Path file = Path.of("docs/ci/github-actions.yml");
        JsonNode job = YAML.readTree(file.toFile()).path("jobs").path("docs");
        String workspace = "${{ github.workspace }}";
        String home = job.path("env").path("OSMOSIS_HOME").asText();
        JsonNode restore = null;
        JsonNode save = null;
        List<String> scripts = new ArrayList<>();
        for (JsonNode step : job.path("steps")) {
            String uses = step.path("uses").asText();
            if (uses.equals("actions/cache/restore@v4")) {
                restore = step.path("with");
            } else if (uses.equals("actions/cache/save@v4")) {
                save = step;
            }
            scripts.add(step.path("run").asText());
        }
        assertTrue(restore != null && save != null, "the osmosis home is restored and saved");
        assertEquals(home, restore.path("path").asText(), "the cache keeps the folder osmosis reads");
        assertEquals(home, save.path("with").path("path").asText());
        assertTrue(restore.path("key").asText().contains("github.run_id") && restore.has("restore-keys"),
                "a cache entry is never updated, so each run saves its own: " + restore);
        assertEquals(restore.path("key"), save.path("with").path("key"));
        // actions/cache saves only when the job succeeds: a failed gate would drop the run's ledger entries
        assertEquals("${{ !cancelled() }}", save.path("if").asText());
        String all = String.join("\n", scripts);
        assertTrue(all.contains("dbt parse --no-partial-parse") && all.contains("type: duckdb"), all);
        assertTrue(job.path("env").path("DBT_PROFILES_DIR").asText().startsWith(workspace));
        assertTrue(job.path("steps").toString().contains("actions/upload-artifact@v4"));
        runAsWritten(file, all, home.replace(workspace, tmp.toString()), "osmosis-report.html");
    }

    @Test
    void gitlabJobRunsAsWrittenOnACorpusProject() throws Exception {
        Path file = Path.of("docs/ci/gitlab-ci.yml");
        JsonNode job = YAML.readTree(file.toFile()).path("osmosis");
        String home = job.path("variables").path("OSMOSIS_HOME").asText();
        assertTrue(home.startsWith("$CI_PROJECT_DIR/"), home);
        Path homeDir = tmp.resolve(home.substring("$CI_PROJECT_DIR/".length())).normalize();
        JsonNode ledgerCache = null;
        for (JsonNode c : job.path("cache")) {
            for (JsonNode p : c.path("paths")) {
                if (tmp.resolve(p.asText()).normalize().equals(homeDir)) {
                    ledgerCache = c;
                }
            }
        }
        assertTrue(ledgerCache != null, "the cache keeps the folder osmosis reads: " + job.path("cache"));
        // GitLab saves a cache only when the job succeeds unless told: a failed gate would drop the ledger
        assertEquals("always", ledgerCache.path("when").asText());
        List<String> scripts = new ArrayList<>();
        job.path("before_script").forEach(l -> scripts.add(l.asText()));
        job.path("script").forEach(l -> scripts.add(l.asText()));
        String all = String.join("\n", scripts);
        assertTrue(all.contains("pip install \"osmosis-dbt==$OSMOSIS_VERSION\""), all);
        assertTrue(all.contains("dbt parse --no-partial-parse") && all.contains("type: duckdb"), all);
        assertEquals("always", job.path("artifacts").path("when").asText());
        assertTrue(job.path("artifacts").path("paths").toString().contains("osmosis-report.html"));
        assertTrue(job.path("artifacts").path("reports").path("junit").toString().contains("osmosis-coverage.xml"));
        runAsWritten(file, all, homeDir.toString(), "osmosis-report.html");
    }

    /** Runs every osmosis line of {@code scripts} in a copy of shopverse, as the CI job would. */
    private void runAsWritten(Path file, String scripts, String home, String reportFile) throws Exception {
        Map<String, List<Integer>> documented = documentedExitCodes(Files.readString(file));
        Path project = TestProjects.copy(TestProjects.corpus("shopverse"), tmp);
        try (UsageDatabase db = UsageDatabase.open(Path.of(home).resolve(UsageHome.DB_FILE))) {
            new Ledger(db).append(new LedgerEntry(Instant.parse("2026-11-01T09:00:00Z"), "earlier-run", "openai",
                    "gpt-4o", "bulk", "model.shopverse_analytics.stg_orders", 100, 20, 0.01, 5, "ok", false));
        }
        List<List<String>> commands = osmosisCommands(scripts);
        List<String> used = commands.stream().map(c -> c.get(0)).distinct().toList();
        assertTrue(used.containsAll(List.of("yaml", "coverage", "review", "report")), "every gate: " + used);
        assertTrue(commands.stream().anyMatch(c -> c.contains("--max-pending")), commands.toString());
        for (List<String> args : commands) {
            if (!args.equals(List.of("--version"))) { // the install check names no command
                assertParses(args);
            }
            String line = String.join(" ", args);
            List<Integer> codes = documented.get(line);
            assertTrue(codes != null, "no documented exit code beside `osmosis " + line + "` in " + file);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = new Osmosis(Map.of("OSMOSIS_HOME", home), project)
                    .run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
            assertTrue(codes.contains(code), "osmosis " + line + " exited " + code + ", documented " + codes
                    + "\n" + err);
            if (args.contains("github")) {
                assertTrue(out.toString().contains("::"), "annotations: " + out);
            }
            if (args.contains("junit")) {
                assertTrue(out.toString().startsWith("<?xml"), "JUnit XML: " + out);
            }
        }
        JsonNode data = ReportPage.data(project.resolve(reportFile));
        assertEquals("earlier-run", data.at("/usage/0/run").asText(), "the cached ledger's usage is reported");
    }

    /** `osmosis <args> ... # exit 0 or 1`: the exit codes a file writes beside each osmosis line. */
    static Map<String, List<Integer>> documentedExitCodes(String text) {
        Map<String, List<Integer>> codes = new java.util.HashMap<>();
        Matcher m = Pattern.compile("(?m)\\bosmosis (.+?)\\s+# exit ([0-9 or]+)$").matcher(text);
        while (m.find()) {
            List<List<String>> command = osmosisCommands("osmosis " + m.group(1));
            codes.put(String.join(" ", command.get(0)),
                    Pattern.compile("\\d").matcher(m.group(2)).results().map(r -> Integer.parseInt(r.group()))
                            .toList());
        }
        return codes;
    }

    /** The osmosis command lines of a `run:` script: line continuations joined, words split on spaces. */
    static List<List<String>> osmosisCommands(String script) {
        List<List<String>> out = new ArrayList<>();
        for (String line : script.replace("\\\n", " ").split("\n")) {
            String l = line.replaceAll("#.*", "").trim();
            if (l.startsWith("osmosis ")) {
                List<String> words = List.of(l.replaceAll("\\s*(\\|\\||&&|>|\\|).*", "").split("\\s+"));
                out.add(words.subList(1, words.size()));
            }
        }
        return out;
    }

    private static void assertParses(List<String> args) {
        CommandLine cli = new CommandLine(new Osmosis(Map.of()));
        try {
            CommandLine.ParseResult result = cli.parseArgs(args.toArray(String[]::new));
            assertTrue(result.hasSubcommand(), "names a command: " + args);
        } catch (CommandLine.ParameterException e) {
            throw new AssertionError("osmosis " + String.join(" ", args) + ": " + e.getMessage(), e);
        }
    }
}
