package org.attractorlab.core.model;

import java.util.SplittableRandom;
import org.attractorlab.core.tensor.Gemm;
import org.attractorlab.core.tensor.Vec;

/**
 * The long short-term memory cell, exactly as {@code torch.nn.LSTM} (one layer, gate order [i, f, g, o]):
 * <pre>
 *   [a_i | a_f | a_g | a_o] = W_ih x + b_ih + W_hh h + b_hh
 *   i = σ(a_i)   f = σ(a_f)   g = tanh(a_g)   o = σ(a_o)
 *   c' = f ⊙ c + i ⊙ g        h' = o ⊙ tanh(c')
 * </pre>
 * Parameters: {@code weight_ih_l0} [4H, I], {@code weight_hh_l0} [4H, H], {@code bias_ih_l0} [4H],
 * {@code bias_hh_l0} [4H], initialised U(-1/sqrt(H), 1/sqrt(H)) like PyTorch. The dynamical state of
 * {@link #step} and {@link #jacobian} is [h; c] (2H); in the passes the workspace's {@code hs} holds h and the cell
 * keeps c in its own buffer, with c_0 = 0. Recurrent noise does not apply.
 */
public final class LstmCell extends GatedCell {

    public LstmCell(int inputSize, int hiddenSize) {
        super(inputSize, hiddenSize, 4);
    }

    @Override
    public int stateSize() {
        return 2 * hiddenSize;
    }

    /** Weights of one parameter version, in the forms the passes need. */
    static final class Weights extends GateWeights {
        final float[] bias;   // [4H], b_ih + b_hh

        Weights(int in, int h, ParameterLayout layout, float[] params) {
            super(in, h, 4 * h, layout, params);
            int g = 4 * h;
            bias = new float[g];
            for (int i = 0; i < g; i++) {
                bias[i] = params[biasIh + i] + params[biasHh + i];
            }
        }
    }

    @Override
    public Prepared prepare(ParameterLayout layout, float[] params) {
        return new Weights(inputSize, hiddenSize, layout, params);
    }

    /** LSTM workspace: gates and cell states of all steps, and the backward carries. */
    static final class LstmWorkspace extends Workspace {
        /** [T, B, 4H]: pre-activations, then activations [i | f | g | o], then dGates in backward. */
        final float[] gates;
        /** Cell states c_0..c_T, [T+1, B, H]. */
        final float[] cs;
        /** tanh(c_t) for t = 1..T, [T, B, H]. */
        final float[] tcs;
        final float[] carryH; // [B, H]
        final float[] carryC; // [B, H]
        final float[] dwihT;  // [I, 4H]
        final float[] db;     // [4H], bias gradient summed over the steps of one backward

        LstmWorkspace(int in, int h, int params, int batch, int steps, int size) {
            super(in, h, params, 0, batch, steps);
            gates = new float[size];
            cs = new float[(steps + 1) * batch * h];
            tcs = new float[steps * batch * h];
            carryH = new float[batch * h];
            carryC = new float[batch * h];
            dwihT = new float[in * 4 * h];
            db = new float[4 * h];
        }
    }

    @Override
    public Workspace newWorkspace(ParameterLayout layout, int batch, int steps) {
        return new LstmWorkspace(inputSize, hiddenSize, layout.size(), batch, steps, gateBufferSize(batch, steps));
    }

    /** Sets c_0 = 0 for the first {@code count} trials of the workspace (before a forward pass). */
    void clearInitialCellState(Workspace ws, int count) {
        java.util.Arrays.fill(((LstmWorkspace) ws).cs, 0, count * hiddenSize, 0f);
    }

    /**
     * The cell states c_0..c_T of the last forward pass over {@code batch} trials, time-major [T+1, B, H]
     * (the live buffer: valid until the next pass on this workspace).
     */
    public float[] cellStates(Workspace ws) {
        return ((LstmWorkspace) ws).cs;
    }

    @Override
    public void forward(Prepared prepared, Workspace workspace, int batch, int steps, SplittableRandom noise) {
        Weights w = (Weights) prepared;
        LstmWorkspace ws = (LstmWorkspace) workspace;
        int h = hiddenSize;
        int g = 4 * h;
        int bh = batch * h;
        int bg = batch * g;
        // W_ih x_t + b_ih + b_hh for all steps in one product, then W_hh h_{t-1} added step by step
        Gemm.mm(steps * batch, g, inputSize, ws.x, 0, inputSize, false, w.wihT, 0, g, ws.gates, 0, g, false);
        Vec.addRow(steps * batch, g, w.bias, 0, ws.gates, 0, g);
        for (int t = 0; t < steps; t++) {
            Gemm.mm(batch, g, h, ws.hs, t * bh, h, false, w.whhT, 0, g, ws.gates, t * bg, g, true);
            Vec.lstmForward(batch, h, ws.gates, t * bg, ws.cs, t * bh, ws.cs, (t + 1) * bh, ws.tcs, t * bh,
                    ws.hs, (t + 1) * bh);
        }
    }

