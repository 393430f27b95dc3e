package org.attractorlab.core.task;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Multi-task classification of a noisy evidence stream (Vafidis, Bhargava &amp; Rangel; code panvaf/DisentangleRes).
 *
 * <p>Definition. Each trial draws a latent point x* ~ U(-0.5, 0.5)^D. There are N_task binary classification
 * tasks, one output each. For D = 2 task i has the line through the origin at angle
 * phi_i = (i + 1/2) pi / N_task and the label {@code y_i = 1[x2 > tan(phi_i) x1]} (x1, x2 are the coordinates
 * {@code x0}, {@code x1} of the condition table); when N_task is odd the middle line is vertical and is read as
 * the limit phi -&gt; pi/2 from below, {@code y = 1[x1 < 0]}. For D != 2 task i has a random unit normal n_i (Gaussian
 * direction, fixed by {@code encoderSeed}) and the label {@code y_i = 1[n_i . x* > 0]}. A trial runs through a
 * fixation period, a stimulus period and a decision period (defaults 1, 20, 1 steps of 100 ms). At each stimulus
 * step the observation is X(t) = x* + sigma N(0, I), independently per step; it passes through a frozen random
 * encoder D -> H -> H -> F with ReLU after every layer ({@link ReluEncoder}, weights fixed by
 * {@code encoderSeed}), and the F features are the evidence inputs. Outside the stimulus period there is no
 * stimulus and the features are 0 (the encoder is not applied). The fixation input is 1 before the decision period
 * and 0 in it: its offset triggers the answer. Targets are the labels (0 or 1) at the decision steps, with mask 1;
 * elsewhere target and mask are 0.
 *
 * <p>With {@code rawInputs} the encoder is skipped and the evidence inputs are the D observations themselves.
 *
 * <p>Layout: inputs {@code enc0..enc(F-1)} then {@code fixation}, so I = F + 1 (41 by default; with
 * {@code rawInputs}, {@code obs0..obs(D-1)} then {@code fixation}, I = D + 1); outputs
 * {@code task0..task(N-1)}; loss BCE on sigmoid outputs.
 *
 * <p>Conditions: {@code x0..x(D-1)} the latent coordinates; {@code quadrant} the orthant code, sum over d of 2^d
 * for negative coordinates (for D = 2: 0 = (+,+), 1 = (-,+), 2 = (+,-), 3 = (-,-)); {@code label0..label(N-1)}.
 *
 * <p>Accuracy: the fraction of masked-in entries (decision steps x tasks) where (output &gt; 0.5) equals the label.
 */
public final class EvidenceMultitaskTask extends AbstractTask {
    public static final String NAME = "evidence-multitask";

    private final EvidenceMultitaskOptions options;
    private final ReluEncoder encoder;
    /** Per task: for D = 2, tan(phi_i) in slot 0; otherwise the unit normal, [N][D]. */
    private final double[][] boundaries;
    private final List<String> conditionNames;

    public EvidenceMultitaskTask(EvidenceMultitaskOptions options) {
        super(NAME, inputNames(Objects.requireNonNull(options, "options")),
                Checks.numbered("task", options.taskCount()), options.trialSteps(), options.dtMillis(), LossKind.BCE);
        this.options = options;
        int d = options.latentDims();
        int n = options.taskCount();
        SplittableRandom structure = new SplittableRandom(options.encoderSeed());
        SplittableRandom encoderRng = structure.split();
        SplittableRandom normalRng = structure.split();
        this.encoder = ReluEncoder.random(new int[]{d, options.encoderHidden(), options.encoderHidden(),
                options.encoderFeatures()}, encoderRng);
        this.boundaries = new double[n][];
        for (int i = 0; i < n; i++) {
            if (d == 2) {
                // the vertical line (N_task odd) takes the limit phi -> pi/2 from below, tan -> +infinity,
                // whatever the rounding of (i + 1/2) pi / N_task
                boundaries[i] = new double[]{2 * i + 1 == n ? Double.POSITIVE_INFINITY
                        : Math.tan((i + 0.5) * Math.PI / n)};
            } else {
                double[] v = new double[d];
                double norm = 0;
                while (norm < 1e-12) {
                    norm = 0;
                    for (int k = 0; k < d; k++) {
                        v[k] = normalRng.nextGaussian();
                        norm += v[k] * v[k];
                    }
                }
                norm = Math.sqrt(norm);
                for (int k = 0; k < d; k++) {
                    v[k] /= norm;
                }
                boundaries[i] = v;
            }
        }
        List<String> cond = Checks.numbered("x", d);
        cond.add("quadrant");
        cond.addAll(Checks.numbered("label", n));
        this.conditionNames = List.copyOf(cond);
    }

