package org.attractorlab.core.train;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.attractorlab.core.model.Network;
import org.attractorlab.core.model.ParameterLayout;
import org.attractorlab.core.model.WorkerPool;
import org.attractorlab.core.task.LossKind;
import org.attractorlab.core.task.Task;
import org.attractorlab.core.task.TrialBatch;
import org.attractorlab.core.tensor.Vec;

/**
 * Trains a {@link Network} on a {@link Task} by backpropagation through time. Each step draws a fresh batch,
 * splits it over the cores, sums the workers' gradients in a fixed order, adds regularisation, clips by global
 * norm and updates with the optimiser. The same seed on the same machine gives the same numbers.
 *
 * <p>Not thread-safe: one thread drives {@link #step()} (or {@link #train}); other threads may call
 * {@link #cancel()} and read {@link #lastStatus()}.
 */
public final class Trainer {
    private final Task task;
    private final Network network;
    private final TrainingOptions options;
    private final LossKind loss;
    private final long seed;
    private final SplittableRandom batchRng;
    private final TrialBatch validationBatch;
    private final Optimizer optimizer;
    private final float[] grad;
    private final float[] extraGrad;
    private final float[] lastGood;
    private final int parts;
    private final Network.Workspace[] workspaces;
    private final double[] partLoss;
    private Network.Workspace evalWorkspace;
    private volatile boolean cancelled;
    private volatile TrainingStatus lastStatus;
    private int step;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private int stepsSinceImprovement;
    private double validationLoss = Double.NaN;
    private double validationAccuracy = Double.NaN;
    /** Time spent inside {@link #step()}, summed: the clock of elapsed time and speed (not idle or paused time). */
    private long trainingNanos;
    private long stepStartNanos;
    private long windowNanos;
    private int windowStep;
    private double speed;

    public Trainer(Task task, Network network, TrainingOptions options, long seed) {
        this(task, network, options, seed, 0);
    }

    /**
     * A trainer that continues a run from step {@code startStep} (a reopened session): the network holds the
     * parameters after that many steps, the learning-rate schedule and the step limit count from there, and the
     * batches are drawn from a stream derived from the seed and the step (not the batches of steps 1..startStep
     * again). The optimiser's moments are not part of a run directory, so Adam starts them afresh.
     *
     * @param startStep steps already done, >= 0; 0 is a fresh run
     */
    public Trainer(Task task, Network network, TrainingOptions options, long seed, int startStep) {
        if (startStep < 0) {
            throw new IllegalArgumentException("start step must be >= 0, got " + startStep);
        }
        if (network.inputSize() != task.inputSize() || network.outputSize() != task.outputSize()) {
            throw new IllegalArgumentException("network has " + network.inputSize() + " inputs and "
                    + network.outputSize() + " outputs but task " + task.name() + " has " + task.inputSize()
                    + " and " + task.outputSize());
        }
        this.task = task;
        this.network = network;
        this.options = options;
        this.loss = options.loss().resolve(task.defaultLoss());
        this.seed = seed;
        SplittableRandom root = new SplittableRandom(seed ^ 0x5DEECE66DL);
        this.validationBatch = task.sample(Math.min(options.batchSize(), 256), root.split());
        SplittableRandom batches = root.split();
        this.batchRng = startStep == 0 ? batches : new SplittableRandom(mix(seed, startStep, -1));
        int size = network.layout().size();
        this.optimizer = new Optimizer(options, size);
        this.grad = new float[size];
        this.extraGrad = new float[network.cell().extraGradientSize()];
        this.lastGood = network.parameters().clone();
        this.parts = WorkerPool.parts(options.batchSize(), options.threads(), 4);
        this.workspaces = new Network.Workspace[parts];
        for (int p = 0; p < parts; p++) {
            int count = WorkerPool.partStart(options.batchSize(), parts, p + 1)
                    - WorkerPool.partStart(options.batchSize(), parts, p);
            workspaces[p] = network.newWorkspace(count, task.steps());
        }
        this.partLoss = new double[parts];
        this.step = startStep;
        this.windowStep = startStep;
        TrainingStatus first = new TrainingStatus(startStep, options.steps(), Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, options.learningRateAt(startStep), 0, 0, TrainingStatus.State.RUNNING, "");
        this.lastStatus = startStep >= options.steps()
                ? first.withState(TrainingStatus.State.COMPLETED, "completed " + startStep + " steps") : first;
    }

    public Network network() {
        return network;
    }

    public Task task() {
        return task;
    }

    public TrainingOptions options() {
        return options;
    }

    /** The loss actually used (the task's when the options say auto). */
    public LossKind loss() {
        return loss;
    }

    /** Steps completed. */
    public int stepsDone() {
        return step;
    }

    /** The latest status; safe to read from any thread. */
    public TrainingStatus lastStatus() {
        return lastStatus;
    }

