package org.attractorlab.core.model;

import java.util.SplittableRandom;
import org.attractorlab.core.tensor.Gemm;
import org.attractorlab.core.tensor.Vec;

/**
 * The gated recurrent unit, exactly as {@code torch.nn.GRU} (one layer, gate order [r, z, n]):
 * <pre>
 *   r  = σ(W_ir x + b_ir + W_hr h + b_hr)
 *   z  = σ(W_iz x + b_iz + W_hz h + b_hz)
 *   n  = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))
 *   h' = (1 - z) ⊙ n + z ⊙ h
 * </pre>
 * Parameters: {@code weight_ih_l0} [3H, I], {@code weight_hh_l0} [3H, H], {@code bias_ih_l0} [3H],
 * {@code bias_hh_l0} [3H], initialised U(-1/sqrt(H), 1/sqrt(H)) like PyTorch. Recurrent noise does not apply.
 */
public final class GruCell extends GatedCell {

    public GruCell(int inputSize, int hiddenSize) {
        super(inputSize, hiddenSize, 3);
    }

    /** Weights of one parameter version, in the forms the passes need. */
    static final class Weights extends GateWeights {
        final float[] bih;    // [3H]
        final float[] bhh;    // [3H]
        /** b_ih + [b_hr | b_hz | 0]: everything added before the gates outside the r product. */
        final float[] bx;     // [3H]

        Weights(int in, int h, ParameterLayout layout, float[] params) {
            super(in, h, 3 * h, layout, params);
            int g = 3 * h;
            bih = new float[g];
            System.arraycopy(params, biasIh, bih, 0, g);
            bhh = new float[g];
            System.arraycopy(params, biasHh, bhh, 0, g);
            bx = bih.clone();
            for (int i = 0; i < 2 * h; i++) {
                bx[i] += bhh[i];
            }
        }
    }

    @Override
    public Prepared prepare(ParameterLayout layout, float[] params) {
        return new Weights(inputSize, hiddenSize, layout, params);
    }

    /** GRU workspace: gate buffers of all steps and the backward carry. */
    static final class GruWorkspace extends Workspace {
        /** [T, B, 3H]: input pre-activations, then gate activations [r | z | n], then dGi in backward. */
        final float[] gi;
        /** [T, B, 3H]: W_hh h, then hn in the n block, then dGh in backward. */
        final float[] gh;
        final float[] carry;  // [B, H]
        final float[] dwihT;  // [I, 3H]
        final float[] dbi;    // [3H], bias_ih gradient summed over the steps of one backward
        final float[] dbhn;   // [H], gradient of b_hn summed likewise

        GruWorkspace(int in, int h, int params, int batch, int steps, int size) {
            super(in, h, params, 0, batch, steps);
            gi = new float[size];
            gh = new float[size];
            carry = new float[batch * h];
            dwihT = new float[in * 3 * h];
            dbi = new float[3 * h];
            dbhn = new float[h];
        }
    }

    @Override
    public Workspace newWorkspace(ParameterLayout layout, int batch, int steps) {
        return new GruWorkspace(inputSize, hiddenSize, layout.size(), batch, steps, gateBufferSize(batch, steps));
    }

    @Override
    public void forward(Prepared prepared, Workspace workspace, int batch, int steps, SplittableRandom noise) {
        Weights w = (Weights) prepared;
        GruWorkspace ws = (GruWorkspace) workspace;
        int h = hiddenSize;
        int g = 3 * h;
        int bh = batch * h;
        int bg = batch * g;
        // W_ih x_t + b_ih (+ b_hr, b_hz) for all steps in one product
        Gemm.mm(steps * batch, g, inputSize, ws.x, 0, inputSize, false, w.wihT, 0, g, ws.gi, 0, g, false);
        Vec.addRow(steps * batch, g, w.bx, 0, ws.gi, 0, g);
        for (int t = 0; t < steps; t++) {
            Gemm.mm(batch, g, h, ws.hs, t * bh, h, false, w.whhT, 0, g, ws.gh, t * bg, g, false);
            Vec.gruForward(batch, h, ws.gi, t * bg, ws.gh, t * bg, w.bhh, 2 * h, ws.hs, t * bh, ws.hs, (t + 1) * bh);
        }
    }

