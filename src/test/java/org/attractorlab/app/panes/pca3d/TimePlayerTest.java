package org.attractorlab.app.panes.pca3d;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TimePlayerTest {
    @Test
    void playingMovesOneStepAndWrapsAfterTheLast() {
        assertEquals(1, TimePlayer.next(0, 100));
        assertEquals(99, TimePlayer.next(98, 100));
        assertEquals(0, TimePlayer.next(99, 100), "after the last step, the first");
        assertEquals(0, TimePlayer.next(-1, 100), "no step yet: the first");
        assertEquals(0, TimePlayer.next(150, 100), "beyond the trial: the first");
    }
}