    /**
     * Asks a running {@link #train} to stop after the current step; safe from any thread. A step in progress
     * completes (and its status says CANCELLED); a later {@link #step()} trains nothing.
     */
    public void cancel() {
        cancelled = true;
    }

    /** The result of one forward and backward pass over a batch. */
    public record Evaluation(double loss, double accuracy) {
    }

    /**
     * Loss (without regularisation) and accuracy of the current network on a batch, without noise and without
     * changing anything.
     */
    public Evaluation evaluate(TrialBatch batch) {
        Network.Prepared p = network.prepare();
        if (evalWorkspace == null || evalWorkspace.batch() < batch.trials() || evalWorkspace.steps() != batch.steps()) {
            evalWorkspace = network.newWorkspace(batch.trials(), batch.steps());
        }
        Network.Workspace ws = evalWorkspace;
        network.forward(p, ws, batch, 0, batch.trials(), null);
        double l = Loss.lossAndGradient(loss, ws.logits, batch, 0, batch.trials(), 1 / Loss.normalizer(loss, batch),
                ws.dlogits);
        float[] outputs = new float[batch.trials() * batch.steps() * batch.outputSize()];
        copyOutputs(ws, batch, 0, batch.trials(), outputs);
        return new Evaluation(l, task.accuracy(batch, outputs));
    }

    /**
     * One optimiser step. Returns the new status; a non-finite loss or gradient restores the last good parameters
     * and returns a FAILED status. After {@link #cancel()} nothing is trained: the status turns CANCELLED at the
     * current step and the parameters stay as they are.
     */
    public TrainingStatus step() {
        if (lastStatus.state().finished()) {
            return lastStatus;
        }
        if (cancelled) {
            lastStatus = lastStatus.withState(TrainingStatus.State.CANCELLED, "stopped by the user at step " + step);
            return lastStatus;
        }
        stepStartNanos = System.nanoTime();
        TrialBatch batch = task.sample(options.batchSize(), batchRng);
        double invN = 1 / Loss.normalizer(loss, batch);
        float rateScale = (float) (options.l2Rate() / ((double) batch.trials() * batch.steps() * network.hiddenSize()));
        Network.Prepared prepared = network.prepare();
        float[] outputs = new float[batch.trials() * batch.steps() * batch.outputSize()];
        int stepIndex = step;
        WorkerPool.run(parts, part -> {
            Network.Workspace ws = workspaces[part];
            int from = WorkerPool.partStart(batch.trials(), parts, part);
            int count = ws.batch();
            java.util.Arrays.fill(ws.cell.grad, 0f);
            java.util.Arrays.fill(ws.cell.extraGrad, 0f);
            SplittableRandom noise = new SplittableRandom(mix(seed, stepIndex, part));
            network.forward(prepared, ws, batch, from, count, noise);
            double l = Loss.lossAndGradient(loss, ws.logits, batch, from, count, invN, ws.dlogits);
            double rates = rateScale != 0 ? Vec.sumSquares(batch.steps() * count * network.hiddenSize(), ws.cell.hs,
                    count * network.hiddenSize()) * rateScale : 0;
            partLoss[part] = l + rates;
            network.backward(prepared, ws, count, batch.steps(), rateScale);
            copyOutputs(ws, batch, from, count, outputs);
        });
        java.util.Arrays.fill(grad, 0f);
        java.util.Arrays.fill(extraGrad, 0f);
        double total = 0;
        for (int p = 0; p < parts; p++) {
            total += partLoss[p];
            Vec.axpy(grad.length, 1f, workspaces[p].cell.grad, 0, grad, 0);
            Vec.axpy(extraGrad.length, 1f, workspaces[p].cell.extraGrad, 0, extraGrad, 0);
        }
        float[] params = network.parameters();
        network.cell().finishGradients(network.layout(), params, extraGrad, grad);
        total += regularize(params, grad);
        double norm = Math.sqrt(sumSquares(grad));
        double lr = options.learningRateAt(step);
        if (!Double.isFinite(total) || !Double.isFinite(norm)) {
            network.setParameters(lastGood);
            String what = !Double.isFinite(total) ? "loss is " + total : "gradient norm is " + norm;
            lastStatus = status(total, Double.NaN, norm, lr).withState(TrainingStatus.State.FAILED,
                    "training diverged at step " + (step + 1) + ": " + what
                            + "; parameters were restored to step " + step
                            + ". Try a lower training.learning_rate, training.clip_norm > 0 or a smaller model.gain.");
            return lastStatus;
        }
        if (options.clipNorm() > 0 && norm > options.clipNorm()) {
            float s = (float) (options.clipNorm() / norm);
            for (int i = 0; i < grad.length; i++) {
                grad[i] *= s;
            }
        }
        optimizer.update(params, grad, lr);
        step++;
        // the parameters of this step, which its status, log row and checkpoint describe: a later divergence
        // restores exactly these, so model.npz equals the checkpoint of the step the message names
        System.arraycopy(params, 0, lastGood, 0, params.length);
        double accuracy = task.accuracy(batch, outputs);
        if (options.validationEvery() > 0 && (step % options.validationEvery() == 0 || step == options.steps())) {
            Evaluation e = evaluate(validationBatch);
            validationLoss = e.loss();
            validationAccuracy = e.accuracy();
        }
        lastStatus = stopRules(status(total, accuracy, norm, lr));
        return lastStatus;
    }

