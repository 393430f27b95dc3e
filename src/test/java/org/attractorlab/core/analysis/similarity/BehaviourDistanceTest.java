package org.attractorlab.core.analysis.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BehaviourDistanceTest {
    private static final double EXACT = 1e-6;

    @Test
    void identicalOutputsAreAtDistanceZero() {
        float[] y = {0.5f, -1f, 2f, 0.25f};
        assertEquals(0, BehaviourDistance.compute(y, y.clone(), null));
    }

    @Test
    void theDistanceIsTheMeanSquaredDifferenceOverThePooledVariance() {
        float[] a = {0, 1, 2, 3};
        float[] b = {1, 1, 2, 5};
        // mean squared difference (1 + 0 + 0 + 4) / 4 = 1.25; pooled values 0,1,2,3,1,1,2,5: mean 15/8,
        // variance (sum of squares 45) / 8 - (15/8)^2 = 2.109375
        assertEquals(1.25 / 2.109375, BehaviourDistance.compute(a, b, null), EXACT);
        assertEquals(BehaviourDistance.compute(a, b, null), BehaviourDistance.compute(b, a, null), EXACT, "symmetric");
    }

    @Test
    void maskedElementsDoNotCountAndACommonScaleAndOffsetDoesNotMatter() {
        float[] a = {0, 1, 2, 3, 100};
        float[] b = {1, 1, 2, 5, -100};
        float[] mask = {1, 1, 1, 1, 0};
        assertEquals(1.25 / 2.109375, BehaviourDistance.compute(a, b, mask), EXACT);
        float[] a2 = new float[5];
        float[] b2 = new float[5];
        for (int i = 0; i < 5; i++) {
            a2[i] = -3 * a[i] + 7;
            b2[i] = -3 * b[i] + 7;
        }
        assertEquals(1.25 / 2.109375, BehaviourDistance.compute(a2, b2, mask), EXACT);
        assertTrue(Double.isNaN(BehaviourDistance.compute(a, b, new float[5])), "nothing selected");
    }
}
