package org.attractorlab.core.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Element-wise kernels on {@code float[]} ranges with the Vector API. Each takes (array, offset) pairs and a
 * length n; only the output argument is modified, and it may alias an input where noted. Nothing is allocated.
 */
public final class Vec {
    private static final VectorSpecies<Float> S = Gemm.S;
    private static final int L = Gemm.L;

    /** Pointwise nonlinearities known to the kernels. */
    public enum Fn {
        TANH, RELU, SOFTPLUS, RECTIFIED_TANH, IDENTITY, SIGMOID
    }

    private Vec() {
    }

    /** out = f(x). out may alias x. */
    public static void apply(Fn f, int n, float[] x, int xOff, float[] out, int outOff) {
        int i = 0;
        int nv = n - n % L;
        switch (f) {
            case TANH -> {
                for (; i < nv; i += L) {
                    VMath.tanh(FloatVector.fromArray(S, x, xOff + i)).intoArray(out, outOff + i);
                }
            }
            case RELU -> {
                for (; i < nv; i += L) {
                    FloatVector.fromArray(S, x, xOff + i).max(0f).intoArray(out, outOff + i);
                }
            }
            case RECTIFIED_TANH -> {
                for (; i < nv; i += L) {
                    VMath.tanh(FloatVector.fromArray(S, x, xOff + i)).max(0f).intoArray(out, outOff + i);
                }
            }
            case SOFTPLUS -> {
                // softplus(x) = max(x, 0) + log1p(exp(-|x|)), stable for large |x|
                for (; i < nv; i += L) {
                    VMath.softplus(FloatVector.fromArray(S, x, xOff + i)).intoArray(out, outOff + i);
                }
            }
            case SIGMOID -> {
                for (; i < nv; i += L) {
                    VMath.sigmoid(FloatVector.fromArray(S, x, xOff + i)).intoArray(out, outOff + i);
                }
            }
            case IDENTITY -> {
                if (x != out || xOff != outOff) {
                    System.arraycopy(x, xOff, out, outOff, n);
                }
                return;
            }
            default -> throw new AssertionError(f);
        }
        for (; i < n; i++) {
            out[outOff + i] = scalar(f, x[xOff + i]);
        }
    }

    /** f(x) for one value, with the same operations as the vector lanes ({@link VMath}). */
    public static float scalar(Fn f, float x) {
        return switch (f) {
            case TANH -> VMath.tanh(x);
            case RELU -> Math.max(x, 0f);
            case RECTIFIED_TANH -> Math.max(VMath.tanh(x), 0f);
            case SOFTPLUS -> VMath.softplus(x);
            case SIGMOID -> VMath.sigmoid(x);
            case IDENTITY -> x;
        };
    }

    /** f'(x) given x and y = f(x). */
    public static float scalarDerivative(Fn f, float x, float y) {
        return switch (f) {
            case TANH -> 1f - y * y;
            case RELU -> x > 0 ? 1f : 0f;
            case RECTIFIED_TANH -> x > 0 ? 1f - y * y : 0f;
            case SOFTPLUS -> VMath.sigmoid(x);
            case SIGMOID -> y * (1f - y);
            case IDENTITY -> 1f;
        };
    }

    /**
     * out = scale * g * f'(x), where y = f(x) was computed before (the derivative uses whichever is cheaper).
     * out may alias g.
     */
    public static void scaledDerivative(Fn f, int n, float scale, float[] x, int xOff, float[] y, int yOff,
                                        float[] g, int gOff, float[] out, int outOff) {
        int i = 0;
        int nv = n - n % L;
        switch (f) {
            case TANH -> {
                for (; i < nv; i += L) {
                    FloatVector yv = FloatVector.fromArray(S, y, yOff + i);
                    FloatVector d = yv.mul(yv).neg().add(1f);
                    FloatVector.fromArray(S, g, gOff + i).mul(d).mul(scale).intoArray(out, outOff + i);
                }
            }
            case RELU -> {
                for (; i < nv; i += L) {
                    FloatVector xv = FloatVector.fromArray(S, x, xOff + i);
                    FloatVector gv = FloatVector.fromArray(S, g, gOff + i).mul(scale);
                    gv.blend(0f, xv.compare(VectorOperators.LE, 0f)).intoArray(out, outOff + i);
                }
            }
            case RECTIFIED_TANH -> {
                for (; i < nv; i += L) {
                    FloatVector xv = FloatVector.fromArray(S, x, xOff + i);
                    FloatVector yv = FloatVector.fromArray(S, y, yOff + i);
                    FloatVector d = yv.mul(yv).neg().add(1f);
                    FloatVector.fromArray(S, g, gOff + i).mul(d).mul(scale)
                            .blend(0f, xv.compare(VectorOperators.LE, 0f)).intoArray(out, outOff + i);
                }
            }
            case SOFTPLUS -> {
                for (; i < nv; i += L) {
                    FloatVector xv = FloatVector.fromArray(S, x, xOff + i);
                    FloatVector d = VMath.sigmoid(xv);
                    FloatVector.fromArray(S, g, gOff + i).mul(d).mul(scale).intoArray(out, outOff + i);
                }
            }
            case SIGMOID -> {
                for (; i < nv; i += L) {
                    FloatVector yv = FloatVector.fromArray(S, y, yOff + i);
                    FloatVector d = yv.mul(yv.neg().add(1f));
                    FloatVector.fromArray(S, g, gOff + i).mul(d).mul(scale).intoArray(out, outOff + i);
                }
            }
            case IDENTITY -> {
                for (; i < nv; i += L) {
                    FloatVector.fromArray(S, g, gOff + i).mul(scale).intoArray(out, outOff + i);
                }
            }
            default -> throw new AssertionError(f);
        }
        for (; i < n; i++) {
            out[outOff + i] = scale * g[gOff + i] * scalarDerivative(f, x[xOff + i], y[yOff + i]);
        }
    }

