package dev.osmosis.docs.synthesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.osmosis.docs.ColumnDocs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallPlanTest {
    private static List<ColumnDocs> columns(int n) {
        List<ColumnDocs> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(ColumnDocs.named("c" + i));
        }
        return out;
    }

    private static SynthesisSettings settings(SynthesisSettings.Strategy s, int batch, Integer threshold,
                                              boolean json) {
        return new SynthesisSettings(s, batch, threshold, json, "osmosis_generated", "", null);
    }

    @Test
    void autoMakesOneStructuredCallPerNode() {
        List<CallPlan.Call> calls = CallPlan.plan(true, columns(3), SynthesisSettings.defaults());
        assertEquals(1, calls.size());
        CallPlan.Bulk bulk = assertInstanceOf(CallPlan.Bulk.class, calls.get(0));
        assertEquals(3, bulk.columns().size());
        assertTrue(bulk.model());
    }

    @Test
    void autoUsesAPlainCallForASingleGap() {
        assertInstanceOf(CallPlan.Column.class, CallPlan.plan(false, columns(1), SynthesisSettings.defaults()).get(0));
        assertInstanceOf(CallPlan.Model.class, CallPlan.plan(true, List.of(), SynthesisSettings.defaults()).get(0));
        assertEquals(List.of(), CallPlan.plan(false, List.of(), SynthesisSettings.defaults()));
    }

    @Test
    void wideModelsAreBatchedWithTheModelDescriptionInTheFirstBatch() {
        List<CallPlan.Call> calls = CallPlan.plan(true, columns(85), settings(SynthesisSettings.Strategy.AUTO, 40,
                null, true));
        assertEquals(3, calls.size());
        assertEquals(List.of(40, 40, 5), calls.stream().map(c -> ((CallPlan.Bulk) c).columns().size()).toList());
        assertEquals(List.of(true, false, false), calls.stream().map(c -> ((CallPlan.Bulk) c).model()).toList());
    }

    @Test
    void dbtOsmosisThresholdAndNoJsonFallBackToPerGapCalls() {
        SynthesisSettings threshold = settings(SynthesisSettings.Strategy.AUTO, 40, 10, true);
        assertEquals(6, CallPlan.plan(true, columns(5), threshold).size(), "5 columns + the model description");
        assertEquals(1, CallPlan.plan(true, columns(11), threshold).size());
        SynthesisSettings noJson = settings(SynthesisSettings.Strategy.BULK, 40, null, false);
        assertEquals(4, CallPlan.plan(true, columns(3), noJson).size());
        SynthesisSettings perColumn = settings(SynthesisSettings.Strategy.PER_COLUMN, 40, null, true);
        assertEquals(3, CallPlan.plan(false, columns(3), perColumn).size());
        SynthesisSettings bulk = settings(SynthesisSettings.Strategy.BULK, 40, null, true);
        assertInstanceOf(CallPlan.Bulk.class, CallPlan.plan(false, columns(1), bulk).get(0));
    }
}
