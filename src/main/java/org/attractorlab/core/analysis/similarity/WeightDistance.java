package org.attractorlab.core.analysis.similarity;

import java.util.Map;
import org.attractorlab.core.model.Network;

/**
 * A permutation-invariant distance between the weights of two networks of the same architecture. Hidden units
 * have no order: a network whose units are relabelled (W_rec -&gt; P W_rec P^T, W_in -&gt; P W_in, W_out -&gt; W_out P^T)
 * computes the same function. So the units of b are first matched to those of a (sigma, e.g. by the Hungarian
 * assignment on their activity profiles, {@link SharedStates#matchUnits}), b's weights are permuted accordingly,
 * and then
 * <pre>
 *   d(A, B) = ||A - B||_F / sqrt(||A||_F ||B||_F)
 * </pre>
 * is taken for each matrix (0 for identical weights; symmetric; invariant to a common scale of both networks;
 * 0 when both are zero, NaN when only one is). With (P B P^T)[i, k] = B[sigma(i), sigma(k)]:
 * <ul>
 *   <li>recurrent: the effective {@code weight_hh_l0} (after masks, Dale's law, low rank) [g H, H] with g = 1 for
 *       rate networks, 3 for GRU, 4 for LSTM: rows permuted within each gate's block, columns permuted;</li>
 *   <li>input: {@code weight_ih_l0} [g H, I], rows permuted within each gate's block;</li>
 *   <li>readout: {@code readout.weight} [O, H], columns permuted.</li>
 * </ul>
 * The recurrent distance is the weight-level distance of the degeneracy study; the others are reported beside it.
 *
 * @param sigma             the matching used: unit i of a with unit sigma[i] of b
 * @param recurrentBefore   d(W_rec,a, W_rec,b) without matching
 * @param recurrent         d(W_rec,a, P W_rec,b P^T)
 * @param input             d(W_in,a, P W_in,b)
 * @param readout           d(W_out,a, W_out,b P^T)
 */
public record WeightDistance(int[] sigma, double recurrentBefore, double recurrent, double input, double readout) {

    /** The effective recurrent weights {@code weight_hh_l0} [g H, H] of a network (a copy). */
    public static float[] recurrentWeights(Network n) {
        return n.arrays().get("weight_hh_l0");
    }

    /**
     * @param a     not modified
     * @param b     not modified
     * @param sigma [H]: unit i of a matched with unit sigma[i] of b, a permutation; not modified
     * @throws IllegalArgumentException if the networks' weight shapes differ or sigma is not a permutation of 0..H-1
     */
    public static WeightDistance compute(Network a, Network b, int[] sigma) {
        int h = a.hiddenSize();
        Map<String, float[]> wa = a.arrays();
        Map<String, float[]> wb = b.arrays();
        for (String name : new String[]{"weight_hh_l0", "weight_ih_l0", "readout.weight"}) {
            if (!java.util.Arrays.equals(a.shapeOf(name), b.shapeOf(name))) {
                throw new IllegalArgumentException("weights are compared between networks of the same shape, got "
                        + name + " of " + shape(a.shapeOf(name)) + " and " + shape(b.shapeOf(name)));
            }
        }
        checkPermutation(sigma, h);
        float[] ra = wa.get("weight_hh_l0");
        float[] rb = wb.get("weight_hh_l0");
        int gates = a.shapeOf("weight_hh_l0")[0] / h;
        float[] rp = permuteRowsInBlocks(rb, gates, h, h, sigma);
        float[] rpp = permuteColumns(rp, gates * h, h, sigma);
        float[] ia = wa.get("weight_ih_l0");
        int inputs = a.inputSize();
        float[] ip = permuteRowsInBlocks(wb.get("weight_ih_l0"), gates, h, inputs, sigma);
        float[] oa = wa.get("readout.weight");
        float[] op = permuteColumns(wb.get("readout.weight"), a.outputSize(), h, sigma);
        return new WeightDistance(sigma.clone(), distance(ra, rb), distance(ra, rpp), distance(ia, ip),
                distance(oa, op));
    }

    /** ||a - b||_F / sqrt(||a||_F ||b||_F); 0 when both are zero, NaN when only one is. Neither is modified. */
    public static double distance(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("weights of " + a.length + " and " + b.length + " values");
        }
        double d = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            double x = a[i];
            double y = b[i];
            d += (x - y) * (x - y);
            na += x * x;
            nb += y * y;
        }
        if (na == 0 && nb == 0) {
            return 0;
        }
        if (na == 0 || nb == 0) {
            return Double.NaN;
        }
        return Math.sqrt(d) / Math.sqrt(Math.sqrt(na) * Math.sqrt(nb));
    }

    /**
     * out[g H + i, :] = w[g H + sigma[i], :] for each of the {@code blocks} blocks of {@code h} rows.
     *
     * @param w [blocks h, cols], not modified
     * @return a new array
     */
    static float[] permuteRowsInBlocks(float[] w, int blocks, int h, int cols, int[] sigma) {
        float[] out = new float[w.length];
        for (int g = 0; g < blocks; g++) {
            for (int i = 0; i < h; i++) {
                System.arraycopy(w, (g * h + sigma[i]) * cols, out, (g * h + i) * cols, cols);
            }
        }
        return out;
    }

    /**
     * out[r, k] = w[r, sigma[k]].
     *
     * @param w [rows, h], not modified
     * @return a new array
     */
    static float[] permuteColumns(float[] w, int rows, int h, int[] sigma) {
        float[] out = new float[w.length];
        for (int r = 0; r < rows; r++) {
            int o = r * h;
            for (int k = 0; k < h; k++) {
                out[o + k] = w[o + sigma[k]];
            }
        }
        return out;
    }

    private static void checkPermutation(int[] sigma, int h) {
        if (sigma == null || sigma.length != h) {
            throw new IllegalArgumentException("the matching needs one entry per unit (" + h + "), got "
                    + (sigma == null ? "none" : sigma.length));
        }
        boolean[] seen = new boolean[h];
        for (int s : sigma) {
            if (s < 0 || s >= h || seen[s]) {
                throw new IllegalArgumentException("the matching is not a permutation of 0.." + (h - 1) + ": "
                        + java.util.Arrays.toString(sigma));
            }
            seen[s] = true;
        }
    }

    private static String shape(int[] s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length; i++) {
            b.append(i == 0 ? "" : " x ").append(s[i]);
        }
        return b.toString();
    }
}
