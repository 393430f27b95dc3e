package org.attractorlab.core.study;

import java.util.List;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.task.ConditionTable;
import org.attractorlab.core.task.NBackTask;
import org.attractorlab.core.task.TrialBatch;
import org.ejml.data.DMatrixRMaj;

/**
 * The encoding samples of N-back states (Lei, Ito &amp; Bashivan 2024), shared by the cross-task, relevance,
 * orthogonalisation and Procrustes studies. The states are N-back states when the conditions have {@code task} and,
 * per stimulus position p, {@code location_p<p>}, {@code identity_p<p>}, {@code category_p<p>} (what
 * {@link NBackTask} writes). With S positions over T steps a slot is T / S steps; the <em>encoding step</em> of
 * position p is the last step of its slot that shows the stimulus (the last masked-in step of the slot when the
 * probe batch is known, else the slot's first step). The three features of the stimulus at p are its location,
 * its category and its identity, the object {@code category * I + identity} (I identities per category), as the
 * identity tasks compare it.
 */
public final class NBackSamples {
    /** The three features, in the order of the nine tasks' ids. */
    public static final List<String> FEATURES = List.of("location", "identity", "category");
    /** Input channels of the one-hot task cue. */
    static final int CUE = NBackTask.TASKS;

    private final HiddenStates states;
    private final int positions;
    private final int slot;
    private final int identities;
    private final int[] encodingSteps;

    private NBackSamples(HiddenStates h) {
        this.states = h;
        ConditionTable t = h.conditions();
        int p = 0;
        while (t.has("category_p" + p) && t.has("identity_p" + p) && t.has("location_p" + p)) {
            p++;
        }
        positions = p;
        slot = h.steps() / p;
        int most = 0;
        for (int q = 0; q < p; q++) {
            for (double v : t.column("identity_p" + q)) {
                most = Math.max(most, (int) v);
            }
        }
        identities = most + 1;
        encodingSteps = new int[p];
        for (int q = 0; q < p; q++) {
            encodingSteps[q] = encodingStep(h.batch(), q * slot, slot);
        }
    }

    /** Whether {@code table} holds N-back conditions: a task column and the features of at least two positions. */
    public static boolean appliesTo(ConditionTable table) {
        return table.has("task") && table.has("category_p1") && table.has("identity_p1") && table.has("location_p1")
                && table.has("category_p0") && table.has("identity_p0") && table.has("location_p0");
    }

    /** The samples of N-back states; other states are refused with a message naming the columns needed. */
    public static NBackSamples of(HiddenStates h) {
        if (!appliesTo(h.conditions())) {
            throw new StudyException("these states are not an N-back task's: the conditions need 'task' and, per "
                    + "stimulus position p, 'location_p<p>', 'identity_p<p>' and 'category_p<p>'; the columns are "
                    + h.conditions().names());
        }
        return new NBackSamples(h);
    }

    private static int encodingStep(TrialBatch batch, int from, int slot) {
        if (batch == null) {
            return from;
        }
        int last = from;
        for (int t = from; t < from + slot; t++) {
            for (int b = 0; b < batch.trials(); b++) {
                if (batch.mask()[batch.outputIndex(b, t, 0)] != 0f) {
                    last = t;
                    break;
                }
            }
        }
        return last;
    }

    /** Refuses anything but the three features. */
    public static String checkFeature(String field, String feature) {
        if (feature == null || !FEATURES.contains(feature)) {
            throw StudyException.notAllowed(field, feature, "use location, identity or category");
        }
        return feature;
    }

    public HiddenStates states() {
        return states;
    }

    /** S, the stimulus positions of a trial. */
    public int positions() {
        return positions;
    }

    /** The encoding step of position p. */
    public int encodingStep(int p) {
        return encodingSteps[p];
    }

    /** The position whose slot holds step t. */
    public int positionOf(int t) {
        return Math.min(positions - 1, t / slot);
    }

    /** The task id (0..8) of every trial. */
    public double[] tasks() {
        return states.conditions().column("task");
    }

