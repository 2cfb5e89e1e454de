package dev.osmosis.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * bench/osmosis-bench starts its JVM as the product launcher does, so that `load` and `synth` measure osmosis as
 * users run it: the same default flags and the same transparent-huge-pages choice. A flag tuned in one and not the
 * other would make the benchmark figures drift from the product's.
 */
class BenchLauncherTest {
    private static final Pattern DEFAULT_FLAGS = Pattern.compile(
            // the product launcher runs "$java" (its bundled runtime when installed), the bench one java from PATH
            "(?<=exec \"?\\$?java\"? )\\$\\{OSMOSIS_JAVA_OPTS:-([^}]*)}");
    private static final Pattern HUGE_PAGES = Pattern.compile("(?s)\\nthp=\\n.*?\\nfi\\n");

    @Test
    void benchLauncherUsesTheProductLaunchersJvmFlags() throws IOException {
        String product = Files.readString(Path.of("osmosis"));
        String bench = Files.readString(Path.of("bench/osmosis-bench"));
        assertEquals(find(DEFAULT_FLAGS, product), find(DEFAULT_FLAGS, bench));
        assertEquals(find(HUGE_PAGES, product), find(HUGE_PAGES, bench));
        assertTrue(bench.contains("dev.osmosis.bench.BenchMain"), bench);
    }

    private static String find(Pattern pattern, String script) {
        Matcher m = pattern.matcher(script);
        assertTrue(m.find(), "no match for " + pattern + " in:\n" + script);
        return m.group();
    }
}
