package org.attractorlab.core.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.attractorlab.core.task.TrialBatch;
import org.attractorlab.core.tensor.Gemm;
import org.attractorlab.core.tensor.Vec;

/**
 * A recurrent network: a {@link Cell}, an optional learned initial state, and a linear readout
 * {@code y_t = g(W_out h_t + b_out)} with g from {@link Readout}. All parameters live in one flat float vector
 * described by {@link #layout()}; the optimiser updates it in place between steps. Not thread-safe for
 * mutation; {@link #prepare()} takes a read-only snapshot that many workers may use at once.
 */
public final class Network {
    private final ModelOptions options;
    private final int inputSize;
    private final int outputSize;
    private final Readout readout;
    private final Cell cell;
    private final ParameterLayout layout;
    private final float[] params;

    private Network(ModelOptions options, int inputSize, int outputSize, Readout readout, Cell cell) {
        if (inputSize < 1 || outputSize < 1) {
            throw new IllegalArgumentException("network needs at least one input and one output, got " + inputSize
                    + " inputs and " + outputSize + " outputs");
        }
        this.options = options;
        this.inputSize = inputSize;
        this.outputSize = outputSize;
        this.readout = readout;
        this.cell = cell;
        ParameterLayout.Builder b = new ParameterLayout.Builder();
        cell.addParameters(b);
        if (options.learnInitialState()) {
            b.add("h0", false, options.hiddenSize());
        }
        b.add("readout.weight", true, outputSize, options.hiddenSize());
        b.add("readout.bias", false, outputSize);
        this.layout = b.build();
        this.params = new float[layout.size()];
    }

    /**
     * A freshly initialised network. The same options, sizes and seed give the same parameters.
     */
    public static Network create(ModelOptions options, int inputSize, int outputSize, Readout readout, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        SplittableRandom structure = rng.split();
        Network n = new Network(options, inputSize, outputSize, readout, newCell(options, inputSize, structure));
        n.cell.initialize(n.layout, n.params, rng);
        ParameterLayout.Entry w = n.layout.get("readout.weight");
        Init.glorotUniform(n.params, w.offset(), outputSize, options.hiddenSize(), rng);
        return n;
    }

    /**
     * Rebuilds a network from saved arrays (as written by {@link #arrays()}): every parameter of the layout must
     * be present with the right size; fixed masks are restored from {@code connectivity_mask} and
     * {@code dale_signs}.
     */
    public static Network restore(ModelOptions options, int inputSize, int outputSize, Readout readout,
                                  Map<String, float[]> arrays) {
        Cell cell;
        if (options.isRateNetwork()) {
            cell = new LeakyRnnCell(options, inputSize, arrays.get("connectivity_mask"), arrays.get("dale_signs"));
        } else {
            cell = newCell(options, inputSize, new SplittableRandom(0));
        }
        Network n = new Network(options, inputSize, outputSize, readout, cell);
        for (ParameterLayout.Entry e : n.layout.entries()) {
            float[] a = arrays.get(rawName(n, e.name()));
            if (a == null) {
                throw new IllegalArgumentException("saved model has no array '" + rawName(n, e.name()) + "'");
            }
            if (a.length != e.size()) {
                throw new IllegalArgumentException("saved array '" + e.name() + "' has " + a.length
                        + " values, expected " + e.size());
            }
            System.arraycopy(a, 0, n.params, e.offset(), a.length);
        }
        return n;
    }

    /** An independent copy: same architecture, fixed masks and parameter values. */
    public Network copy() {
        Network n = new Network(options, inputSize, outputSize, readout, cell);
        System.arraycopy(params, 0, n.params, 0, params.length);
        return n;
    }

    private static String rawName(Network n, String name) {
        return name.equals("weight_hh_l0") && n.hasConstrainedRecurrence() ? "weight_hh_l0_raw" : name;
    }

    private boolean hasConstrainedRecurrence() {
        return cell instanceof LeakyRnnCell l && (l.mask() != null || l.daleSigns() != null);
    }

    private static Cell newCell(ModelOptions options, int inputSize, SplittableRandom structure) {
        return switch (options.cell()) {
            case VANILLA, LEAKY -> new LeakyRnnCell(options, inputSize, structure);
            case GRU -> new GruCell(inputSize, options.hiddenSize());
            case LSTM -> new LstmCell(inputSize, options.hiddenSize());
        };
    }

    public ModelOptions options() {
        return options;
    }

    public int inputSize() {
        return inputSize;
    }

    public int outputSize() {
        return outputSize;
    }

    public int hiddenSize() {
        return options.hiddenSize();
    }

    public Readout readout() {
        return readout;
    }

    public Cell cell() {
        return cell;
    }