    /** {@code enc0..enc(F-1)} (or {@code obs0..obs(D-1)} with raw inputs), then {@code fixation}. */
    private static List<String> inputNames(EvidenceMultitaskOptions options) {
        List<String> in = options.rawInputs() ? Checks.numbered("obs", options.latentDims())
                : Checks.numbered("enc", options.encoderFeatures());
        in.add("fixation");
        return in;
    }

    public EvidenceMultitaskOptions options() {
        return options;
    }

    /** The frozen encoder from observations to input features. */
    public ReluEncoder encoder() {
        return encoder;
    }

    /** The unit normal of task i for D != 2 (a copy). */
    public double[] normal(int task) {
        if (options.latentDims() == 2) {
            throw new IllegalStateException("for D = 2 the tasks are lines at phi_i = (i + 1/2) pi / N_task");
        }
        return boundaries[task].clone();
    }

    /** The label (0 or 1) of task i for a latent point x. */
    public int label(int task, double[] x) {
        double[] w = boundaries[task];
        if (options.latentDims() == 2) {
            if (w[0] == Double.POSITIVE_INFINITY) {
                return x[0] < 0 ? 1 : 0;
            }
            return x[1] > w[0] * x[0] ? 1 : 0;
        }
        double dot = 0;
        for (int k = 0; k < w.length; k++) {
            dot += w[k] * x[k];
        }
        return dot > 0 ? 1 : 0;
    }

    /** Number of evidence inputs: F, or D with raw inputs. The fixation input follows them. */
    public int evidenceSize() {
        return options.rawInputs() ? options.latentDims() : options.encoderFeatures();
    }

    /**
     * Fixation on, no evidence: the input of the fixation period, while the network waits for the stimulus and
     * holds its memory of it before the decision (evidence inputs 0, then {@code fixation} = 1).
     */
    @Override
    public float[] restingInput() {
        float[] u = new float[inputSize()];
        u[evidenceSize()] = 1f;
        return u;
    }

    /** First step of the decision period. */
    public int decisionStart() {
        return options.fixationSteps() + options.stimulusSteps();
    }

    @Override
    public TrialBatch sample(int trials, SplittableRandom rng) {
        Checks.sampleArguments(trials, rng);
        int d = options.latentDims();
        int n = options.taskCount();
        int f = evidenceSize();
        boolean raw = options.rawInputs();
        int in = f + 1;
        int steps = options.trialSteps();
        int stimStart = options.fixationSteps();
        int decision = decisionStart();
        double sigma = options.noiseStd();
        float[] inputs = new float[trials * steps * in];
        float[] targets = new float[trials * steps * n];
        float[] mask = new float[targets.length];
        double[][] columns = new double[d + 1 + n][trials];
        double[] x = new double[d];
        double[] observed = new double[d];
        int stimSteps = decision - stimStart;
        float[] observations = raw ? null : new float[trials * stimSteps * d];
        for (int b = 0; b < trials; b++) {
            double quadrant = 0;
            for (int k = 0; k < d; k++) {
                x[k] = rng.nextDouble() - 0.5;
                columns[k][b] = x[k];
                if (x[k] < 0) {
                    quadrant += (double) (1L << k);
                }
            }
            columns[d][b] = quadrant;
            Checks.fill(inputs, steps, in, b, 0, decision, f, 1f);
            for (int t = stimStart; t < decision; t++) {
                int offset = (b * steps + t) * in;
                for (int k = 0; k < d; k++) {
                    observed[k] = x[k] + sigma * rng.nextGaussian();
                }
                if (raw) {
                    for (int k = 0; k < d; k++) {
                        inputs[offset + k] = (float) observed[k];
                    }
                } else {
                    for (int k = 0; k < d; k++) {
                        observations[(b * stimSteps + t - stimStart) * d + k] = (float) observed[k];
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                int y = label(i, x);
                columns[d + 1 + i][b] = y;
                Checks.fill(targets, steps, n, b, decision, steps, i, y);
                Checks.fill(mask, steps, n, b, decision, steps, i, 1f);
            }
        }
        if (!raw) {
            // all observations through the frozen encoder in one batched pass
            float[] features = encoder.encodeAll(observations, trials * stimSteps);
            for (int b = 0; b < trials; b++) {
                for (int t = stimStart; t < decision; t++) {
                    System.arraycopy(features, (b * stimSteps + t - stimStart) * f, inputs, (b * steps + t) * in, f);
                }
            }
        }
        return new TrialBatch(trials, steps, in, n, inputs, targets, mask,
                new ConditionTable(conditionNames, columns));
    }

    @Override
    public double accuracy(TrialBatch batch, float[] outputs) {
        return Checks.maskedAccuracy(batch, outputs, (out, target) -> (out > 0.5f) == (target > 0.5f));
    }
}
