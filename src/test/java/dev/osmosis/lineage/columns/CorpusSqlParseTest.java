package dev.osmosis.lineage.columns;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.project.Node;
import dev.osmosis.project.Project;
import dev.osmosis.project.ResourceType;
import dev.osmosis.testing.ProjectDocs;
import dev.osmosis.testing.TestProjects;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** How much of the corpus's compiled SQL JSqlParser reads; the rest is traced by name, and no parse throws. */
class CorpusSqlParseTest {
    private final ExecutorService parsing = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        parsing.shutdownNow();
    }

    static List<String> corpus() {
        return TestProjects.CORPUS;
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void mostCompiledModelsParse(String name) {
        Project project = ProjectDocs.load(TestProjects.corpus(name));
        int compiled = 0;
        int parsed = 0;
        List<String> unparsed = new ArrayList<>();
        for (Node n : project.manifest().nodes().values()) {
            if (n.resourceType() == ResourceType.MODEL && !n.compiledCode().isBlank()) {
                compiled++;
                if (SqlShapes.parse(n.compiledCode(), parsing).isPresent()) {
                    parsed++;
                } else {
                    unparsed.add(n.name());
                }
            }
        }
        System.out.println("compiled SQL parsed, " + name + ": " + parsed + "/" + compiled + " " + unparsed);
        assertTrue(parsed * 10 >= compiled * 8, name + ": " + parsed + "/" + compiled + " parse; not: " + unparsed);
    }
}
