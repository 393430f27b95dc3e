package org.attractorlab.core.analysis.similarity;

import java.util.LinkedHashMap;
import java.util.Map;
import org.attractorlab.core.model.Network;

/** Networks with relabelled hidden units, which compute exactly what the original computes. */
public final class PermutedNetworks {
    private PermutedNetworks() {
    }

    /**
     * The network whose unit i is unit sigma[i] of {@code n}: W_rec -&gt; P W_rec P^T, W_in -&gt; P W_in, biases and
     * h0 permuted, W_out -&gt; W_out P^T. For networks without masks, Dale's law or low rank (the arrays of a
     * vanilla, leaky, GRU or LSTM network).
     */
    public static Network permuted(Network n, int[] sigma) {
        int h = n.hiddenSize();
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, float[]> e : n.arrays().entrySet()) {
            String name = e.getKey();
            float[] a = e.getValue();
            int[] shape = n.shapeOf(name);
            float[] p = switch (name) {
                case "weight_hh_l0" -> WeightDistance.permuteColumns(
                        WeightDistance.permuteRowsInBlocks(a, shape[0] / h, h, h, sigma), shape[0], h, sigma);
                case "weight_ih_l0" -> WeightDistance.permuteRowsInBlocks(a, shape[0] / h, h, shape[1], sigma);
                case "bias_ih_l0", "bias_hh_l0", "h0" -> WeightDistance.permuteRowsInBlocks(a, a.length / h, h, 1,
                        sigma);
                case "readout.weight" -> WeightDistance.permuteColumns(a, shape[0], h, sigma);
                case "readout.bias" -> a;
                default -> throw new IllegalArgumentException("cannot permute " + name);
            };
            out.put(name, p);
        }
        return Network.restore(n.options(), n.inputSize(), n.outputSize(), n.readout(), out);
    }

    /** A seeded random permutation of 0..n-1 that moves every element. */
    public static int[] derangement(int n, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        int[] p = new int[n];
        while (true) {
            for (int i = 0; i < n; i++) {
                p[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = p[i];
                p[i] = p[j];
                p[j] = t;
            }
            boolean moves = true;
            for (int i = 0; i < n; i++) {
                moves &= p[i] != i;
            }
            if (moves) {
                return p;
            }
        }
    }
}
