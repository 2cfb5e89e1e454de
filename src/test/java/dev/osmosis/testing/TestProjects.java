package dev.osmosis.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/** The real dbt projects copied from ../shared/corpus into test resources, so tests run on a fresh clone. */
public final class TestProjects {
    public static final List<String> CORPUS =
            List.of("ethereum_models", "jaffle_shop_classic", "shopverse", "snowplow_web", "wmcsrp2",
                    "fusion_orders", "mesh_upstream", "mesh_downstream", "fivetran_salesforce");

    private TestProjects() {
    }

    /** A read-only project folder under test resources, e.g. "corpus/shopverse". */
    public static Path resource(String relative) {
        URL url = TestProjects.class.getClassLoader().getResource(relative);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + relative);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path corpus(String name) {
        return resource("corpus/" + name);
    }

    /** The case folders of a golden suite (each one a test case), by name. */
    public static Stream<String> caseFolders(Path suite) throws IOException {
        try (Stream<Path> dirs = Files.list(suite)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    /** Every file under {@code root} except target/, by relative path with '/' separators, with its text. */
    public static java.util.Map<String, String> snapshot(Path root) throws IOException {
        java.util.Map<String, String> files = new java.util.TreeMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (Files.isRegularFile(p) && !rel.startsWith("target/")) {
                    files.put(rel, Files.readString(p));
                }
            }
        }
        return files;
    }

    /** A writable copy of a project, for tests that let osmosis edit files. */
    public static Path copy(Path source, Path into) {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = into.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return into;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