    /** The label of task {@code id}, e.g. {@code category-2back}. */
    public String taskLabel(double id) {
        return states.conditions().labelOf("task", id);
    }

    /** The feature (0 location, 1 identity, 2 category) task {@code id} compares. */
    public static int featureOfTask(double id) {
        return (int) id / org.attractorlab.core.task.NBackOptions.MAX_N;
    }

    /** The value of {@code feature} of the stimulus at position p, per trial (identity: the object). */
    public double[] labels(String feature, int p) {
        ConditionTable t = states.conditions();
        double[] c = t.column("category_p" + p);
        return switch (checkFeature("feature", feature)) {
            case "location" -> t.column("location_p" + p);
            case "category" -> c;
            default -> {
                double[] i = t.column("identity_p" + p);
                double[] o = new double[i.length];
                for (int b = 0; b < o.length; b++) {
                    o[b] = c[b] * identities + i[b];
                }
                yield o;
            }
        };
    }

    /** The hidden states of every trial at step t, [B, H]. */
    public DMatrixRMaj statesAt(int t) {
        return states.atStep(t);
    }

    /**
     * The encoding states of every trial and position, stacked position-major (row = p * B + b), [S B, H].
     */
    public DMatrixRMaj encodingStates() {
        int b = states.trials();
        int h = states.units();
        DMatrixRMaj out = new DMatrixRMaj(positions * b, h);
        for (int p = 0; p < positions; p++) {
            DMatrixRMaj x = states.atStep(encodingSteps[p]);
            System.arraycopy(x.data, 0, out.data, p * b * h, b * h);
        }
        return out;
    }

    /** {@link #labels} of every position, stacked as {@link #encodingStates()}. */
    public double[] encodingLabels(String feature) {
        int b = states.trials();
        double[] out = new double[positions * b];
        for (int p = 0; p < positions; p++) {
            System.arraycopy(labels(feature, p), 0, out, p * b, b);
        }
        return out;
    }

    /** The task of every row of {@link #encodingStates()}. */
    public double[] encodingTasks() {
        int b = states.trials();
        double[] out = new double[positions * b];
        for (int p = 0; p < positions; p++) {
            System.arraycopy(tasks(), 0, out, p * b, b);
        }
        return out;
    }

    /**
     * The stimulus inputs of every trial at step t, [B, F]: the network's input there without the task cue (the
     * last nine channels, when every trial's are the one-hot of its task). With the cnn encoding these are the
     * CNN features of the rendered objects (as the network sees them), with the symbolic one the one-hot features.
     * Refused for external states (no probe batch) and for a step that shows no stimulus.
     */
    public DMatrixRMaj stimulusAt(int t) {
        TrialBatch batch = states.batch();
        if (batch == null) {
            throw new StudyException("the perceptual space needs the probe batch's inputs; external states have none");
        }
        int in = batch.inputSize();
        int f = hasCue(batch) ? in - CUE : in;
        DMatrixRMaj out = new DMatrixRMaj(batch.trials(), f);
        boolean any = false;
        for (int b = 0; b < batch.trials(); b++) {
            for (int k = 0; k < f; k++) {
                float v = batch.inputs()[batch.inputIndex(b, t, k)];
                out.data[b * f + k] = v;
                any |= v != 0f;
            }
        }
        if (!any) {
            throw StudyException.notAllowed("step", t, "step " + t + " shows no stimulus (a blank delay step); use "
                    + "a stimulus step such as " + encodingSteps[positionOf(t)]);
        }
        return out;
    }

    private boolean hasCue(TrialBatch batch) {
        int in = batch.inputSize();
        if (in <= CUE) {
            return false;
        }
        double[] task = tasks();
        for (int b = 0; b < batch.trials(); b++) {
            for (int k = 0; k < CUE; k++) {
                float v = batch.inputs()[batch.inputIndex(b, 0, in - CUE + k)];
                if (v != (k == (int) task[b] ? 1f : 0f)) {
                    return false;
                }
            }
        }
        return true;
    }
}
