package dev.osmosis.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.lineage.Lineage;
import dev.osmosis.testing.TestProjects;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reads each real project and checks figures counted independently from its manifest and catalog. */
class CorpusProjectsTest {
    @ParameterizedTest
    @CsvSource({
        // project, schema, models, seeds, snapshots, sources, DAG edges, catalog tables, disabled ids
        "ethereum_models,     4, 59, 3, 0, 20, 111, 80, 1",
        "jaffle_shop_classic, 11, 5, 3, 0,  0,   8,  0, 0",
        "shopverse,           12, 12, 1, 1, 4,  20, 16, 0",
        "snowplow_web,        7, 22, 0, 0,  5,  45, 27, 17",
        "wmcsrp2,             12, 69, 0, 0, 27, 119, 96, 0",
        // Fusion: no catalog.json; the 10 nodes with inferred typed columns form the catalog
        "fusion_orders,       12, 7, 6, 0, 3, 7, 10, 0",
        "mesh_upstream,       12, 6, 4, 0, 0, 8, 0, 0",
        "mesh_downstream,     12, 14, 0, 0, 0, 16, 0, 0",
        "fivetran_salesforce, 12, 26, 14, 0, 16, 40, 54, 4",
    })
    void readsEveryNodeKindAndTheDag(String name, int schema, int models, int seeds, int snapshots, int sources,
                                     int edges, int catalogTables, int disabled) {
        Project project = new ProjectLoader().load(new ProjectLoader.Paths(null, null, null, null),
                TestProjects.corpus(name));
        Manifest m = project.manifest();
        assertEquals(schema, m.schemaVersion());
        assertEquals(models, m.nodesOf(ResourceType.MODEL).size());
        assertEquals(seeds, m.nodesOf(ResourceType.SEED).size());
        assertEquals(snapshots, m.nodesOf(ResourceType.SNAPSHOT).size());
        assertEquals(sources, m.nodesOf(ResourceType.SOURCE).size());
        assertEquals(catalogTables, project.catalog().tables().size());
        assertEquals(disabled, m.disabled().size());

        Lineage lineage = Lineage.of(m);
        assertEquals(edges, lineage.edgeCount());
        List<String> order = lineage.topologicalOrder();
        assertEquals(m.nodes().size(), order.size());
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            position.put(order.get(i), i);
        }
        for (String id : order) {
            for (String parent : lineage.parents(id)) {
                assertTrue(position.get(parent) < position.get(id), parent + " must come before " + id);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"jaffle_shop_classic", "shopverse"})
    void windowsPathsAreNormalised(String name) {
        Project project = new ProjectLoader().load(new ProjectLoader.Paths(null, null, null, null),
                TestProjects.corpus(name));
        for (Node n : project.manifest().nodes().values()) {
            assertFalse(n.originalFilePath().contains("\\"), n.originalFilePath());
            if (n.patchPath() != null) {
                assertFalse(n.patchPath().contains("\\") || n.patchPath().contains("://"), n.patchPath());
                assertTrue(project.root().resolve(n.patchPath()).toFile().isFile(), n.patchPath());
            }
        }
    }

    @org.junit.jupiter.api.Test
    void v4ManifestsKeepTheirSqlUnderOldFieldNames() {
        Project project = new ProjectLoader().load(new ProjectLoader.Paths(null, null, null, null),
                TestProjects.corpus("ethereum_models"));
        long withSql = project.manifest().nodesOf(ResourceType.MODEL).stream().filter(n -> !n.sql().isBlank())
                .count();
        assertEquals(59, withSql);
        assertTrue(project.catalog().tables().values().stream()
                .anyMatch(t -> t.columns().stream().anyMatch(c -> c.name().equals(c.name().toUpperCase()))));
    }

    @org.junit.jupiter.api.Test
    void projectDirIsFoundUpwardFromASubfolder() {
        Path models = TestProjects.corpus("shopverse").resolve("models/gold");
        assertEquals(TestProjects.corpus("shopverse"), ProjectLoader.findProjectDir(models));
    }
}
