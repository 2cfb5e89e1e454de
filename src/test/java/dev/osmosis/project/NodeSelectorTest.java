package dev.osmosis.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.OsmosisException;
import dev.osmosis.testing.TestProjects;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeSelectorTest {
    private final Path root = TestProjects.corpus("shopverse");
    private final Project project = new ProjectLoader().load(new ProjectLoader.Paths(null, null, null, null), root);

    private List<String> names(List<String> selectors, List<String> fqns) {
        return NodeSelector.select(project, new NodeSelector.Criteria(selectors, fqns, false), root).stream()
                .map(Node::displayName).toList();
    }

    @Test
    void noSelectorMeansTheWholeProject() {
        assertEquals(18, names(List.of(), List.of()).size());
    }

    @Test
    void selectsByNameSqlFileYamlFileAndFolder() {
        assertEquals(List.of("stg_orders"), names(List.of("stg_orders"), List.of()));
        assertEquals(List.of("stg_orders"), names(List.of("models/silver/stg_orders.sql"), List.of()));
        List<String> gold = names(List.of("models/gold"), List.of());
        assertEquals(5, gold.size(), gold.toString());
        List<String> sources = names(List.of("models/silver/source.yml"), List.of());
        assertTrue(sources.size() >= 4, sources.toString());
        assertTrue(sources.stream().anyMatch(n -> n.contains(".")), sources.toString());
    }

    @Test
    void selectsByFqnWithOrWithoutProjectName() {
        List<String> a = names(List.of(), List.of("gold"));
        List<String> b = names(List.of(), List.of("shopverse_analytics.gold"));
        assertEquals(5, a.size());
        assertEquals(a, b);
    }

    @Test
    void anUnknownSelectorIsAnErrorNotASilentNoOp() {
        OsmosisException e = assertThrows(OsmosisException.class, () -> names(List.of("no_such_model"), List.of()));
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().contains("no_such_model"), e.getMessage());
        assertThrows(OsmosisException.class, () -> names(List.of(), List.of("nowhere.at_all")));
    }

    @Test
    void aDisabledNodeIsNamedAsDisabled() {
        Path snowplow = TestProjects.corpus("snowplow_web");
        Project p = new ProjectLoader().load(new ProjectLoader.Paths(null, null, null, null), snowplow);
        OsmosisException e = assertThrows(OsmosisException.class, () -> NodeSelector.select(p,
                new NodeSelector.Criteria(List.of("snowplow_web_consent_log"), List.of(), false), snowplow));
        assertTrue(e.getMessage().contains("disabled"), e.getMessage());
    }
}
