package dev.osmosis.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CriticalPathTest {
    private static final Map<String, List<String>> PARENTS = Map.of(
            "src", List.of(), "a", List.of("src"), "b", List.of("src"), "c", List.of("a", "b"), "d", List.of("c"),
            "lone", List.of());
    private static final List<String> ORDER = List.of("src", "lone", "a", "b", "c", "d");

    @Test
    void theLongestChainSumsTheCallsOfItsNodes() {
        // src(0) -> b(3) -> c(1) -> d(2) = 6 beats src -> a(1) -> c -> d = 4 and lone(5)
        Map<String, Integer> calls = Map.of("a", 1, "b", 3, "c", 1, "d", 2, "lone", 5);
        assertEquals(6, CriticalPath.calls(ORDER, PARENTS::get, calls));
    }

    @Test
    void nodesWithoutCallsAddNothingAndAnEmptyPlanHasNoPath() {
        assertEquals(5, CriticalPath.calls(ORDER, PARENTS::get, Map.of("lone", 5)));
        assertEquals(0, CriticalPath.calls(ORDER, PARENTS::get, Map.of()));
    }

    @Test
    void theBoundIsTheChainOrTheWorkSpreadOverTheSlots() {
        assertEquals(15_000, CriticalPath.lowerBoundMs(3, 300, 200, 4), 1e-9);
        assertEquals(3_750, CriticalPath.lowerBoundMs(3, 300, 200, 16), 1e-9);
        assertEquals(2_000, CriticalPath.lowerBoundMs(10, 20, 200, 16), 1e-9);
    }
}
