package dev.osmosis.docs.synthesis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.testing.TestProjects;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 19's measure on every corpus project: the prompt asking for an undocumented column shows the text an
 * ancestor holds for it (same name or traced name). The figures are printed; the floor catches a regression.
 */
class CorpusAncestorShareTest {
    @TempDir Path tmp;

    static java.util.List<String> corpus() {
        return TestProjects.CORPUS;
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void promptsShowTheTextUpstream(String name) throws Exception {
        Path root = TestProjects.copy(TestProjects.corpus(name), tmp.resolve(name));
        CorpusAncestorShare.Share share = CorpusAncestorShare.of(root);
        System.out.println("ancestor text shown, " + name + ": " + share);
        share.misses().stream().limit(5).forEach(m -> System.out.println("  missed " + m));
        assertTrue(share.shown() * 100 >= share.withUpstreamText() * 95,
                name + ": " + share + ", first misses: " + share.misses().stream().limit(5).toList());
    }
}
