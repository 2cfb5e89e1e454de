package dev.osmosis.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DryRunPlanTest {
    @Test
    void readsCallsPerNodeAndTotalsFromTheJsonReport() throws Exception {
        String output = "some note\n{\"nodes\": [{\"node\": \"model.p.a\", \"calls\": 2}, {\"node\": \"model.p.b\", "
                + "\"calls\": 1}], \"total\": {\"calls\": 3, \"input_tokens\": 900, \"estimated_output_tokens\": 120}}";
        DryRunPlan plan = DryRunPlan.parse(output);
        assertEquals(Map.of("model.p.a", 2, "model.p.b", 1), plan.callsPerNode());
        assertEquals(3, plan.calls());
        assertEquals(900, plan.inputTokens());
        assertEquals(120, plan.outputTokens());
    }

    @Test
    void latencyAcceptsMillisecondsAndSeconds() {
        assertEquals(200, SynthCommand.parseLatency("200ms").toMillis());
        assertEquals(1500, SynthCommand.parseLatency("1.5s").toMillis());
        assertEquals(50, SynthCommand.parseLatency("50").toMillis());
    }
}
