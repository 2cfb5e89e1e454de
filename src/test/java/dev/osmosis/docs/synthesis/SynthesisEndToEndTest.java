package dev.osmosis.docs.synthesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.cli.CliHarness;
import dev.osmosis.docs.ColumnDocs;
import dev.osmosis.docs.DocState;
import dev.osmosis.docs.NodeDocs;
import dev.osmosis.docs.Placeholders;
import dev.osmosis.project.Project;
import dev.osmosis.project.ResourceType;
import dev.osmosis.testing.FakeOpenAi;
import dev.osmosis.testing.ProjectDocs;
import dev.osmosis.testing.TestProjects;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** `yaml document --synthesize` against a fake OpenAI server on real projects. */
class SynthesisEndToEndTest {
    @TempDir Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"examples/shopverse", "corpus/jaffle_shop_classic", "corpus/ethereum_models"})
    void everyGapIsFilledAndASecondRunCallsNobody(String which) throws Exception {
        Path source = which.startsWith("examples/") ? Path.of(which) : TestProjects.corpus(which.substring(7));
        Path root = TestProjects.copy(source, tmp.resolve("project"));
        try (FakeOpenAi llm = new FakeOpenAi()) {
            Map<String, String> env = llm.env(tmp.resolve("home"));
            CliHarness.Result first = CliHarness.run(env, "yaml", "document", "--synthesize", "--project-dir",
                    root.toString());
            assertEquals(0, first.exitCode(), first.err());
            int calls = llm.requests().size();
            assertTrue(calls > 0, "the project has gaps, so there are calls");

            Project project = ProjectDocs.load(root);
            DocState state = ProjectDocs.read(project);
            int marked = 0;
            for (NodeDocs docs : state.docs().values()) {
                dev.osmosis.project.Node node = project.manifest().node(docs.uniqueId()).orElseThrow();
                if (docs.resourceType() == ResourceType.SOURCE || !project.isOwn(node)) {
                    continue;
                }
                if (node.sql().isBlank() && docs.columns().isEmpty()) {
                    assertTrue(first.err().contains("not synthesized") && first.err().contains(node.uniqueId()),
                            "a node with nothing to ground a description is named, not guessed: " + first.err());
                    continue;
                }
                assertTrue(Placeholders.DEFAULT.isDocumented(docs.description()), docs.uniqueId());
                for (ColumnDocs c : docs.columns()) {
                    assertTrue(Placeholders.DEFAULT.isDocumented(c.description()), docs.uniqueId() + "." + c.name());
                    if (Boolean.TRUE.equals(c.meta().get("osmosis_generated"))) {
                        marked++;
                    }
                }
            }
            assertTrue(marked > 0, "synthesized columns are marked for review");

            Map<String, String> before = snapshot(root);
            CliHarness.Result second = CliHarness.run(env, "yaml", "document", "--synthesize", "--project-dir",
                    root.toString());
            assertEquals(0, second.exitCode(), second.err());
            assertEquals(calls, llm.requests().size(), "a second run makes no LLM call");
            assertEquals(before, snapshot(root), "a second run changes no file");
        }
    }

    static Map<String, String> snapshot(Path root) throws java.io.IOException {
        return TestProjects.snapshot(root);
    }
}
