package org.attractorlab.core.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

class VMathTest {
    /** 200,001 points in [-20, 20], then the edges. */
    private static float[] points() {
        float[] x = new float[200_001 + 8];
        for (int i = 0; i <= 200_000; i++) {
            x[i] = -20f + 40f * i / 200_000;
        }
        float[] edges = {0f, -0f, 1e-30f, -1e-30f, 100f, -100f, Float.MAX_VALUE, -Float.MAX_VALUE};
        System.arraycopy(edges, 0, x, 200_001, edges.length);
        return x;
    }

    private static double maxError(float[] x, UnaryOperator<Float> f, DoubleUnaryOperator exact, boolean relative) {
        double worst = 0;
        for (float v : x) {
            double e = exact.applyAsDouble(v);
            double d = Math.abs(f.apply(v) - e);
            worst = Math.max(worst, relative ? d / Math.max(Math.abs(e), Double.MIN_NORMAL) : d);
        }
        return worst;
    }

    @Test
    void theFunctionsAreAsAccurateAsFloatNeeds() {
        float[] x = points();
        assertTrue(maxError(x, VMath::tanh, Math::tanh, false) < 3e-7, "tanh");
        assertTrue(maxError(x, VMath::sigmoid, v -> 1 / (1 + Math.exp(-v)), false) < 3e-7, "sigmoid");
        assertTrue(maxError(x, VMath::softplus, v -> Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v))), false)
                < 1e-6 * 21, "softplus (absolute, values up to 20)");
        float[] inRange = new float[2001];
        for (int i = 0; i < inRange.length; i++) {
            inRange[i] = -80f + 160f * i / 2000;
        }
        assertTrue(maxError(inRange, VMath::exp, Math::exp, true) < 4e-7, "exp");
        assertEquals(0f, VMath.tanh(0f));
        assertEquals(1f, VMath.tanh(50f));
        assertEquals(-1f, VMath.tanh(-Float.MAX_VALUE));
        assertTrue(Float.isNaN(VMath.tanh(Float.NaN)));
        assertEquals(0.5f, VMath.sigmoid(0f));
    }

    @Test
    void everyLaneEqualsTheScalarTwinToTheBit() {
        float[] x = points();
        int l = Gemm.L;
        float[] out = new float[l];
        for (int i = 0; i + l <= x.length; i += l) {
            check(x, i, out, VMath::tanh, VMath::tanh);
            check(x, i, out, VMath::sigmoid, VMath::sigmoid);
            check(x, i, out, VMath::softplus, VMath::softplus);
            check(x, i, out, VMath::exp, VMath::exp);
        }
    }

    private static void check(float[] x, int i, float[] out, UnaryOperator<FloatVector> vf, UnaryOperator<Float> sf) {
        vf.apply(FloatVector.fromArray(Gemm.S, x, i)).intoArray(out, 0);
        for (int k = 0; k < out.length; k++) {
            assertEquals(Float.floatToRawIntBits(sf.apply(x[i + k])), Float.floatToRawIntBits(out[k]),
                    "x = " + x[i + k]);
        }
    }
}