    /** Copies the logits of a worker slice into batch-major {@code outputs}, through the readout nonlinearity. */
    private void copyOutputs(Network.Workspace ws, TrialBatch batch, int from, int count, float[] outputs) {
        int o = batch.outputSize();
        int steps = batch.steps();
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < count; b++) {
                int dst = ((from + b) * steps + t) * o;
                System.arraycopy(ws.logits, (t * count + b) * o, outputs, dst, o);
                network.readout().apply(outputs, dst, 1, o);
            }
        }
    }

    private TrainingStatus stopRules(TrainingStatus s) {
        if (s.loss() < bestLoss * (1 - options.plateauMinDelta())) {
            bestLoss = s.loss();
            stepsSinceImprovement = 0;
        } else {
            stepsSinceImprovement++;
        }
        if (cancelled) {
            return s.withState(TrainingStatus.State.CANCELLED, "stopped by the user at step " + step);
        }
        if (options.targetLoss() > 0 && s.loss() < options.targetLoss()) {
            return s.withState(TrainingStatus.State.TARGET_REACHED, "loss " + fmt(s.loss())
                    + " fell below the target " + options.targetLoss() + " at step " + step);
        }
        if (options.plateauPatience() > 0 && stepsSinceImprovement >= options.plateauPatience()) {
            return s.withState(TrainingStatus.State.PLATEAU, "loss has not improved for "
                    + options.plateauPatience() + " steps (best " + fmt(bestLoss) + ")");
        }
        if (step >= options.steps()) {
            return s.withState(TrainingStatus.State.COMPLETED, "completed " + step + " steps");
        }
        return s;
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }

    private TrainingStatus status(double loss, double accuracy, double norm, double lr) {
        trainingNanos += System.nanoTime() - stepStartNanos;
        if (trainingNanos - windowNanos > 500_000_000L || speed == 0) {
            int done = step - windowStep;
            if (done > 0) {
                speed = done / ((trainingNanos - windowNanos) / 1e9);
                windowNanos = trainingNanos;
                windowStep = step;
            }
        }
        return new TrainingStatus(step, options.steps(), loss, accuracy, validationLoss, validationAccuracy, norm, lr,
                speed, trainingNanos / 1e9, TrainingStatus.State.RUNNING, "");
    }

    private double regularize(float[] params, float[] grad) {
        return WeightPenalty.addTo(network.layout(), params, options.l1Weight(), options.l2Weight(), grad);
    }

    private static double sumSquares(float[] g) {
        return Vec.sumSquares(g.length, g, 0);
    }

    private static long mix(long seed, int step, int part) {
        long z = seed + 0x9E3779B97F4A7C15L * (step + 1) + 0xBF58476D1CE4E5B9L * (part + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Receives a copy of the network's arrays at a checkpoint. */
    public interface CheckpointListener {
        void checkpoint(int step, Map<String, float[]> arrays);
    }

    /**
     * Trains until a stop rule fires, {@link #cancel()} is called or {@code stop} says so.
     *
     * @param onStatus     called after every trained step with its status (on this thread): one call per step, in
     *                     order, so it can write a log row. A final status that trained nothing (a divergence, whose
     *                     parameters were restored, or a stop before the next step) is only returned.
     * @param onCheckpoint called every {@code checkpoint_every} steps and at the end, unless the run failed
     * @return the final status
     */
    public TrainingStatus train(Consumer<TrainingStatus> onStatus, CheckpointListener onCheckpoint,
                                BooleanSupplier stop) {
        TrainingStatus s = lastStatus;
        while (!s.state().finished()) {
            if (stop.getAsBoolean()) {
                cancel();
            }
            int before = step;
            s = step();
            if (step == before) {
                break; // nothing was trained: failed or cancelled before the step
            }
            onStatus.accept(s);
            boolean due = options.checkpointEvery() > 0 && s.step() % options.checkpointEvery() == 0
                    && s.state() == TrainingStatus.State.RUNNING;
            if (due && onCheckpoint != null) {
                onCheckpoint.checkpoint(s.step(), network.arrays());
            }
        }
        if (s.state() != TrainingStatus.State.FAILED && onCheckpoint != null && s.step() > 0) {
            onCheckpoint.checkpoint(s.step(), network.arrays());
        }
        return s;
    }
}