    @Override
    public void backward(Prepared prepared, Workspace workspace, int batch, int steps) {
        Weights w = (Weights) prepared;
        LstmWorkspace ws = (LstmWorkspace) workspace;
        int h = hiddenSize;
        int g = 4 * h;
        int bh = batch * h;
        int bg = batch * g;
        int n = steps * batch;
        java.util.Arrays.fill(ws.carryH, 0, bh, 0f);
        java.util.Arrays.fill(ws.carryC, 0, bh, 0f);
        java.util.Arrays.fill(ws.db, 0f);
        for (int t = steps - 1; t >= 0; t--) {
            Vec.lstmBackward(batch, h, ws.dh, t * bh, ws.carryH, 0, ws.carryC, 0, ws.gates, t * bg, ws.cs, t * bh,
                    ws.tcs, t * bh);
            Gemm.mm(batch, h, g, ws.gates, t * bg, g, false, w.whh, 0, h, ws.carryH, 0, h, false);
            Vec.columnSums(batch, g, ws.gates, t * bg, g, ws.db, 0, true); // while dG_t is in cache
        }
        System.arraycopy(ws.carryH, 0, ws.dh0, 0, bh);
        // b_ih and b_hh enter the gates identically, so both get the same gradient
        Vec.axpy(g, 1f, ws.db, 0, ws.grad, w.biasIh);
        Vec.axpy(g, 1f, ws.db, 0, ws.grad, w.biasHh);
        addWeightGradients(w, ws, n, ws.gates, ws.gates, ws.dwihT);
    }

    /** Gate activations [i | f | g | o] at state h = s[0..H) and input x, in double precision. */
    private void gates(Weights w, float[] s, float[] x, double[] act) {
        int h = hiddenSize;
        int in = inputSize;
        for (int row = 0; row < 4 * h; row++) {
            double a = w.bias[row];
            for (int k = 0; k < in; k++) {
                a += (double) w.wih[row * in + k] * x[k];
            }
            for (int j = 0; j < h; j++) {
                a += (double) w.whh[row * h + j] * s[j];
            }
            act[row] = row >= 2 * h && row < 3 * h ? Math.tanh(a) : 1 / (1 + Math.exp(-a));
        }
    }

    /** s = [h; c] -> [h'; c']. */
    @Override
    public void step(Prepared prepared, float[] state, float[] x, float[] out) {
        int h = hiddenSize;
        double[] a = new double[4 * h];
        gates((Weights) prepared, state, x, a);
        for (int j = 0; j < h; j++) {
            double c = a[h + j] * state[h + j] + a[j] * a[2 * h + j];
            out[j] = (float) (a[3 * h + j] * Math.tanh(c));
            out[h + j] = (float) c;
        }
    }

    /**
     * The [2H, 2H] Jacobian of [h'; c'] with respect to [h; c]. With gate derivatives
     * d{i,f,o}/dh = σ' W_h{i,f,o}, dg/dh = (1 - g^2) W_hg:
     * <pre>
     *   dc'/dh = c ⊙ df/dh + g ⊙ di/dh + i ⊙ dg/dh        dc'/dc = diag(f)
     *   dh'/dh = tanh(c') ⊙ do/dh + o (1 - tanh(c')^2) ⊙ dc'/dh    dh'/dc = diag(o (1 - tanh(c')^2) f)
     * </pre>
     */
    @Override
    public void jacobian(Prepared prepared, float[] state, float[] x, double[] out) {
        Weights w = (Weights) prepared;
        int h = hiddenSize;
        int n = 2 * h;
        double[] a = new double[4 * h];
        gates(w, state, x, a);
        java.util.Arrays.fill(out, 0, n * n, 0);
        for (int i = 0; i < h; i++) {
            double ig = a[i];
            double fg = a[h + i];
            double gg = a[2 * h + i];
            double og = a[3 * h + i];
            double c = state[h + i];
            double cNew = fg * c + ig * gg;
            double tc = Math.tanh(cNew);
            double di = ig * (1 - ig);
            double df = fg * (1 - fg);
            double dg = 1 - gg * gg;
            double dO = og * (1 - og);
            double dtc = og * (1 - tc * tc);
            int wi = i * h;
            int wf = (h + i) * h;
            int wg = (2 * h + i) * h;
            int wo = (3 * h + i) * h;
            for (int j = 0; j < h; j++) {
                double dc = c * df * w.whh[wf + j] + gg * di * w.whh[wi + j] + ig * dg * w.whh[wg + j];
                out[(h + i) * n + j] = dc;
                out[i * n + j] = tc * dO * w.whh[wo + j] + dtc * dc;
            }
            out[(h + i) * n + h + i] = fg;
            out[i * n + h + i] = dtc * fg;
        }
    }
}