    /** out = a + s (b - a), i.e. the leaky update (1 - s) a + s b. out may alias a or b. */
    public static void lerp(int n, float s, float[] a, int aOff, float[] b, int bOff, float[] out, int outOff) {
        int i = 0;
        int nv = n - n % L;
        for (; i < nv; i += L) {
            FloatVector av = FloatVector.fromArray(S, a, aOff + i);
            FloatVector.fromArray(S, b, bOff + i).sub(av).mul(s).add(av).intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            float av = a[aOff + i];
            out[outOff + i] = av + s * (b[bOff + i] - av);
        }
    }

    /** y = y + s x. */
    public static void axpy(int n, float s, float[] x, int xOff, float[] y, int yOff) {
        int i = 0;
        int nv = n - n % L;
        for (; i < nv; i += L) {
            FloatVector.fromArray(S, x, xOff + i).mul(s).add(FloatVector.fromArray(S, y, yOff + i))
                    .intoArray(y, yOff + i);
        }
        for (; i < n; i++) {
            y[yOff + i] += s * x[xOff + i];
        }
    }

    /** out = a * b element-wise. out may alias a or b. */
    public static void mul(int n, float[] a, int aOff, float[] b, int bOff, float[] out, int outOff) {
        int i = 0;
        int nv = n - n % L;
        for (; i < nv; i += L) {
            FloatVector.fromArray(S, a, aOff + i).mul(FloatVector.fromArray(S, b, bOff + i)).intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            out[outOff + i] = a[aOff + i] * b[bOff + i];
        }
    }

