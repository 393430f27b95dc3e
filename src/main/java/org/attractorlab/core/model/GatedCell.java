package org.attractorlab.core.model;

import java.util.SplittableRandom;
import org.attractorlab.core.tensor.Gemm;

/**
 * What the GRU and the LSTM share: PyTorch's one-layer parameter set for {@code gates} stacked gate blocks
 * ({@code weight_ih_l0} [G, I], {@code weight_hh_l0} [G, H], {@code bias_ih_l0} [G], {@code bias_hh_l0} [G],
 * G = gates x H, all initialised U(-1/sqrt(H), 1/sqrt(H))), the weight copies the passes need, and the weight
 * gradients that close a backward pass.
 */
abstract class GatedCell extends Cell {
    private static final String[] NAMES = {"weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"};

    /** G = gates x H, the rows of the stacked gate blocks. */
    final int gateRows;

    GatedCell(int inputSize, int hiddenSize, int gates) {
        super(inputSize, hiddenSize);
        this.gateRows = gates * hiddenSize;
    }

    @Override
    public final void addParameters(ParameterLayout.Builder b) {
        b.add(NAMES[0], true, gateRows, inputSize);
        b.add(NAMES[1], true, gateRows, hiddenSize);
        b.add(NAMES[2], false, gateRows);
        b.add(NAMES[3], false, gateRows);
    }

    @Override
    public final void initialize(ParameterLayout layout, float[] params, SplittableRandom rng) {
        double a = 1 / Math.sqrt(hiddenSize);
        for (String name : NAMES) {
            ParameterLayout.Entry e = layout.get(name);
            Init.uniform(params, e.offset(), e.size(), a, rng);
        }
    }

    /** The weights of one parameter version, plain and transposed, and where each parameter sits. */
    static class GateWeights implements Prepared {
        final float[] wih;    // [G, I]
        final float[] wihT;   // [I, G]
        final float[] whh;    // [G, H]
        final float[] whhT;   // [H, G]
        final int weightIh;
        final int weightHh;
        final int biasIh;
        final int biasHh;

        GateWeights(int in, int h, int g, ParameterLayout layout, float[] params) {
            weightIh = layout.get(NAMES[0]).offset();
            weightHh = layout.get(NAMES[1]).offset();
            biasIh = layout.get(NAMES[2]).offset();
            biasHh = layout.get(NAMES[3]).offset();
            wih = new float[g * in];
            System.arraycopy(params, weightIh, wih, 0, wih.length);
            wihT = new float[in * g];
            Gemm.transpose(g, in, params, weightIh, wihT, 0);
            whh = new float[g * h];
            System.arraycopy(params, weightHh, whh, 0, whh.length);
            whhT = new float[h * g];
            Gemm.transpose(g, h, params, weightHh, whhT, 0);
        }
    }

    /**
     * The length steps x batch x G of a gate buffer, refused when it does not fit one array.
     *
     * @throws IllegalArgumentException naming the sizes when the buffer would be too large
     */
    final int gateBufferSize(int batch, int steps) {
        long size = (long) steps * batch * gateRows;
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("batch " + batch + " x steps " + steps + " x " + gateRows / hiddenSize
                    + " x hidden " + hiddenSize + " is too large for one workspace");
        }
        return (int) size;
    }

    /**
     * Adds the weight gradients of one backward pass over n = steps x batch rows:
     * <pre>
     *   dW_hh += dGh^T H_prev        dW_ih += (X^T dGi)^T
     * </pre>
     * with dGh, dGi [n, G] (time-major), H_prev = {@code ws.hs} rows 0..n-1 and X = {@code ws.x}.
     * Modifies {@code ws.grad} and the scratch {@code dwihT} [I, G]; reads the rest.
     */
    final void addWeightGradients(GateWeights w, Workspace ws, int n, float[] dGh, float[] dGi, float[] dwihT) {
        int g = gateRows;
        int in = inputSize;
        Gemm.mm(g, hiddenSize, n, dGh, 0, g, true, ws.hs, 0, hiddenSize, ws.grad, w.weightHh, hiddenSize, true);
        Gemm.mm(in, g, n, ws.x, 0, in, true, dGi, 0, g, dwihT, 0, g, false);
        int wi = w.weightIh;
        for (int i = 0; i < g; i++) {
            for (int k = 0; k < in; k++) {
                ws.grad[wi + i * in + k] += dwihT[k * g + i];
            }
        }
    }
}
