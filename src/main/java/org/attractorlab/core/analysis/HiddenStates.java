package org.attractorlab.core.analysis;

import java.util.Objects;
import org.attractorlab.core.task.ConditionTable;
import org.attractorlab.core.task.TrialBatch;
import org.ejml.data.DMatrixRMaj;

/**
 * Hidden states of many trials, the input of every analysis: {@code states} is [trials, steps, units] in
 * batch-major, row-major order (element (b, t, k) at {@code (b * steps + t) * units + k}), with one condition row
 * per trial. States come from a network run on a probe batch, or from outside (a recording, another framework),
 * in which case {@code batch} and {@code outputs} are null.
 *
 * @param trials     B
 * @param steps      T
 * @param units      H
 * @param states     [B, T, H]
 * @param conditions one row per trial
 * @param batch      the probe batch (inputs, targets, mask), or null for external data
 * @param outputs    the network's outputs [B, T, O] after the readout nonlinearity, or null
 */
public record HiddenStates(int trials, int steps, int units, float[] states, ConditionTable conditions,
                           TrialBatch batch, float[] outputs) {

    public HiddenStates {
        if (trials < 1 || steps < 1 || units < 1) {
            throw new IllegalArgumentException("hidden states need at least one trial, step and unit, got "
                    + trials + " x " + steps + " x " + units);
        }
        Objects.requireNonNull(states, "states");
        Objects.requireNonNull(conditions, "conditions");
        if (states.length != (long) trials * steps * units) {
            throw new IllegalArgumentException("states have " + states.length + " values, expected " + trials + " x "
                    + steps + " x " + units);
        }
        if (conditions.rows() != trials) {
            throw new IllegalArgumentException("conditions have " + conditions.rows() + " rows for " + trials + " trials");
        }
        if (batch != null && (batch.trials() != trials || batch.steps() != steps)) {
            throw new IllegalArgumentException("probe batch is " + batch.trials() + " x " + batch.steps()
                    + " but states are " + trials + " x " + steps);
        }
    }

    /** External data: states and conditions only. */
    public static HiddenStates external(int trials, int steps, int units, float[] states, ConditionTable conditions) {
        return new HiddenStates(trials, steps, units, states, conditions, null, null);
    }

    /** Index of element (trial, step, unit) in {@link #states()}. */
    public int index(int trial, int step, int unit) {
        return (trial * steps + step) * units + unit;
    }

    /**
     * The states of steps [fromStep, toStep) of every trial stacked as rows (trial-major: row = trial * span +
     * (step - fromStep)), in double precision, [trials * span, units].
     */
    public DMatrixRMaj stacked(int fromStep, int toStep) {
        checkSpan(fromStep, toStep);
        int span = toStep - fromStep;
        DMatrixRMaj m = new DMatrixRMaj(trials * span, units);
        int r = 0;
        for (int b = 0; b < trials; b++) {
            for (int t = fromStep; t < toStep; t++, r++) {
                int src = index(b, t, 0);
                for (int k = 0; k < units; k++) {
                    m.data[r * units + k] = states[src + k];
                }
            }
        }
        return m;
    }

    /** All states stacked, [trials * steps, units]. */
    public DMatrixRMaj stacked() {
        return stacked(0, steps);
    }

    /** The states of one step of every trial, [trials, units], in double precision. */
    public DMatrixRMaj atStep(int step) {
        return stacked(step, step + 1);
    }

    /** The states at steps [fromStep, toStep) averaged over time, one row per trial, [trials, units]. */
    public DMatrixRMaj timeAveraged(int fromStep, int toStep) {
        checkSpan(fromStep, toStep);
        DMatrixRMaj m = new DMatrixRMaj(trials, units);
        double w = 1.0 / (toStep - fromStep);
        for (int b = 0; b < trials; b++) {
            for (int t = fromStep; t < toStep; t++) {
                int src = index(b, t, 0);
                for (int k = 0; k < units; k++) {
                    m.data[b * units + k] += w * states[src + k];
                }
            }
        }
        return m;
    }

    private void checkSpan(int fromStep, int toStep) {
        if (fromStep < 0 || toStep > steps || fromStep >= toStep) {
            throw new IllegalArgumentException("step range [" + fromStep + ", " + toStep + ") is not within 0.."
                    + steps);
        }
    }

    /** A subset of trials (in the given order), with their conditions, batch rows and outputs. */
    public HiddenStates trials(int[] which) {
        float[] s = new float[which.length * steps * units];
        int span = steps * units;
        for (int i = 0; i < which.length; i++) {
            System.arraycopy(states, which[i] * span, s, i * span, span);
        }
        ConditionTable ct = conditions.select(which);
        float[] out = null;
        TrialBatch sub = null;
        if (batch != null) {
            sub = subBatch(which, ct);
        }
        if (outputs != null) {
            int o = outputs.length / (trials * steps);
            out = new float[which.length * steps * o];
            for (int i = 0; i < which.length; i++) {
                System.arraycopy(outputs, which[i] * steps * o, out, i * steps * o, steps * o);
            }
        }
        return new HiddenStates(which.length, steps, units, s, ct, sub, out);
    }

    private TrialBatch subBatch(int[] which, ConditionTable ct) {
        int in = batch.inputSize();
        int o = batch.outputSize();
        float[] x = new float[which.length * steps * in];
        float[] y = new float[which.length * steps * o];
        float[] m = new float[which.length * steps * o];
        for (int i = 0; i < which.length; i++) {
            System.arraycopy(batch.inputs(), which[i] * steps * in, x, i * steps * in, steps * in);
            System.arraycopy(batch.targets(), which[i] * steps * o, y, i * steps * o, steps * o);
            System.arraycopy(batch.mask(), which[i] * steps * o, m, i * steps * o, steps * o);
        }
        return new TrialBatch(which.length, steps, in, o, x, y, m, ct);
    }
}
