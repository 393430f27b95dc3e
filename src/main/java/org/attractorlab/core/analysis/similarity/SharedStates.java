package org.attractorlab.core.analysis.similarity;

import java.util.ArrayList;
import java.util.List;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.tensor.Gram;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The hidden states of N networks on one shared probe batch, for the measures between pairs of them. Every
 * (trial, step) of the batch is a sample: network a gives X_a [n, p_a] with n = trials x steps, and every
 * pairwise measure here is a function of the centred cross-product
 * <pre>
 *   M_ab = (X_a - 1 mu_a^T)^T (X_b - 1 mu_b^T)      [p_a, p_b]
 * </pre>
 * computed once per pair by {@link #cross}, and of per-network constants computed once here (the means mu_a, the
 * self-products M_aa, ||M_aa||_F and trace M_aa = ||X_a - 1 mu_a^T||_F^2):
 * <pre>
 *   linear CKA(a, b)          = ||M_ab||_F^2 / (||M_aa||_F ||M_bb||_F)                     (Kornblith et al. 2019)
 *   Procrustes similarity     = ||M_ab||_* / sqrt(trace M_aa trace M_bb)                     (Williams et al. 2021)
 *   Procrustes distance       = sqrt(max(0, 2 - 2 similarity))
 *   unit cost, squared        = ||x_ai - x_bj||^2 = M_aa[i,i] + M_bb[j,j] - 2 M_ab[i,j] + n (mu_ai - mu_bj)^2
 *   unit cost, correlation    = 1 - M_ab[i,j] / sqrt(M_aa[i,i] M_bb[j,j])     (1 where a unit is constant)
 * </pre>
 * which are the definitions of {@link LinearCka} and {@link ProcrustesDistance} (over all steps) and the costs of
 * matching units by their activity profiles (each unit's time course over all trials and steps).
 *
 * <p>Precision: the product is formed by the Gram kernel ({@link Gram#cross}; {@link Gram#upper} for a network with
 * itself) on the centred states (means in double, rounded to float), one chunk of {@link Gram#KC} samples at a
 * time: products summed in float within a chunk, the chunks in double. The relative error of M_ab is about 1e-6,
 * below what float32 states carry. A network's self-product is computed by the same kernel and is exactly
 * symmetric, so CKA of a network with itself is 1 and its Procrustes distance 0 to rounding. The states are read in
 * place; only one chunk of each of the two networks is copied (centred and packed) at a time. Not thread-safe:
 * {@link #cross}, {@link #procrustesSimilarity} and {@link #matchUnits} use this object's buffers (allocated once,
 * for the widest network), so a loop over the pairs allocates nothing but what the assignment itself needs;
 * {@link #crossBuffer} is a cross-product buffer that fits every pair.
 */
public final class SharedStates {
    private final List<HiddenStates> states;
    private final int samples;
    private final double[][] mean;
    private final float[][] negMean;
    private final double[][] unitScatter;
    private final double[] gramNorm;
    private final double[] scatterTrace;
    /** One chunk of network a's states packed at 0, of network b's at {@link #bBase}. */
    private final float[] packed;
    private final int bBase;
    private final int maxUnits;
    private final DMatrixRMaj svdInput;
    private final SingularValueDecomposition_F64<DMatrixRMaj> svd;
    private double[] cost = new double[0];

    /**
     * @param states the networks' states on the same trials and steps (any unit counts); not modified, not copied
     * @throws IllegalArgumentException if there are none, or if they cover different trials or steps
     */
    public SharedStates(List<HiddenStates> states) {
        if (states == null || states.isEmpty()) {
            throw new IllegalArgumentException("shared states need at least one network's states");
        }
        this.states = List.copyOf(states);
        HiddenStates first = states.get(0);
        int maxUnits = 0;
        for (HiddenStates h : this.states) {
            LinearCka.checkSameSamples("the measures between networks", first, h);
            maxUnits = Math.max(maxUnits, h.units());
        }
        this.samples = first.trials() * first.steps();
        int n = this.states.size();
        mean = new double[n][];
        negMean = new float[n][];
        unitScatter = new double[n][];
        gramNorm = new double[n];
        scatterTrace = new double[n];
        bBase = (int) Gram.packedLength(maxUnits, Gram.KC);
        packed = new float[2 * bBase];
        this.maxUnits = maxUnits;
        svdInput = new DMatrixRMaj(maxUnits, maxUnits);
        svd = DecompositionFactory_DDRM.svd(maxUnits, maxUnits, false, false, true);
        for (int a = 0; a < n; a++) {
            HiddenStates h = this.states.get(a);
            int p = h.units();
            double[] m = new double[p];
            float[] x = h.states();
            for (int r = 0; r < samples; r++) {
                int o = r * p;
                for (int k = 0; k < p; k++) {
                    m[k] += x[o + k];
                }
            }
            float[] neg = new float[p];
            for (int k = 0; k < p; k++) {
                m[k] /= samples;
                neg[k] = (float) -m[k];
            }
            mean[a] = m;
            negMean[a] = neg;
        }
        for (int a = 0; a < n; a++) {
            int p = units(a);
            double[] self = new double[p * p];
            cross(a, a, self);
            double f = 0;
            double t = 0;
            double[] diag = new double[p];
            for (int i = 0; i < p * p; i++) {
                f += self[i] * self[i];
            }
            for (int k = 0; k < p; k++) {
                diag[k] = self[k * p + k];
                t += diag[k];
            }
            gramNorm[a] = Math.sqrt(f);
            scatterTrace[a] = t;
            unitScatter[a] = diag;
        }
    }

    /** N, the networks. */
    public int size() {
        return states.size();
    }

    /** n, the samples (trials x steps). */
    public int samples() {
        return samples;
    }

    /** p_a, the units of network a. */
    public int units(int a) {
        return states.get(a).units();
    }

    /** A buffer the size of M_ab. */
    public double[] newCross(int a, int b) {
        return new double[units(a) * units(b)];
    }

    /** A new buffer that holds M_ab of any pair (max p_a squared), for a loop over the pairs. */
    public double[] crossBuffer() {
        return new double[maxUnits * maxUnits];
    }

    /**
     * M_ab = (X_a - 1 mu_a^T)^T (X_b - 1 mu_b^T).
     *
     * @param out at least p_a p_b values; its first p_a p_b are modified (overwritten with M_ab [p_a, p_b]
     *            row-major), the rest are not
     */
    public void cross(int a, int b, double[] out) {
        int pa = units(a);
        int pb = units(b);
        if (out.length < pa * pb) {
            throw new IllegalArgumentException("the cross-product of networks " + a + " and " + b + " is " + pa + " x "
                    + pb + ", got a buffer of " + out.length);
        }
        float[] xa = states.get(a).states();
        float[] xb = states.get(b).states();
        for (int r0 = 0; r0 < samples; r0 += Gram.KC) {
            int rows = Math.min(Gram.KC, samples - r0);
            pack(xa, r0, rows, pa, negMean[a], packed, 0);
            if (a == b) {
                Gram.upper(pa, rows, packed, out, 0, pa, r0 > 0, 1, Gram.Parts.SERIAL);
            } else {
                pack(xb, r0, rows, pb, negMean[b], packed, bBase);
                Gram.cross(pa, pb, rows, packed, 0, bBase, out, 0, pb, r0 > 0);
            }
        }
        if (samples == 0) {
            java.util.Arrays.fill(out, 0, pa * pb, 0);
        } else if (a == b) {
            for (int i = 0; i < pa; i++) {
                for (int j = i + 1; j < pa; j++) {
                    out[j * pa + i] = out[i * pa + j];
                }
            }
        }
    }

    /**
     * Packs rows [r0, r0 + rows) of x [n, p], plus negMean, as the [p, rows] matrix (units x samples) that
     * {@link Gram} multiplies, at {@code off}. packed is modified.
     */
    private static void pack(float[] x, int r0, int rows, int p, float[] negMean, float[] packed, int off) {
        for (int q = 0; q < Gram.panels(p); q++) {
            int base = off + Gram.panelOffset(p, rows, q, 0);
            int u0 = q * Gram.PANEL;
            int w = Math.min(Gram.PANEL, p - u0);
            for (int s = 0; s < rows; s++) {
                int src = (r0 + s) * p + u0;
                int dst = base + s * Gram.PANEL;
                for (int u = 0; u < w; u++) {
                    packed[dst + u] = x[src + u] + negMean[u0 + u];
                }
                for (int u = w; u < Gram.PANEL; u++) {
                    packed[dst + u] = 0f;
                }
            }
        }
    }

    /**
     * Linear CKA of networks a and b, in [0, 1], NaN if either has constant states.
     *
     * @param cross M_ab from {@link #cross} (its first p_a p_b values), not modified
     */
    public double linearCka(int a, int b, double[] cross) {
        if (gramNorm[a] == 0 || gramNorm[b] == 0) {
            return Double.NaN;
        }
        double f = 0;
        int m = units(a) * units(b);
        for (int i = 0; i < m; i++) {
            f += cross[i] * cross[i];
        }
        return Math.min(1, f / (gramNorm[a] * gramNorm[b]));
    }

    /**
     * The Procrustes shape similarity ||M_ab||_* / sqrt(trace M_aa trace M_bb), in [0, 1], NaN if either network
     * has constant states; {@link #procrustesDistance} turns it into the distance.
     *
     * @param cross M_ab from {@link #cross} (its first p_a p_b values), not modified
     */
    public double procrustesSimilarity(int a, int b, double[] cross) {
        if (scatterTrace[a] == 0 || scatterTrace[b] == 0) {
            return Double.NaN;
        }
        int pa = units(a);
        int pb = units(b);
        DMatrixRMaj m = svdInput;
        m.reshape(pa, pb, false);
        System.arraycopy(cross, 0, m.data, 0, pa * pb);
        if (!svd.decompose(m)) {
            throw new IllegalStateException("SVD did not converge in the Procrustes distance of networks " + a
                    + " and " + b);
        }
        double nuclear = 0;
        double[] sv = svd.getSingularValues();
        for (int i = 0, k = svd.numberOfSingularValues(); i < k; i++) {
            nuclear += Math.abs(sv[i]);
        }
        return Math.min(1, nuclear / Math.sqrt(scatterTrace[a] * scatterTrace[b]));
    }

    /** sqrt(max(0, 2 - 2 similarity)), in [0, sqrt 2]. */
    public static double procrustesDistance(double similarity) {
        return Math.sqrt(Math.max(0, 2 - 2 * similarity));
    }

    /** How two units' activity profiles are compared when units are matched. */
    public enum UnitCost {
        /** ||x_ai - x_bj||^2 over all samples: keeps sign, offset and scale (the default). */
        SQUARED_DISTANCE("squared"),
        /** 1 - Pearson correlation of the two profiles: blind to offset and scale; 1 where a unit is constant. */
        CORRELATION("correlation");

        private final String key;

        UnitCost(String key) {
            this.key = key;
        }

        /** The name options use. */
        public String key() {
            return key;
        }

        /** The cost named {@code key}, or null. */
        public static UnitCost byKey(String key) {
            for (UnitCost c : values()) {
                if (c.key.equals(key)) {
                    return c;
                }
            }
            return null;
        }
    }

    /**
     * The cost of matching unit i of network a with unit j of network b, for every pair of units.
     *
     * @param cross M_ab from {@link #cross} (its first p_a p_b values), not modified
     * @param out   at least p_a p_b values; the first p_a p_b are modified (overwritten, [p_a, p_b] row-major)
     */
    public void unitCosts(int a, int b, double[] cross, UnitCost kind, double[] out) {
        int pa = units(a);
        int pb = units(b);
        double[] da = unitScatter[a];
        double[] db = unitScatter[b];
        double[] ma = mean[a];
        double[] mb = mean[b];
        for (int i = 0; i < pa; i++) {
            for (int j = 0; j < pb; j++) {
                double m = cross[i * pb + j];
                double c;
                if (kind == UnitCost.SQUARED_DISTANCE) {
                    double dm = ma[i] - mb[j];
                    c = Math.max(0, da[i] + db[j] - 2 * m + samples * dm * dm);
                } else {
                    double s = da[i] * db[j];
                    c = s > 0 ? 1 - m / Math.sqrt(s) : 1;
                }
                out[i * pb + j] = c;
            }
        }
    }

    /**
     * The matching of units of a to units of b of least total cost (Hungarian assignment), a and b of equal size.
     *
     * @param cross M_ab from {@link #cross} (its first p_a p_b values), not modified
     * @return sigma [p]: unit i of a is matched with unit sigma[i] of b
     */
    public int[] matchUnits(int a, int b, double[] cross, UnitCost kind) {
        int p = units(a);
        if (units(b) != p) {
            throw new IllegalArgumentException("units are matched between networks of the same size, got " + p
                    + " and " + units(b) + " units");
        }
        if (cost.length != p * p) {
            cost = new double[p * p];
        }
        unitCosts(a, b, cross, kind, cost);
        return Hungarian.solve(p, cost);
    }

    /** The matching of the units of two networks of equal size on the same trials, by {@link #matchUnits}. */
    public static int[] matchUnits(HiddenStates a, HiddenStates b, UnitCost kind) {
        SharedStates s = new SharedStates(new ArrayList<>(List.of(a, b)));
        double[] cross = s.newCross(0, 1);
        s.cross(0, 1, cross);
        return s.matchUnits(0, 1, cross, kind);
    }
}