    public ParameterLayout layout() {
        return layout;
    }

    /** The live parameter vector; the optimiser modifies it in place. */
    public float[] parameters() {
        return params;
    }

    /** Overwrites all parameters. */
    public void setParameters(float[] values) {
        if (values.length != params.length) {
            throw new IllegalArgumentException("expected " + params.length + " parameters, got " + values.length);
        }
        System.arraycopy(values, 0, params, 0, params.length);
    }

    /**
     * Named arrays for saving, PyTorch names: every parameter, and for a constrained recurrence the effective
     * {@code weight_hh_l0} (what torch.nn.RNN would load), the raw one as {@code weight_hh_l0_raw}, and the
     * fixed {@code connectivity_mask} and {@code dale_signs}.
     */
    public Map<String, float[]> arrays() {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (ParameterLayout.Entry e : layout.entries()) {
            float[] a = new float[e.size()];
            System.arraycopy(params, e.offset(), a, 0, a.length);
            out.put(rawName(this, e.name()), a);
        }
        if (cell instanceof LeakyRnnCell l) {
            if (hasConstrainedRecurrence() || options.rank() > 0) {
                float[] w = new float[hiddenSize() * hiddenSize()];
                l.effectiveRecurrence(layout, params, w);
                out.put("weight_hh_l0", w);
            }
            if (l.mask() != null) {
                out.put("connectivity_mask", l.mask());
            }
            if (l.daleSigns() != null) {
                out.put("dale_signs", l.daleSigns());
            }
        }
        return out;
    }

    /** The shape of a parameter or derived array named by {@link #arrays()}. */
    public int[] shapeOf(String arrayName) {
        int h = hiddenSize();
        return switch (arrayName) {
            // GRU and LSTM stack their gates: weight_hh_l0 is [3H, H] or [4H, H], as the layout says
            case "weight_hh_l0" -> layout.has(arrayName) ? layout.get(arrayName).shape().clone() : new int[]{h, h};
            case "weight_hh_l0_raw", "connectivity_mask" -> new int[]{h, h};
            case "dale_signs" -> new int[]{h};
            default -> layout.get(arrayName).shape().clone();
        };
    }

    /** A read-only snapshot of what the passes need from the current parameters. */
    public Prepared prepare() {
        float[] wOut = new float[outputSize * hiddenSize()];
        System.arraycopy(params, layout.get("readout.weight").offset(), wOut, 0, wOut.length);
        float[] bOut = new float[outputSize];
        System.arraycopy(params, layout.get("readout.bias").offset(), bOut, 0, outputSize);
        float[] h0 = new float[hiddenSize()];
        if (layout.has("h0")) {
            System.arraycopy(params, layout.get("h0").offset(), h0, 0, h0.length);
        }
        return new Prepared(cell.prepare(layout, params), wOut, bOut, h0);
    }

    /**
     * Parameter-derived quantities of one parameter version.
     *
     * @param cell        the cell's effective weights
     * @param readoutW    W_out [O, H]
     * @param readoutB    b_out [O]
     * @param initial     h_0 [H]
     */
    public record Prepared(Cell.Prepared cell, float[] readoutW, float[] readoutB, float[] initial) {
    }

    /** Buffers of one worker: the cell's, plus logits and their gradient [T, B, O]. */
    public static final class Workspace {
        public final Cell.Workspace cell;
        /** Readout logits z [T, B, O]. */
        public final float[] logits;
        /** dLoss/dz [T, B, O]. */
        public final float[] dlogits;

        Workspace(Cell.Workspace cell, int outputs) {
            this.cell = cell;
            this.logits = new float[cell.steps * cell.batch * outputs];
            this.dlogits = new float[logits.length];
        }

        public int batch() {
            return cell.batch;
        }

        public int steps() {
            return cell.steps;
        }
    }

    public Workspace newWorkspace(int batch, int steps) {
        return new Workspace(cell.newWorkspace(layout, batch, steps), outputSize);
    }

