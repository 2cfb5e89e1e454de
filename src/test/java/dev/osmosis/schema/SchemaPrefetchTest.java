package dev.osmosis.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.project.Project;
import dev.osmosis.project.ProjectLoader;
import dev.osmosis.testing.TestProjects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files parsed ahead of the manifest are exactly the files a plain load finds: same paths, texts, entries and
 * problems, on every corpus layout.
 *
 * <p>Hard cases: a package documented from its root whose manifest comes from an `integration_tests` wrapper
 * (fivetran_salesforce: the wrapper's seeds are not under the prefetched folders), files the manifest places
 * outside the project's folders (patch paths), a file that does not parse, and a YAML file created while the
 * manifest is being read.
 */
class SchemaPrefetchTest {
    static Stream<String> corpus() {
        return TestProjects.CORPUS.stream();
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void prefetchedLoadEqualsAPlainOne(String name) {
        Path dir = TestProjects.corpus(name);
        SchemaPrefetch[] prefetch = new SchemaPrefetch[1];
        Project project = new ProjectLoader().load(new ProjectLoader.Paths(null, null, null, null), dir,
                (root, config) -> prefetch[0] = SchemaPrefetch.start(root, config));
        assertEquals(summary(SchemaFiles.of(project)), summary(SchemaFiles.of(project, prefetch[0])));
    }

    @Test
    void brokenAndLateFilesAreFoundAsWithoutPrefetch(@TempDir Path tmp) throws IOException {
        Path dir = copy(TestProjects.corpus("jaffle_shop_classic"), tmp.resolve("p"));
        Files.writeString(dir.resolve("models/broken.yml"), "models:\n  - name: x\n\tdescription: tab\n",
                StandardCharsets.UTF_8);
        SchemaPrefetch[] prefetch = new SchemaPrefetch[1];
        Project project = new ProjectLoader().load(new ProjectLoader.Paths(null, null, null, null), dir,
                (root, config) -> prefetch[0] = SchemaPrefetch.start(root, config));
        prefetch[0].finish(); // it has walked the folders and parsed all it found
        Files.writeString(dir.resolve("models/late.yml"), "version: 2\nmodels:\n  - name: late\n",
                StandardCharsets.UTF_8);
        SchemaFiles withLate = SchemaFiles.of(project, prefetch[0]);
        assertEquals(summary(SchemaFiles.of(project)), summary(withLate));
        assertTrue(summary(withLate).containsKey(dir.resolve("models/late.yml").normalize().toString()));
        assertEquals(1, withLate.problems().size());
        assertTrue(withLate.problems().get(0).file().endsWith(Path.of("models", "broken.yml")));
    }

    /** Per file: its text and its entries (kind, name, columns); problems under their file's path. */
    private static Map<String, Object> summary(SchemaFiles files) {
        Map<String, Object> out = new TreeMap<>();
        for (SchemaFile f : files.files()) {
            List<String> entries = new ArrayList<>();
            f.entries().forEach(e -> entries.add(e.kind() + " " + e.name() + " " + e.columns().size() + " "
                    + e.description()));
            out.put(f.path().toString(), List.of(f.text(), entries));
        }
        files.problems().forEach(p -> out.put(p.file().toString(), "problem: " + p.message()));
        return out;
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }
}
