package dev.osmosis.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.osmosis.cli.CliHarness;
import dev.osmosis.testing.TestProjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden cases for `yaml document` / `yaml refactor`: golden-docs/CASE/ holds case.json (DAG, catalog, flags),
 * input/ (the project's YAML and dbt_project.yml, if any) and expected/ (every file that must change, as it must
 * read after the run). Every other file must be byte-identical afterwards, and a second run must change nothing.
 * case.json's "deleted" lists the files the run must remove. An optional stdout.diff is what stdout must be (the --dry-run diff). With --dry-run nothing is written, so the second
 * run must print exactly what the first printed and exit the same way.
 */
class GoldenDocumentTest {
    static final String DEFAULT_PROJECT = "name: p\nversion: '1.0'\nprofile: p\n";

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(TestProjects.resource("golden-docs"))) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void runMatchesExpectedAndIsIdempotent(String name, @TempDir Path tmp) throws IOException {
        Path dir = TestProjects.resource("golden-docs/" + name);
        Path root = tmp.resolve("project");
        TestProjects.copy(dir.resolve("input"), root);
        JsonNode spec = GoldenProject.write(dir.resolve("case.json"), root, DEFAULT_PROJECT);
        Map<String, String> before = snapshot(root);

        List<String> args = new ArrayList<>(List.of("yaml", spec.path("command").asText("document"),
                "--project-dir", root.toString()));
        spec.path("args").forEach(a -> args.add(a.asText()));
        CliHarness.Result first = CliHarness.run(args.toArray(String[]::new));
        assertEquals(spec.path("exit").asInt(0), first.exitCode(), first.err());
        Path stdout = dir.resolve("stdout.diff");
        if (Files.exists(stdout)) {
            assertEquals(Files.readString(stdout), first.out(), name + ": stdout");
        }

        Map<String, String> after = snapshot(root);
        Map<String, String> expected = Files.isDirectory(dir.resolve("expected"))
                ? snapshot(dir.resolve("expected")) : new java.util.TreeMap<>();
        List<String> deleted = new ArrayList<>();
        spec.path("deleted").forEach(d -> deleted.add(d.asText()));
        for (String file : deleted) {
            assertTrue(before.containsKey(file), name + ": " + file + " is not an input file");
            assertTrue(!after.containsKey(file), name + ": " + file + " must be deleted");
            expected.put(file, null);
        }
        for (Map.Entry<String, String> e : expected.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            assertEquals(e.getValue(), after.get(e.getKey()), name + ": " + e.getKey());
        }
        for (Map.Entry<String, String> e : before.entrySet()) {
            if (!expected.containsKey(e.getKey())) {
                assertEquals(e.getValue(), after.get(e.getKey()), name + ": " + e.getKey() + " must not change");
            }
        }
        for (String file : after.keySet()) {
            assertTrue(before.containsKey(file) || expected.containsKey(file), name + ": unexpected new file " + file);
        }

        CliHarness.Result second = CliHarness.run(args.toArray(String[]::new));
        assertEquals(after, snapshot(root), name + ": a second run must change nothing");
        if (args.contains("--dry-run")) {
            assertEquals(first, second, name + ": a dry run writes nothing, so it must repeat itself");
        } else {
            assertTrue(second.err().contains("0 files changed"), second.err());
        }
    }

    static Map<String, String> snapshot(Path root) throws IOException {
        return TestProjects.snapshot(root);
    }
}