    /**
     * Forward pass over trials [from, from + count) of {@code batch}: loads the inputs (plus input noise when
     * {@code noise} is given), runs the cell from h_0 and computes the readout logits into {@code ws.logits}.
     *
     * @param noise source of input and recurrent noise, or null for a noiseless pass
     */
    public void forward(Prepared p, Workspace ws, TrialBatch batch, int from, int count, SplittableRandom noise) {
        int steps = batch.steps();
        checkWorkspace(ws, count, steps);
        Cell.Workspace c = ws.cell;
        int in = inputSize;
        int h = hiddenSize();
        float sigmaIn = (float) options.sigmaIn();
        float[] src = batch.inputs();
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < count; b++) {
                System.arraycopy(src, ((from + b) * steps + t) * in, c.x, (t * count + b) * in, in);
            }
        }
        if (noise != null && sigmaIn > 0) {
            for (int i = 0; i < steps * count * in; i++) {
                c.x[i] += sigmaIn * (float) noise.nextGaussian();
            }
        }
        for (int b = 0; b < count; b++) {
            System.arraycopy(p.initial, 0, c.hs, b * h, h);
        }
        clearInitialCellState(c, count);
        cell.forward(p.cell, c, count, steps, noise);
        // z_t = W_out h_t + b_out for all t at once (few outputs: dot products along H)
        Gemm.mmNT(steps * count, outputSize, h, c.hs, count * h, h, p.readoutW, 0, h, ws.logits, 0, outputSize, false);
        Vec.addRow(steps * count, outputSize, p.readoutB, 0, ws.logits, 0, outputSize);
    }

    private void clearInitialCellState(Cell.Workspace c, int count) {
        if (cell instanceof LstmCell lstm) {
            lstm.clearInitialCellState(c, count);
        }
    }

    /**
     * Backward pass after {@link #forward}: from {@code ws.dlogits} (dLoss/dz) and an L2 rate penalty
     * {@code rateScale * sum h^2}, accumulates all parameter gradients into {@code ws.cell.grad} (and the
     * cell's extra gradient). The caller zeroes the gradients before the first backward of a step.
     */
    public void backward(Prepared p, Workspace ws, int count, int steps, float rateScale) {
        Cell.Workspace c = ws.cell;
        int h = hiddenSize();
        int n = steps * count;
        // dh_t = dz_t W_out (+ 2 rateScale h_t)
        Gemm.mm(n, h, outputSize, ws.dlogits, 0, outputSize, false, p.readoutW, 0, h, c.dh, 0, h, false);
        if (rateScale != 0) {
            Vec.axpy(n * h, 2 * rateScale, c.hs, count * h, c.dh, 0);
        }
        ParameterLayout.Entry w = layout.get("readout.weight");
        // dW_out += dz^T h, db_out += sum dz
        Gemm.mm(outputSize, h, n, ws.dlogits, 0, outputSize, true, c.hs, count * h, h, c.grad, w.offset(), h, true);
        Vec.columnSums(n, outputSize, ws.dlogits, 0, outputSize, c.grad, layout.get("readout.bias").offset(), true);
        cell.backward(p.cell, c, count, steps);
        if (layout.has("h0")) {
            Vec.columnSums(count, h, c.dh0, 0, h, c.grad, layout.get("h0").offset(), true);
        }
    }

    private static void checkWorkspace(Workspace ws, int count, int steps) {
        if (count > ws.batch() || steps != ws.steps()) {
            throw new IllegalArgumentException("workspace for " + ws.batch() + " trials x " + ws.steps()
                    + " steps cannot hold " + count + " trials x " + steps + " steps");
        }
    }

    /**
     * Hidden states, outputs (after the readout nonlinearity) of a noiseless or noisy run over a whole batch.
     *
     * @param hidden  [B, T, H], batch-major
     * @param outputs [B, T, O], batch-major
     */
    public record Run(int trials, int steps, float[] hidden, float[] outputs) {
    }

    /**
     * Runs the network on every trial of {@code batch}, split over {@code threads} workers (0 = all cores).
     *
     * @param noiseSeed null for a noiseless run, else the seed of the input and recurrent noise
     */
    public Run run(TrialBatch batch, int threads, Long noiseSeed) {
        int trials = batch.trials();
        int steps = batch.steps();
        int h = hiddenSize();
        int parts = WorkerPool.parts(trials, threads, 8);
        float[] hidden = new float[trials * steps * h];
        float[] outputs = new float[trials * steps * outputSize];
        Prepared p = prepare();
        WorkerPool.run(parts, part -> {
            int from = WorkerPool.partStart(trials, parts, part);
            int count = WorkerPool.partStart(trials, parts, part + 1) - from;
            Workspace ws = newWorkspace(count, steps);
            SplittableRandom noise = noiseSeed == null ? null : new SplittableRandom(noiseSeed + 7919L * part);
            forward(p, ws, batch, from, count, noise);
            readout.apply(ws.logits, 0, steps * count, outputSize);
            for (int t = 0; t < steps; t++) {
                for (int b = 0; b < count; b++) {
                    System.arraycopy(ws.cell.hs, ((t + 1) * count + b) * h, hidden, ((from + b) * steps + t) * h, h);
                    System.arraycopy(ws.logits, (t * count + b) * outputSize, outputs,
                            ((from + b) * steps + t) * outputSize, outputSize);
                }
            }
        });
        return new Run(trials, steps, hidden, outputs);
    }
}
