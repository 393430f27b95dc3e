package org.attractorlab.app.fx;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GridGateTest {
    private static final long MS = 1_000_000L;

    @Test
    void opensOncePerSlotOfTheGridAndGatesOfDividingPeriodsOpenTogether() {
        GridGate tick = new GridGate(100 * MS);
        GridGate figures = new GridGate(200 * MS);
        assertTrue(tick.open(1_000 * MS), "the first call opens");
        assertFalse(tick.open(1_050 * MS), "same 100 ms slot");
        assertFalse(tick.open(1_099 * MS));
        assertTrue(tick.open(1_100 * MS), "next slot, whenever the last opening was within the slot");
        assertTrue(figures.open(1_100 * MS));
        assertFalse(figures.open(1_150 * MS));
        assertTrue(tick.open(1_200 * MS) && figures.open(1_200 * MS), "the 200 ms grid lies on the 100 ms grid");
        assertTrue(tick.open(-50 * MS) && !tick.open(-1 * MS), "slots are floors, also before zero");
        assertThrows(IllegalArgumentException.class, () -> new GridGate(0));
    }
}
