package org.attractorlab.core.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * exp, tanh, sigmoid and softplus on float lanes built from +, -, *, / and comparisons only, each with a scalar twin
 * that performs the same operations in the same order. The Vector API's own {@code lanewise(TANH/EXP/LOG1P)} gives
 * one result when a loop is interpreted (per-lane {@code Math} calls) and another, a few ulps away, once the JIT
 * compiles it to a vector math library: a run's weights then depend on when the compiler got to it, and the same
 * seed gave different networks in two processes. IEEE arithmetic is exactly rounded everywhere, so these give the
 * same bits interpreted, compiled, on any core count and in any process. Accuracy: within 3e-7 (absolute) of the
 * double-precision functions for tanh and sigmoid, relative 4e-7 for exp (Cephes' single-precision polynomials).
 * Nothing is modified, nothing is allocated beyond the vectors themselves.
 */
public final class VMath {
    private static final VectorSpecies<Float> S = Gemm.S;
    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    private static final float E0 = 1.9875691500e-4f;
    private static final float E1 = 1.3981999507e-3f;
    private static final float E2 = 8.3334519073e-3f;
    private static final float E3 = 4.1665795894e-2f;
    private static final float E4 = 1.6666665459e-1f;
    private static final float E5 = 5.0000001201e-1f;
    private static final float T0 = -5.70498872745e-3f;
    private static final float T1 = 2.06390887954e-2f;
    private static final float T2 = -5.37397155531e-2f;
    private static final float T3 = 1.33314422036e-1f;
    private static final float T4 = -3.33332819422e-1f;
    /** Below this |x| tanh uses its odd polynomial, above it 1 - 2 / (exp(2|x|) + 1). */
    private static final float TANH_SMALL = 0.625f;
    /** tanh(10) rounds to 1 in float: larger |x| change nothing. */
    private static final float TANH_BIG = 10f;
    private static final float EXP_MIN = -87f;
    private static final float EXP_MAX = 88f;

    private VMath() {
    }

    /**
     * e^x lane-wise, for x clamped to [-87, 88]: x = n ln 2 + r with |r| &lt;= ln 2 / 2, e^r by a degree-7
     * polynomial, times 2^n built in the exponent bits.
     */
    public static FloatVector exp(FloatVector x) {
        FloatVector c = x.max(EXP_MIN).min(EXP_MAX);
        FloatVector fx = c.mul(LOG2E).add(0.5f);
        FloatVector t = (FloatVector) fx.convert(VectorOperators.F2I, 0).convert(VectorOperators.I2F, 0);
        VectorMask<Float> over = t.compare(VectorOperators.GT, fx);
        FloatVector n = t.sub(FloatVector.broadcast(S, 1f), over);
        FloatVector r = c.sub(n.mul(LN2_HI)).sub(n.mul(LN2_LO));
        FloatVector z = r.mul(r);
        FloatVector y = FloatVector.broadcast(S, E0).mul(r).add(E1).mul(r).add(E2).mul(r).add(E3).mul(r).add(E4)
                .mul(r).add(E5).mul(z).add(r).add(1f);
        IntVector bits = ((IntVector) n.convert(VectorOperators.F2I, 0)).add(127).lanewise(VectorOperators.LSHL, 23);
        return y.mul(bits.reinterpretAsFloats());
    }

    /** e^x with exactly the operations of {@link #exp(FloatVector)}. */
    public static float exp(float x) {
        float c = Math.min(Math.max(x, EXP_MIN), EXP_MAX);
        float fx = c * LOG2E + 0.5f;
        float t = (float) (int) fx;
        float n = t > fx ? t - 1f : t;
        float r = c - n * LN2_HI - n * LN2_LO;
        float z = r * r;
        float y = (((((E0 * r + E1) * r + E2) * r + E3) * r + E4) * r + E5) * z + r + 1f;
        return y * Float.intBitsToFloat(((int) n + 127) << 23);
    }

    /** tanh(x) lane-wise: an odd polynomial for |x| &lt; 0.625, else sign(x) (1 - 2 / (e^(2|x|) + 1)). */
    public static FloatVector tanh(FloatVector x) {
        FloatVector ax = x.abs();
        FloatVector z2 = x.mul(x);
        FloatVector small = FloatVector.broadcast(S, T0).mul(z2).add(T1).mul(z2).add(T2).mul(z2).add(T3).mul(z2)
                .add(T4).mul(z2).mul(x).add(x);
        FloatVector e = exp(ax.min(TANH_BIG).mul(2f));
        FloatVector big = FloatVector.broadcast(S, 1f).sub(FloatVector.broadcast(S, 2f).div(e.add(1f)));
        big = big.blend(big.neg(), x.compare(VectorOperators.LT, 0f));
        return small.blend(big, ax.compare(VectorOperators.GE, TANH_SMALL));
    }

    /** tanh(x) with exactly the operations of {@link #tanh(FloatVector)}. */
    public static float tanh(float x) {
        float ax = Math.abs(x);
        if (ax >= TANH_SMALL) {
            float e = exp(Math.min(ax, TANH_BIG) * 2f);
            float big = 1f - 2f / (e + 1f);
            return x < 0 ? -big : big;
        }
        float z2 = x * x;
        return ((((T0 * z2 + T1) * z2 + T2) * z2 + T3) * z2 + T4) * z2 * x + x;
    }

    /** 1 / (1 + e^-x) lane-wise. */
    public static FloatVector sigmoid(FloatVector x) {
        return FloatVector.broadcast(S, 1f).div(exp(x.neg()).add(1f));
    }

    /** 1 / (1 + e^-x) with exactly the operations of {@link #sigmoid(FloatVector)}. */
    public static float sigmoid(float x) {
        return 1f / (exp(-x) + 1f);
    }

    /**
     * softplus(x) = max(x, 0) + log1p(e^-|x|) lane-wise, with log1p(u) = 2 atanh(u / (2 + u)) summed to the s^15
     * term (u in (0, 1], so s = u / (2 + u) &lt;= 1/3).
     */
    public static FloatVector softplus(FloatVector x) {
        FloatVector u = exp(x.abs().neg());
        FloatVector s = u.div(u.add(2f));
        FloatVector s2 = s.mul(s);
        FloatVector series = s2.mul(1f / 15).add(1f / 13).mul(s2).add(1f / 11).mul(s2).add(1f / 9).mul(s2)
                .add(1f / 7).mul(s2).add(1f / 5).mul(s2).add(1f / 3).mul(s2).add(1f);
        return x.max(0f).add(s.mul(2f).mul(series));
    }

    /** softplus(x) with exactly the operations of {@link #softplus(FloatVector)}. */
    public static float softplus(float x) {
        float u = exp(-Math.abs(x));
        float s = u / (u + 2f);
        float s2 = s * s;
        float series = ((((((s2 * (1f / 15) + 1f / 13) * s2 + 1f / 11) * s2 + 1f / 9) * s2 + 1f / 7) * s2 + 1f / 5)
                * s2 + 1f / 3) * s2 + 1f;
        return Math.max(x, 0f) + s * 2f * series;
    }
}