    @Override
    public void backward(Prepared prepared, Workspace workspace, int batch, int steps) {
        Weights w = (Weights) prepared;
        GruWorkspace ws = (GruWorkspace) workspace;
        int h = hiddenSize;
        int g = 3 * h;
        int bh = batch * h;
        int bg = batch * g;
        int n = steps * batch;
        float[] carry = ws.carry;
        java.util.Arrays.fill(carry, 0, bh, 0f);
        java.util.Arrays.fill(ws.dbi, 0f);
        java.util.Arrays.fill(ws.dbhn, 0f);
        for (int t = steps - 1; t >= 0; t--) {
            Vec.gruBackward(batch, h, ws.dh, t * bh, carry, 0, ws.gi, t * bg, ws.gh, t * bg, ws.hs, t * bh);
            Gemm.mm(batch, h, g, ws.gh, t * bg, g, false, w.whh, 0, h, carry, 0, h, true);
            // bias gradients while dG_t is in cache: dGi and dGh differ only in the n block
            Vec.columnSums(batch, g, ws.gi, t * bg, g, ws.dbi, 0, true);
            Vec.columnSums(batch, h, ws.gh, t * bg + 2 * h, g, ws.dbhn, 0, true);
        }
        System.arraycopy(carry, 0, ws.dh0, 0, bh);
        Vec.axpy(g, 1f, ws.dbi, 0, ws.grad, w.biasIh);
        Vec.axpy(2 * h, 1f, ws.dbi, 0, ws.grad, w.biasHh);
        Vec.axpy(h, 1f, ws.dbhn, 0, ws.grad, w.biasHh + 2 * h);
        addWeightGradients(w, ws, n, ws.gh, ws.gi, ws.dwihT);
    }

    /** Gate values at (s, x) in double precision: r, z, n, hn = W_hn s + b_hn, each [H]. */
    private void gates(Weights w, float[] s, float[] x, double[] r, double[] z, double[] n, double[] hn) {
        int h = hiddenSize;
        for (int i = 0; i < h; i++) {
            double ar = inputTerm(w, i, x) + hiddenTerm(w, i, s);
            double az = inputTerm(w, h + i, x) + hiddenTerm(w, h + i, s);
            r[i] = sigmoid(ar);
            z[i] = sigmoid(az);
            hn[i] = hiddenTerm(w, 2 * h + i, s);
            n[i] = Math.tanh(inputTerm(w, 2 * h + i, x) + r[i] * hn[i]);
        }
    }

    /** (W_ih x + b_ih)[row] in double precision. */
    private double inputTerm(Weights w, int row, float[] x) {
        double a = w.bih[row];
        for (int k = 0; k < inputSize; k++) {
            a += (double) w.wih[row * inputSize + k] * x[k];
        }
        return a;
    }

    /** (W_hh s + b_hh)[row] in double precision. */
    private double hiddenTerm(Weights w, int row, float[] s) {
        int h = hiddenSize;
        double a = w.bhh[row];
        for (int j = 0; j < h; j++) {
            a += (double) w.whh[row * h + j] * s[j];
        }
        return a;
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    @Override
    public void step(Prepared prepared, float[] state, float[] x, float[] out) {
        int h = hiddenSize;
        double[] r = new double[h];
        double[] z = new double[h];
        double[] n = new double[h];
        double[] hn = new double[h];
        gates((Weights) prepared, state, x, r, z, n, hn);
        for (int i = 0; i < h; i++) {
            out[i] = (float) ((1 - z[i]) * n[i] + z[i] * state[i]);
        }
    }

    /**
     * J_ij = (1 - z_i) dn_i/ds_j + (s_i - n_i) dz_i/ds_j + z_i δ_ij, with dz_i/ds_j = z_i (1 - z_i) W_hz[i, j],
     * dr_i/ds_j = r_i (1 - r_i) W_hr[i, j] and dn_i/ds_j = (1 - n_i^2) (r_i W_hn[i, j] + hn_i dr_i/ds_j).
     */
    @Override
    public void jacobian(Prepared prepared, float[] state, float[] x, double[] out) {
        Weights w = (Weights) prepared;
        int h = hiddenSize;
        double[] r = new double[h];
        double[] z = new double[h];
        double[] n = new double[h];
        double[] hn = new double[h];
        gates(w, state, x, r, z, n, hn);
        for (int i = 0; i < h; i++) {
            double dr = r[i] * (1 - r[i]);
            double dz = z[i] * (1 - z[i]);
            double dn = 1 - n[i] * n[i];
            int wr = i * h;
            int wz = (h + i) * h;
            int wn = (2 * h + i) * h;
            for (int j = 0; j < h; j++) {
                double drj = dr * w.whh[wr + j];
                double dzj = dz * w.whh[wz + j];
                double dnj = dn * (r[i] * w.whh[wn + j] + hn[i] * drj);
                out[i * h + j] = (1 - z[i]) * dnj + (state[i] - n[i]) * dzj + (i == j ? z[i] : 0);
            }
        }
    }
}