    /** Sum of x_i^2, accumulated in float lanes then double. */
    public static double sumSquares(int n, float[] x, int xOff) {
        int i = 0;
        int nv = n - n % L;
        FloatVector acc = FloatVector.zero(S);
        double s = 0;
        for (; i < nv; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, xOff + i);
            acc = v.fma(v, acc);
            if ((i & 4095) == 4096 - L) { // flush now and then to keep float accumulation accurate
                s += acc.reduceLanes(VectorOperators.ADD);
                acc = FloatVector.zero(S);
            }
        }
        s += acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            s += (double) x[xOff + i] * x[xOff + i];
        }
        return s;
    }

    /**
     * Column sums of the [rows, cols] matrix at (a, aOff, lda): out[j] (+)= sum_i A[i, j].
     *
     * @param out modified
     */
    public static void columnSums(int rows, int cols, float[] a, int aOff, int lda, float[] out, int outOff,
                                  boolean accumulate) {
        if (!accumulate) {
            java.util.Arrays.fill(out, outOff, outOff + cols, 0f);
        }
        int nv = cols - cols % L;
        for (int i = 0; i < rows; i++) {
            int r = aOff + i * lda;
            int j = 0;
            for (; j < nv; j += L) {
                FloatVector.fromArray(S, a, r + j).add(FloatVector.fromArray(S, out, outOff + j))
                        .intoArray(out, outOff + j);
            }
            for (; j < cols; j++) {
                out[outOff + j] += a[r + j];
            }
        }
    }

    /** Adds the row vector v[cols] to every row of the [rows, cols] matrix at (a, aOff, lda). a is modified. */
    public static void addRow(int rows, int cols, float[] v, int vOff, float[] a, int aOff, int lda) {
        for (int i = 0; i < rows; i++) {
            axpy(cols, 1f, v, vOff, a, aOff + i * lda);
        }
    }

    private static FloatVector sigmoidOf(FloatVector v) {
        return VMath.sigmoid(v);
    }

    private static float sigmoid(float x) {
        return VMath.sigmoid(x);
    }

    /**
     * Forward gate math of a GRU step (PyTorch's equations) for {@code rows} rows of a batch. Per row, gate
     * blocks are laid out [r | z | n] with row stride 3h; for each unit j:
     * <pre>
     *   r = σ(gi_r + gh_r)          z = σ(gi_z + gh_z)
     *   hn = gh_n + bhn             n = tanh(gi_n + r ⊙ hn)
     *   h' = (1 - z) ⊙ n + z ⊙ h
     * </pre>
     * where gi already holds W_ih x + b_ih + [b_hr | b_hz | 0] and gh holds W_hh h (no bias).
     *
     * @param gi    [rows, 3h], modified: pre-activations in, gate activations [r | z | n] out
     * @param gh    [rows, 3h], modified: its n block becomes hn = W_hn h + b_hn; the r and z blocks are unchanged
     * @param bhn   [h], b_hn, not modified
     * @param hPrev [rows, h], h, not modified
     * @param hOut  [rows, h], modified: h'; must not alias hPrev
     */
    public static void gruForward(int rows, int h, float[] gi, int giOff, float[] gh, int ghOff, float[] bhn,
                                  int bhnOff, float[] hPrev, int hpOff, float[] hOut, int hoOff) {
        int g3 = 3 * h;
        int hv = h - h % L;
        for (int b = 0; b < rows; b++) {
            int ri = giOff + b * g3;
            int rh = ghOff + b * g3;
            int hp = hpOff + b * h;
            int ho = hoOff + b * h;
            int j = 0;
            for (; j < hv; j += L) {
                FloatVector r = sigmoidOf(FloatVector.fromArray(S, gi, ri + j).add(FloatVector.fromArray(S, gh, rh + j)));
                FloatVector z = sigmoidOf(FloatVector.fromArray(S, gi, ri + h + j)
                        .add(FloatVector.fromArray(S, gh, rh + h + j)));
                FloatVector hn = FloatVector.fromArray(S, gh, rh + 2 * h + j).add(FloatVector.fromArray(S, bhn, bhnOff + j));
                FloatVector n = VMath.tanh(r.fma(hn, FloatVector.fromArray(S, gi, ri + 2 * h + j)));
                FloatVector hv0 = FloatVector.fromArray(S, hPrev, hp + j);
                hv0.sub(n).fma(z, n).intoArray(hOut, ho + j);
                r.intoArray(gi, ri + j);
                z.intoArray(gi, ri + h + j);
                n.intoArray(gi, ri + 2 * h + j);
                hn.intoArray(gh, rh + 2 * h + j);
            }
            for (; j < h; j++) {
                float r = sigmoid(gi[ri + j] + gh[rh + j]);
                float z = sigmoid(gi[ri + h + j] + gh[rh + h + j]);
                float hn = gh[rh + 2 * h + j] + bhn[bhnOff + j];
                float n = VMath.tanh(gi[ri + 2 * h + j] + r * hn);
                hOut[ho + j] = n + z * (hPrev[hp + j] - n);
                gi[ri + j] = r;
                gi[ri + h + j] = z;
                gi[ri + 2 * h + j] = n;
                gh[rh + 2 * h + j] = hn;
            }
        }
    }

    /**
     * Backward gate math of a GRU step, after {@link #gruForward}. With g = dh + carry (dLoss/dh'), per unit:
     * <pre>
     *   dn_pre = g (1 - z) (1 - n^2)     dz_pre = g (h - n) z (1 - z)     dr_pre = dn_pre hn r (1 - r)
     *   dGi = [dr_pre | dz_pre | dn_pre]          dGh = [dr_pre | dz_pre | r dn_pre]
     *   carry = g z   (the direct part of dLoss/dh; the caller adds dGh W_hh)
     * </pre>
     *
     * @param dh    [rows, h], not modified
     * @param carry [rows, h], modified: dLoss/dh' from later steps in, g z out
     * @param gi    [rows, 3h], modified: activations [r | z | n] in, dGi out
     * @param gh    [rows, 3h], modified: hn in its n block in, dGh out
     * @param hPrev [rows, h], not modified
     */
    public static void gruBackward(int rows, int h, float[] dh, int dhOff, float[] carry, int cOff, float[] gi,
                                   int giOff, float[] gh, int ghOff, float[] hPrev, int hpOff) {
        int g3 = 3 * h;
        int hv = h - h % L;
        for (int b = 0; b < rows; b++) {
            int ri = giOff + b * g3;
            int rh = ghOff + b * g3;
            int hp = hpOff + b * h;
            int d = dhOff + b * h;
            int c = cOff + b * h;
            int j = 0;
            for (; j < hv; j += L) {
                FloatVector g = FloatVector.fromArray(S, dh, d + j).add(FloatVector.fromArray(S, carry, c + j));
                FloatVector r = FloatVector.fromArray(S, gi, ri + j);
                FloatVector z = FloatVector.fromArray(S, gi, ri + h + j);
                FloatVector n = FloatVector.fromArray(S, gi, ri + 2 * h + j);
                FloatVector hn = FloatVector.fromArray(S, gh, rh + 2 * h + j);
                FloatVector gz = g.mul(z);
                gz.intoArray(carry, c + j);
                FloatVector dnp = g.sub(gz).mul(n.mul(n).neg().add(1f));
                FloatVector dzp = gz.mul(FloatVector.fromArray(S, hPrev, hp + j).sub(n)).mul(z.neg().add(1f));
                FloatVector drp = dnp.mul(hn).mul(r).mul(r.neg().add(1f));
                drp.intoArray(gi, ri + j);
                dzp.intoArray(gi, ri + h + j);
                dnp.intoArray(gi, ri + 2 * h + j);
                drp.intoArray(gh, rh + j);
                dzp.intoArray(gh, rh + h + j);
                dnp.mul(r).intoArray(gh, rh + 2 * h + j);
            }
            for (; j < h; j++) {
                float g = dh[d + j] + carry[c + j];
                float r = gi[ri + j];
                float z = gi[ri + h + j];
                float n = gi[ri + 2 * h + j];
                float hn = gh[rh + 2 * h + j];
                float gz = g * z;
                carry[c + j] = gz;
                float dnp = (g - gz) * (1f - n * n);
                float dzp = gz * (hPrev[hp + j] - n) * (1f - z);
                float drp = dnp * hn * r * (1f - r);
                gi[ri + j] = drp;
                gi[ri + h + j] = dzp;
                gi[ri + 2 * h + j] = dnp;
                gh[rh + j] = drp;
                gh[rh + h + j] = dzp;
                gh[rh + 2 * h + j] = dnp * r;
            }
        }
    }

    /**
     * Forward gate math of an LSTM step (PyTorch's equations) for {@code rows} rows of a batch. Per row, gate
     * blocks are laid out [i | f | g | o] with row stride 4h; for each unit j:
     * <pre>
     *   i = σ(a_i)   f = σ(a_f)   g = tanh(a_g)   o = σ(a_o)
     *   c' = f ⊙ c + i ⊙ g        h' = o ⊙ tanh(c')
     * </pre>
     *
     * @param gates [rows, 4h], modified: pre-activations (W_ih x + W_hh h + b_ih + b_hh) in, activations out
     * @param cPrev [rows, h], c, not modified
     * @param cOut  [rows, h], modified: c'
     * @param tcOut [rows, h], modified: tanh(c')
     * @param hOut  [rows, h], modified: h'
     */
    public static void lstmForward(int rows, int h, float[] gates, int gOff, float[] cPrev, int cpOff, float[] cOut,
                                   int coOff, float[] tcOut, int tcOff, float[] hOut, int hoOff) {
        int g4 = 4 * h;
        int hv = h - h % L;
        for (int b = 0; b < rows; b++) {
            int rg = gOff + b * g4;
            int cp = cpOff + b * h;
            int co = coOff + b * h;
            int tc = tcOff + b * h;
            int ho = hoOff + b * h;
            int j = 0;
            for (; j < hv; j += L) {
                FloatVector i = sigmoidOf(FloatVector.fromArray(S, gates, rg + j));
                FloatVector f = sigmoidOf(FloatVector.fromArray(S, gates, rg + h + j));
                FloatVector g = VMath.tanh(FloatVector.fromArray(S, gates, rg + 2 * h + j));
                FloatVector o = sigmoidOf(FloatVector.fromArray(S, gates, rg + 3 * h + j));
                FloatVector c = f.fma(FloatVector.fromArray(S, cPrev, cp + j), i.mul(g));
                FloatVector t = VMath.tanh(c);
                c.intoArray(cOut, co + j);
                t.intoArray(tcOut, tc + j);
                o.mul(t).intoArray(hOut, ho + j);
                i.intoArray(gates, rg + j);
                f.intoArray(gates, rg + h + j);
                g.intoArray(gates, rg + 2 * h + j);
                o.intoArray(gates, rg + 3 * h + j);
            }
            for (; j < h; j++) {
                float i = sigmoid(gates[rg + j]);
                float f = sigmoid(gates[rg + h + j]);
                float g = VMath.tanh(gates[rg + 2 * h + j]);
                float o = sigmoid(gates[rg + 3 * h + j]);
                float c = f * cPrev[cp + j] + i * g;
                float t = VMath.tanh(c);
                cOut[co + j] = c;
                tcOut[tc + j] = t;
                hOut[ho + j] = o * t;
                gates[rg + j] = i;
                gates[rg + h + j] = f;
                gates[rg + 2 * h + j] = g;
                gates[rg + 3 * h + j] = o;
            }
        }
    }

    /**
     * Backward gate math of an LSTM step, after {@link #lstmForward}. With dh' = dh + carryH and dc' = carryC +
     * dh' o (1 - tanh(c')^2), per unit:
     * <pre>
     *   dG = [dc' g i (1 - i) | dc' c f (1 - f) | dc' i (1 - g^2) | dh' tanh(c') o (1 - o)]
     *   carryC = dc' f   (dLoss/dc)
     * </pre>
     * The caller then sets carryH = dG W_hh.
     *
     * @param dh     [rows, h], not modified
     * @param carryH [rows, h], dLoss/dh' from later steps, not modified
     * @param carryC [rows, h], modified: dLoss/dc' from later steps in, dLoss/dc out
     * @param gates  [rows, 4h], modified: activations in, gate pre-activation gradients dG out
     * @param cPrev  [rows, h], c, not modified
     * @param tc     [rows, h], tanh(c'), not modified
     */
    public static void lstmBackward(int rows, int h, float[] dh, int dhOff, float[] carryH, int chOff,
                                    float[] carryC, int ccOff, float[] gates, int gOff, float[] cPrev, int cpOff,
                                    float[] tc, int tcOff) {
        int g4 = 4 * h;
        int hv = h - h % L;
        for (int b = 0; b < rows; b++) {
            int rg = gOff + b * g4;
            int d = dhOff + b * h;
            int chr = chOff + b * h;
            int ccr = ccOff + b * h;
            int cp = cpOff + b * h;
            int tr = tcOff + b * h;
            int j = 0;
            for (; j < hv; j += L) {
                FloatVector dhv = FloatVector.fromArray(S, dh, d + j).add(FloatVector.fromArray(S, carryH, chr + j));
                FloatVector i = FloatVector.fromArray(S, gates, rg + j);
                FloatVector f = FloatVector.fromArray(S, gates, rg + h + j);
                FloatVector g = FloatVector.fromArray(S, gates, rg + 2 * h + j);
                FloatVector o = FloatVector.fromArray(S, gates, rg + 3 * h + j);
                FloatVector t = FloatVector.fromArray(S, tc, tr + j);
                FloatVector dho = dhv.mul(o);
                FloatVector dc = dho.sub(dho.mul(t).mul(t)).add(FloatVector.fromArray(S, carryC, ccr + j));
                dc.mul(f).intoArray(carryC, ccr + j);
                FloatVector dci = dc.mul(i);
                dci.mul(g).mul(i.neg().add(1f)).intoArray(gates, rg + j);
                dc.mul(FloatVector.fromArray(S, cPrev, cp + j)).mul(f).mul(f.neg().add(1f)).intoArray(gates, rg + h + j);
                dci.mul(g.mul(g).neg().add(1f)).intoArray(gates, rg + 2 * h + j);
                dho.mul(t).mul(o.neg().add(1f)).intoArray(gates, rg + 3 * h + j);
            }
            for (; j < h; j++) {
                float dhv = dh[d + j] + carryH[chr + j];
                float i = gates[rg + j];
                float f = gates[rg + h + j];
                float g = gates[rg + 2 * h + j];
                float o = gates[rg + 3 * h + j];
                float t = tc[tr + j];
                float dho = dhv * o;
                float dc = dho - dho * t * t + carryC[ccr + j];
                carryC[ccr + j] = dc * f;
                float dci = dc * i;
                gates[rg + j] = dci * g * (1f - i);
                gates[rg + h + j] = dc * cPrev[cp + j] * f * (1f - f);
                gates[rg + 2 * h + j] = dci * (1f - g * g);
                gates[rg + 3 * h + j] = dho * t * (1f - o);
            }
        }
    }
}
