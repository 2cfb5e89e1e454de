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
        SynthesisProgress p = new SynthesisProgress(new PrintWriter(out), false, id -> { },
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
        SynthesisProgress p = new SynthesisProgress(new PrintWriter(out), true, estimated::add, null);
        p.nodeDone("a", 2, 50, 1, 2);
        p.nodeDone("b", 1, 25, 2, 2);
        p.promptUsesNewParentText("b");
        assertTrue(out.toString().startsWith("\r[==============="), out.toString());
        assertTrue(out.toString().contains("2/2 nodes, 3 calls, 75 tokens"), out.toString());
        assertTrue(out.toString().endsWith("\n"));
        assertTrue(!out.toString().contains("pace"), "a dry run makes no call and has no pace");
        assertEquals(List.of("b"), estimated);
    }
}
