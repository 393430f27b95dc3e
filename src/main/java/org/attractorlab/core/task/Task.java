package org.attractorlab.core.task;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A cognitive task: it makes batches of trials with inputs, targets, a loss mask and a condition table.
 * Implementations are immutable and thread-safe; all randomness comes from the generator passed in, so the same
 * seed gives the same batch.
 */
public interface Task {
    /** The registry name, e.g. {@code flipflop}. */
    String name();

    int inputSize();

    int outputSize();

    /** Time steps per trial. */
    int steps();

    /** Duration of one step in milliseconds. */
    double dtMillis();

    /** Names of the input channels, {@link #inputSize()} of them. */
    List<String> inputNames();

    /** Names of the output channels, {@link #outputSize()} of them. */
    List<String> outputNames();

    /** The loss this task is trained with by default. */
    LossKind defaultLoss();

    /**
     * The input at rest: what the task feeds the network when no stimulus or cue is on, as a fresh array of
     * {@link #inputSize()} values. It is the default constant input u* of a fixed-point search, so that the
     * attractors found are those the network holds its memory in between stimuli. Zeros unless the task says
     * otherwise (a task with a fixation channel that is on between stimuli returns it on).
     */
    default float[] restingInput() {
        return new float[inputSize()];
    }

    /** Draws a batch of {@code trials} trials using {@code rng}. */
    TrialBatch sample(int trials, SplittableRandom rng);

    /**
     * Task accuracy of network outputs (after the readout nonlinearity) on a batch, in [0, 1], computed only on
     * masked-in entries; NaN where accuracy is not defined (e.g. sine-wave generation).
     *
     * @param outputs [B, T, O] in the batch's layout
     */
    double accuracy(TrialBatch batch, float[] outputs);
}
