package dev.osmosis.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AcceptedSplicesTest {
    /** The index must answer exactly as checking the new splice against every accepted one. */
    @Test
    void answersLikeTheAllPairsCheck() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            AcceptedSplices index = new AcceptedSplices();
            List<Splice> accepted = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                int start = random.nextInt(200);
                int end = random.nextInt(4) == 0 ? start : start + random.nextInt(random.nextInt(3) == 0 ? 40 : 4);
                String group = random.nextBoolean() ? "g" + random.nextInt(3) : null;
                String claim = random.nextInt(5) == 0 ? "c" + random.nextInt(4) : null;
                Splice s = new Splice(start, end, "x", group, claim);
                boolean expected = accepted.stream().anyMatch(s::conflictsWith);
                assertEquals(expected, index.conflictsWith(s), "round " + round + ", splice " + s);
                if (!expected) {
                    accepted.add(s);
                    index.add(s);
                }
            }
            assertEquals(accepted, index.inOrder());
        }
    }

    @Test
    void sameGroupInsertionsAtOnePointDoNotConflictButATouchingReplacementDoes() {
        AcceptedSplices index = new AcceptedSplices();
        index.add(new Splice(10, 10, "a", "cols"));
        assertEquals(false, index.conflictsWith(new Splice(10, 10, "b", "cols")));
        assertEquals(true, index.conflictsWith(new Splice(5, 10, "c", null)));
        assertEquals(false, index.conflictsWith(new Splice(11, 12, "d", null)));
    }
}
