package dev.osmosis.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import dev.osmosis.cli.CliHarness;
import dev.osmosis.schema.EntryRef;
import dev.osmosis.schema.SchemaEntry;
import dev.osmosis.schema.SchemaFile;
import dev.osmosis.testing.TestProjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * `yaml document` and `yaml refactor` on the five real projects: written files still parse and keep every entry,
 * the only lines removed are empty or placeholder descriptions that got filled, a second run changes nothing, and
 * the figures equal what an independent fixpoint over manifest, catalog and YAML says same-name inheritance allows.
 */
class CorpusDocumentTest {
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) columns? injected, (\\d+) descriptions? inherited");
    private static final Pattern DESCRIPTION_LINE = Pattern.compile("^\\s*(?:-\\s+)?description:\\s*(.*?)\\s*$");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "jaffle_shop_classic, 0, 0",
        "shopverse, 60, 8",
        "snowplow_web, 266, 163",
        "ethereum_models, 499, 169",
        "wmcsrp2, 3564, 9",
    })
    void documentFillsWhatSameNameInheritanceAllowsAndTouchesNothingElse(String name, int injected, int inherited,
                                                                         @TempDir Path tmp) throws IOException {
        Path root = TestProjects.copy(TestProjects.corpus(name), tmp.resolve(name));
        InheritanceOracle.Figures oracle = InheritanceOracle.compute(root);
        assertEquals(new InheritanceOracle.Figures(injected, inherited), oracle, name + ": oracle figures");
        Map<String, String> before = yamlFiles(root);

        CliHarness.Result first = CliHarness.run("yaml", "document", "--project-dir", root.toString());
        assertEquals(0, first.exitCode(), first.err());
        Matcher m = SUMMARY.matcher(first.err());
        assertTrue(m.find(), first.err());
        assertEquals(oracle, new InheritanceOracle.Figures(Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2))), name + ": summary line " + m.group());

        Map<String, String> after = yamlFiles(root);
        for (Map.Entry<String, String> e : after.entrySet()) {
            String old = before.get(e.getKey());
            if (old != null && !old.equals(e.getValue())) {
                assertOnlyFilledPlaceholdersRemoved(e.getKey(), old, e.getValue());
                assertKeepsEveryEntry(root.resolve(e.getKey()), old, e.getValue());
            } else if (old == null) {
                SchemaFile.parse(root.resolve(e.getKey()), e.getValue());
            }
        }
        assertTrue(after.keySet().containsAll(before.keySet()), name + ": no file may disappear");

        assertSecondRunChangesNothing(root, after, "document");
    }

    static Stream<String> projects() {
        return TestProjects.CORPUS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("projects")
    void refactorLeavesParsableFilesAndIsIdempotent(String name, @TempDir Path tmp) throws IOException {
        Path root = TestProjects.copy(TestProjects.corpus(name), tmp.resolve(name));
        // the command line dbt-osmosis users run in CI
        CliHarness.Result first = CliHarness.run("yaml", "refactor", "--auto-apply", "--project-dir", root.toString());
        assertEquals(0, first.exitCode(), first.err());
        Map<String, String> after = yamlFiles(root);
        after.forEach((file, text) -> SchemaFile.parse(root.resolve(file), text));
        assertSecondRunChangesNothing(root, after, "refactor");
    }

    private static void assertSecondRunChangesNothing(Path root, Map<String, String> after, String command)
            throws IOException {
        CliHarness.Result second = CliHarness.run("yaml", command, "--project-dir", root.toString());
        assertEquals(0, second.exitCode(), second.err());
        assertEquals(after, yamlFiles(root), command + ": a second run must change nothing");
        assertTrue(second.err().contains("0 files changed"), second.err());
    }

    /** Every removed or replaced line must be a description line whose value was empty or a placeholder. */
    private static void assertOnlyFilledPlaceholdersRemoved(String file, String old, String now) {
        List<String> a = Arrays.asList(old.split("\n", -1));
        List<String> b = Arrays.asList(now.split("\n", -1));
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
            for (String removed : delta.getSource().getLines()) {
                Matcher d = DESCRIPTION_LINE.matcher(removed);
                boolean placeholder = d.matches() && InheritanceOracle.undocumented(unquote(d.group(1)));
                if (!placeholder) {
                    fail(file + ": line " + (delta.getSource().getPosition() + 1) + " removed or changed: '"
                            + removed + "'");
                }
            }
        }
    }

    private static String unquote(String value) {
        String v = value.strip();
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    private static void assertKeepsEveryEntry(Path path, String old, String now) {
        Set<EntryRef> was = SchemaFile.parse(path, old).entries().stream().map(SchemaEntry::ref)
                .collect(Collectors.toSet());
        Set<EntryRef> is = SchemaFile.parse(path, now).entries().stream().map(SchemaEntry::ref)
                .collect(Collectors.toSet());
        assertTrue(is.containsAll(was), path + ": lost entries");
    }

    private static Map<String, String> yamlFiles(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (Files.isRegularFile(p) && rel.matches(".*\\.ya?ml") && !rel.startsWith("target/")) {
                    files.put(rel, Files.readString(p));
                }
            }
        }
        return files;
    }
}
