package dev.osmosis.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.OsmosisException;
import dev.osmosis.project.Manifest;
import dev.osmosis.project.Node;
import dev.osmosis.project.ResourceType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LineageTest {
    static Node node(String id, String... parents) {
        return new Node(id, ResourceType.MODEL, "p", id, null, "models/" + id + ".sql", null, "", List.of(),
                Map.of(), List.of(), List.of(parents), "", "", "view", List.of("p", id), null, null, null, true);
    }

    static Manifest manifest(Node... nodes) {
        Map<String, Node> map = new HashMap<>();
        for (Node n : nodes) {
            map.put(n.uniqueId(), n);
        }
        return new Manifest(12, "p", "1.9", map, Map.of(), Set.of());
    }

    @Test
    void diamondGivesGenerationsClosestFirst() {
        // src -> a -> c -> d, src -> b -> d, a -> d (so a is both parent and grandparent of d)
        Lineage l = Lineage.of(manifest(node("src"), node("a", "src"), node("b", "src"), node("c", "a"),
                node("d", "c", "b", "a")));
        assertEquals(List.of(List.of("a", "b", "c"), List.of("src")), l.ancestorsByGeneration("d"));
        assertEquals(List.of("src", "a", "b", "c", "d"), l.topologicalOrder());
        assertEquals(List.of("c", "d"), l.children("a"));
    }

    @Test
    void orderIsDeterministicAndIgnoresUnknownParents() {
        Lineage l = Lineage.of(manifest(node("z"), node("y", "macro.x", "z"), node("x")));
        assertEquals(List.of("x", "z", "y"), l.topologicalOrder());
        assertEquals(List.of("z"), l.parents("y"));
        assertEquals(List.of(), l.parents("not-there"));
    }

    @Test
    void aCycleIsNamed() {
        OsmosisException e = assertThrows(OsmosisException.class,
                () -> Lineage.of(manifest(node("a", "c"), node("b", "a"), node("c", "b"), node("d"))));
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().contains("a, b, c"), e.getMessage());
        assertTrue(e.getMessage().contains("through 3 nodes: a, b, c."), e.getMessage());
    }
}
