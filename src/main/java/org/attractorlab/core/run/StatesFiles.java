package org.attractorlab.core.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.io.AtomicFiles;
import org.attractorlab.core.io.DType;
import org.attractorlab.core.io.NdArray;
import org.attractorlab.core.io.Npy;
import org.attractorlab.core.task.ConditionTable;
import org.attractorlab.core.task.TrialBatch;

/**
 * Hidden states on disk: {@code hidden_states.npy} [trials, time, units], {@code inputs.npy} [trials, time,
 * inputs], {@code outputs.npy} [trials, time, outputs] (float32) and {@code conditions.csv} (one row per trial).
 * External states (a recording, another framework) are read from any {@code .npy} of that shape, float32 or
 * float64, with an optional conditions CSV.
 */
public final class StatesFiles {
    public static final String HIDDEN = "hidden_states.npy";
    public static final String INPUTS = "inputs.npy";
    public static final String OUTPUTS = "outputs.npy";
    public static final String TARGETS = "targets.npy";
    public static final String CONDITIONS = "conditions.csv";

    private StatesFiles() {
    }

    /**
     * Reads external states [trials, time, units] (a 2-D [trials, units] array is one time step) and their
     * conditions; without a conditions file every trial is its own condition ({@code trial} column).
     */
    public static HiddenStates readExternal(Path statesNpy, Path conditionsCsv) throws IOException {
        NdArray a = Npy.read(statesNpy);
        int[] s = a.shape();
        if (s.length != 3 && s.length != 2) {
            throw new IOException(statesNpy + ": expected hidden states of shape (trials, time, units) or (trials, units), "
                    + "got shape " + java.util.Arrays.toString(s));
        }
        int trials = s[0];
        int steps = s.length == 3 ? s[1] : 1;
        int units = s[s.length - 1];
        if (trials < 1 || steps < 1 || units < 1) {
            throw new IOException(statesNpy + ": empty states of shape " + java.util.Arrays.toString(s));
        }
        if (a.dtype() != DType.FLOAT32 && a.dtype() != DType.FLOAT64) {
            throw new IOException(statesNpy + ": hidden states must be float32 or float64, got " + a.dtype().descr());
        }
        float[] data;
        if (a.dtype() == DType.FLOAT32) {
            data = a.floats();
        } else {
            double[] d = a.doubles();
            data = new float[d.length];
            for (int i = 0; i < d.length; i++) {
                data[i] = (float) d[i];
            }
        }
        for (float v : data) {
            if (!Float.isFinite(v)) {
                throw new IOException(statesNpy + ": hidden states contain NaN or infinite values");
            }
        }
        ConditionTable conditions;
        if (conditionsCsv != null) {
            conditions = ConditionTables.read(conditionsCsv);
            if (conditions.rows() != trials) {
                throw new IOException(conditionsCsv + ": has " + conditions.rows() + " rows but " + statesNpy + " has "
                        + trials + " trials; the conditions CSV needs one row per trial");
            }
        } else {
            double[] idx = new double[trials];
            for (int i = 0; i < trials; i++) {
                idx[i] = i;
            }
            conditions = new ConditionTable(List.of("trial"), new double[][]{idx});
        }
        return HiddenStates.external(trials, steps, units, data, conditions);
    }

    /** Writes states, inputs, targets and outputs (when present) and conditions into {@code dir}; returns the files. */
    public static List<Path> write(Path dir, HiddenStates h) throws IOException {
        List<Path> written = new ArrayList<>();
        TrialBatch b = h.batch();
        if (b != null) {
            written.add(npy(dir.resolve(INPUTS), new int[]{h.trials(), h.steps(), b.inputSize()}, b.inputs()));
            written.add(npy(dir.resolve(TARGETS), new int[]{h.trials(), h.steps(), b.outputSize()}, b.targets()));
        }
        written.add(npy(dir.resolve(HIDDEN), new int[]{h.trials(), h.steps(), h.units()}, h.states()));
        if (h.outputs() != null) {
            int o = h.outputs().length / (h.trials() * h.steps());
            written.add(npy(dir.resolve(OUTPUTS), new int[]{h.trials(), h.steps(), o}, h.outputs()));
        }
        Path c = dir.resolve(CONDITIONS);
        ConditionTables.write(c, h.conditions());
        written.add(c);
        return written;
    }

    private static Path npy(Path file, int[] shape, float[] data) throws IOException {
        AtomicFiles.writeNpy(file, NdArray.of(shape, data));
        return file;
    }
}
