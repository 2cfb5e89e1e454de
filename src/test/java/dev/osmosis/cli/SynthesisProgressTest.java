package dev.osmosis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SynthesisProgressTest {
    @Test
    void ciLogsGetOneLinePerTenthOfTheNodes() {
        StringWriter out = new StringWriter();
        SynthesisProgress p = new SynthesisProgress(new PrintWriter(out), false, id -> { });
        for (int i = 1; i <= 100; i++) {
            p.nodeDone("n" + i, 1, 10, i, 100);
        }
        String[] lines = out.toString().split("\n");
        assertEquals(10, lines.length, out.toString());
        assertTrue(lines[9].startsWith("synthesis: 100/100 nodes, 100 calls, 1000 tokens"), lines[9]);
    }

    @Test
    void terminalsGetARedrawnBarAndEstimatedPromptsArePassedOn() {
        StringWriter out = new StringWriter();
        List<String> estimated = new ArrayList<>();
        SynthesisProgress p = new SynthesisProgress(new PrintWriter(out), true, estimated::add);
        p.nodeDone("a", 2, 50, 1, 2);
        p.nodeDone("b", 1, 25, 2, 2);
        p.promptUsesNewParentText("b");
        assertTrue(out.toString().startsWith("\r[==============="), out.toString());
        assertTrue(out.toString().contains("2/2 nodes, 3 calls, 75 tokens"), out.toString());
        assertTrue(out.toString().endsWith("\n"));
        assertEquals(List.of("b"), estimated);
    }
}
