package dev.osmosis.llm.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.osmosis.llm.prompt.PromptContext.Ancestor;
import dev.osmosis.llm.prompt.PromptContext.Column;
import dev.osmosis.llm.prompt.PromptContext.Parent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parents a prompt keeps are the relevant ones (issue 19 point 3), not the first by position. */
class PromptViewRankingTest {
    /** Two parents and two documented columns at most. */
    private static final PromptLimits TIGHT = new PromptLimits(8000, 2, 2, 6000, 600);

    private static Parent undocumented(String name) {
        return new Parent(name, "model", "", List.of(new Column("x", "", ""), new Column("y", "", "")));
    }

    private static Parent documented(String name, int columns) {
        List<Column> cols = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            cols.add(new Column("c" + i, "", "Column " + i + " of " + name + "."));
        }
        return new Parent(name, "model", "The " + name + " model.", cols);
    }

    private static PromptContext asking(List<Parent> parents, Column gap) {
        return new PromptContext("model.p.m", "m", "model", "", "", "", "select 1", List.of(), List.of(gap), false,
                parents, "", null, TIGHT);
    }

    @SuppressWarnings("unchecked")
    private static List<String> shown(Map<String, Object> view) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> p : (List<Map<String, Object>>) view.get("parents")) {
            List<String> cols = ((List<Map<String, Object>>) p.get("columns")).stream()
                    .map(c -> Fixtures.unfenced(c.get("name"))).toList();
            out.add(Fixtures.unfenced(p.get("name")) + cols);
        }
        return out;
    }

    @Test
    void anUndocumentedParentNeverPushesOutADocumentedOne() {
        // unique-id order puts the undocumented parents first, as hubspot__tickets' were
        Map<String, Object> v = PromptView.of(asking(List.of(undocumented("a_tmp"), undocumented("b_tmp"),
                documented("c_small", 1), documented("d_big", 3)), Column.gap("z", "")));
        assertEquals(List.of("d_big[c0, c1]", "c_small[c0]"), shown(v));
        assertEquals("upstream documentation shortened for length: 2 more parents and 1 documented column not "
                + "shown", v.get("parents_note"));
    }

    @Test
    void theParentHoldingATracedAncestorComesFirstAndItsTracedColumnLeads() {
        Column gap = Column.gap("bounce_category", "").withAncestors(
                List.of(new Ancestor("c_small", "model", "c0", "Column 0 of c_small.", "renamed from c0")));
        Parent holder = new Parent("c_small", "model", "", List.of(new Column("a", "", "A."), new Column("b", "",
                "B."), new Column("c0", "", "Column 0 of c_small.")));
        Map<String, Object> v = PromptView.of(asking(List.of(documented("big", 5), holder, documented("bigger", 9)),
                gap));
        assertEquals(List.of("c_small[c0, a]", "bigger[c0, c1]"), shown(v));
    }

    @Test
    void aPerColumnCallRanksByItsOwnColumnsAncestors() {
        Column target = Column.gap("t", "").withAncestors(
                List.of(new Ancestor("small", "model", "c0", "Column 0 of small.", "")));
        PromptContext ctx = asking(List.of(documented("big", 4), documented("bigger", 6), documented("small", 1)),
                Column.gap("t", "")).withGaps(List.of(), false).withColumn(target);
        assertEquals(List.of("small[c0]", "bigger[c0, c1]"), shown(PromptView.of(ctx)));
    }
}
