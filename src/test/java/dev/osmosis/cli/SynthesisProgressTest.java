package dev.osmosis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.llm.chain.RateLimiter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SynthesisProgressTest {
    @Test
    void ciLogsGetOneLinePerTenthOfTheNodes() {
        StringWriter out = new StringWriter();
        SynthesisProgress p = new SynthesisProgress(new PrintWriter(out), false, 80, id -> { },
                () -> new RateLimiter.Pace(285, 0, 8, true));
        for (int i = 1; i <= 100; i++) {
            p.nodeDone("n" + i, 1, 10, i, 100);
        }
        String[] lines = out.toString().split("\n");
        assertEquals(10, lines.length, out.toString());
        assertTrue(lines[9].startsWith("synthesis: 100/100 nodes, 100 calls, 1000 tokens"), lines[9]);
        assertTrue(lines[9].endsWith(", pace 285 rpm, 8 in flight (paced to the provider's limits)"), lines[9]);
    }

    @Test
    void terminalsGetARedrawnBarAndEstimatedPromptsArePassedOn() {
        StringWriter out = new StringWriter();
        List<String> estimated = new ArrayList<>();
        SynthesisProgress p = new SynthesisProgress(new PrintWriter(out), true, 200, estimated::add, null);
        p.nodeDone("a", 2, 50, 1, 2);
        p.nodeDone("b", 1, 25, 2, 2);
        p.promptUsesNewParentText("b");
        assertTrue(out.toString().startsWith("\r[==============="), out.toString());
        assertTrue(out.toString().contains("2/2 nodes, 3 calls, 75 tokens"), out.toString());
        assertTrue(out.toString().endsWith("\n"));
        assertTrue(!out.toString().contains("pace"), "a dry run makes no call and has no pace");
        assertEquals(List.of("b"), estimated);
    }

    @Test
    void theRedrawnLineFitsTheTerminalAndNeverWraps() {
        for (int width : new int[] {40, 80, 120}) {
            StringWriter out = new StringWriter();
            SynthesisProgress p = new SynthesisProgress(new PrintWriter(out), true, width, id -> { },
                    () -> new RateLimiter.Pace(285, 142500, 8, true));
            p.nodeDone("a", 3, 12345, 1, 10);
            for (String redraw : out.toString().split("\r")) {
                assertTrue(redraw.length() < width, width + " columns: " + redraw.length() + " '" + redraw + "'");
            }
            assertTrue(out.toString().contains("1/10 nodes"), out.toString());
        }
    }

    @Test
    void theNodeCountShowsCompletedNodesEvenWhenReportsArriveOutOfOrder() {
        StringWriter out = new StringWriter();
        SynthesisProgress p = new SynthesisProgress(new PrintWriter(out), true, 120, id -> { }, null);
        p.nodeDone("a", 1, 1, 1, 10);
        p.nodeDone("d", 1, 1, 4, 10);
        p.nodeDone("c", 1, 1, 3, 10);
        String shown = out.toString();
        assertTrue(shown.contains(" 1/10 nodes") && shown.contains(" 2/10 nodes") && shown.contains(" 3/10 nodes"),
                shown);
        assertTrue(!shown.contains("4/10"), shown);
    }

    @Test
    void theEtaIsNeverShorterThanTheCallsLeftNeedAtThePace() {
        // 10 of 100 nodes done in 1 s with one call each, while the budget lasted; 60 rpm leaves 90 calls = 90 s
        assertEquals(90, SynthesisProgress.eta(1_000, 10, 100, 10, new RateLimiter.Pace(60, 0, 8, false)));
        assertEquals(9, SynthesisProgress.eta(1_000, 10, 100, 10, null));
        assertEquals(0, SynthesisProgress.eta(1_000, 100, 100, 100, new RateLimiter.Pace(60, 0, 8, false)));
    }
}
