package dev.osmosis.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.cli.CliHarness;
import dev.osmosis.testing.TestProjects;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model's description that hides itself from the reviewer: ESC[2K ESC[1G erases the line on screen, so the
 * {@code {{ env_var('SECRET') }}} before it is never seen; a right-to-left override (U+202E) reorders the rest;
 * NUL cuts a CI log. Every format of `osmosis review` shows these as visible escapes.
 * <table>
 *   <caption>outputs</caption>
 *   <tr><th>output</th><th>expected</th></tr>
 *   <tr><td>text listing</td><td>{@code \u005Cu001B[2K}, {@code \u005Cu202E}, {@code \u005Cu0000} shown; none raw</td></tr>
 *   <tr><td>--format github</td><td>one workflow command per line, no raw ESC, NUL or bidi</td></tr>
 *   <tr><td>--format json</td><td>JSON escapes for the bidi override too; read back, the same text</td></tr>
 *   <tr><td>--format junit</td><td>valid XML whose failure text shows the escapes</td></tr>
 *   <tr><td>--accept --dry-run diff</td><td>the raw U+202E of the file is shown escaped</td></tr>
 *   <tr><td>a selector holding ESC, quoted in the error</td><td>escaped</td></tr>
 * </table>
 */
class ReviewEscapingTest {
    private static final String HIDDEN = "Key {{ env_var('SECRET') }}";

    @TempDir Path tmp;
    private Path root;

    @BeforeEach
    void projectWithAHidingDescription() throws Exception {
        root = TestProjects.copy(TestProjects.corpus("jaffle_shop_classic"), tmp.resolve("project"));
        Path schema = root.resolve("models/schema.yml");
        // YAML's \e and \0 escapes; the override is written raw, as YAML allows
        Files.writeString(schema, Files.readString(schema).replace(
                "        description: This is a unique identifier for a customer\n",
                "        description: \"" + HIDDEN + "\\e[2K\\e[1GA customer id \u202Edi\\0\"\n"
                        + "        meta: {osmosis_generated: true}\n"));
    }

    private CliHarness.Result review(String... args) {
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--project-dir", root.toString())).toArray(String[]::new);
        return CliHarness.run(Map.of("OSMOSIS_HOME", tmp.resolve("home").toString()), all);
    }

    private static void assertNoRawControls(String output) {
        assertTrue(output.chars().noneMatch(c -> c == 0x1B || c == 0 || c == 0x202E || c == '\r'),
                "raw control or bidi characters in: " + output);
    }

    @Test
    void theTextListingShowsWhatHidesTheText() {
        CliHarness.Result r = review("review");
        assertEquals(0, r.exitCode(), r.err());
        assertNoRawControls(r.out());
        assertTrue(r.out().contains(HIDDEN + "\\u001B[2K\\u001B[1GA customer id \\u202Edi\\u0000"), r.out());
    }

    @Test
    void githubAnnotationsCarryNoControlCharacters() {
        CliHarness.Result r = review("review", "--format", "github");
        assertEquals(0, r.exitCode(), r.err());
        assertNoRawControls(r.out());
        assertTrue(r.out().contains("\\u001B[2K\\u001B[1GA customer id \\u202Edi\\u0000"), r.out());
        r.out().lines().forEach(l -> assertTrue(l.startsWith("::"), "one workflow command per line: " + l));
    }

    /** JSON is shown in terminals and CI logs too; its escapes give a program the same text back. */
    @Test
    void jsonCarriesNoRawBidiAndReadsBackTheSameText() throws Exception {
        CliHarness.Result r = review("review", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        assertNoRawControls(r.out());
        assertTrue(r.out().contains("\\u202Edi\\u0000"), r.out());
        String text = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out()).path("descriptions").get(0)
                .path("text").asText();
        assertEquals(HIDDEN + "\u001b[2K\u001b[1GA customer id \u202Edi\u0000", text);
    }

    @Test
    void junitXmlStaysValidAndShowsTheEscapes() throws Exception {
        CliHarness.Result r = review("review", "--format", "junit");
        assertEquals(0, r.exitCode(), r.err());
        assertNoRawControls(r.out());
        String failure = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)))
                .getElementsByTagName("failure").item(0).getTextContent();
        assertTrue(failure.contains(HIDDEN + "\\u001B[2K\\u001B[1GA customer id \\u202Edi\\u0000"), failure);
    }

    @Test
    void theDryRunDiffAndTheErrorsShowEscapes() {
        CliHarness.Result r = review("review", "--accept", "customers.customer_id", "--dry-run");
        assertEquals(0, r.exitCode(), r.err());
        assertNoRawControls(r.out());
        assertTrue(r.out().contains("A customer id \\u202Edi"), r.out());

        CliHarness.Result bad = review("review", "--accept", "\u001B[2Kx");
        assertEquals(2, bad.exitCode(), bad.err());
        assertNoRawControls(bad.err());
        assertTrue(bad.err().contains("selector '\\u001B[2Kx' matches no model"), bad.err());
    }
}
