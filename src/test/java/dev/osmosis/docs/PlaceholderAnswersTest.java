package dev.osmosis.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.cli.CliHarness;
import dev.osmosis.testing.FakeOpenAi;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A model that answers only placeholders ("null", "n/a", the project's own placeholder values)
 * documents nothing, and the run says so: each node with what it got no usable text for, and a count in the
 * summary. Before, those gaps were dropped without a word. (An empty answer already counts as a failed call.)
 */
class PlaceholderAnswersTest {
    @TempDir Path tmp;

    @ParameterizedTest
    // JSON null is no placeholder any more: it is how the model abstains (AbstentionTest, ADR 0714)
    @ValueSource(strings = {"null", "n/a", "Not documented.", "TBD"})
    void gapsAnsweredWithOnlyPlaceholdersAreNamedAndCounted(String answer) throws Exception {
        Path root = tmp.resolve("p");
        SynthesisFlowTest.writeProject(root);
        String before = Files.readString(root.resolve("models/schema.yml"));
        try (FakeOpenAi llm = new FakeOpenAi()) {
            llm.answerEverythingWith(answer);
            CliHarness.Result r = CliHarness.run(llm.env(tmp.resolve("home")), "yaml", "document", "--synthesize",
                    "--project-dir", root.toString());

            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.err().contains("warning: model.p.stg: the model gave no usable text (only empty, null or "
                    + "placeholder answers) for the model description and column status; left undocumented"),
                    r.err());
            assertTrue(r.err().contains("warning: model.p.fct: the model gave no usable text (only empty, null or "
                    + "placeholder answers) for the model description and columns status, total;"), r.err());
            assertTrue(r.err().contains("5 descriptions left undocumented (the model gave only placeholders, named "
                    + "below)"), r.err());
            String after = Files.readString(root.resolve("models/schema.yml"));
            assertFalse(after.contains("osmosis_generated"), "nothing was synthesized: " + after);
            assertFalse(after.equals(before), "the inherited id description is still written");
        }
    }
}
