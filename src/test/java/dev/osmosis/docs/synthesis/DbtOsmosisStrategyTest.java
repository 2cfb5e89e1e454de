package dev.osmosis.docs.synthesis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DbtOsmosisStrategyTest {
    @Test
    void oneTableCallAboveTenUndocumentedColumns() {
        assertEquals(1, DbtOsmosisStrategy.calls(11, true));
        assertEquals(1, DbtOsmosisStrategy.calls(40, false));
    }

    @Test
    void elseOneCallPerColumnPlusOneForAMissingModelDescription() {
        assertEquals(11, DbtOsmosisStrategy.calls(10, true));
        assertEquals(10, DbtOsmosisStrategy.calls(10, false));
        assertEquals(1, DbtOsmosisStrategy.calls(0, true));
        assertEquals(0, DbtOsmosisStrategy.calls(0, false));
    }
}
