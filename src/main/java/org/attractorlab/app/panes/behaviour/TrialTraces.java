package org.attractorlab.app.panes.behaviour;

import java.util.ArrayList;
import java.util.List;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.task.ConditionTable;
import org.attractorlab.core.task.TrialBatch;

/**
 * The time courses of one trial of a batch of hidden states: its inputs, the network's outputs and the targets
 * (NaN where the loss mask is 0), on a time axis in steps or milliseconds. Any thread.
 *
 * @param time        the time of each step: step times the unit
 * @param inputNames  one name per input channel
 * @param outputNames one name per output channel
 * @param inputs      [input channel][step]
 * @param outputs     [output channel][step]
 * @param targets     [output channel][step], or no channels when the states have no trial batch
 */
record TrialTraces(double[] time, List<String> inputNames, List<String> outputNames, double[][] inputs,
                   double[][] outputs, double[][] targets) {

    /**
     * The traces of {@code trial} of {@code s}, with the task's channel names where they fit (else "in0", "out0",
     * ...) and {@code unit} per step on the time axis.
     */
    static TrialTraces of(HiddenStates s, int trial, List<String> inputNames, List<String> outputNames, double unit) {
        int t = s.steps();
        double[] x = new double[t];
        for (int i = 0; i < t; i++) {
            x[i] = i * unit;
        }
        TrialBatch batch = s.batch();
        int nIn = batch == null ? 0 : batch.inputSize();
        int nOut = s.outputs() == null ? 0 : s.outputs().length / (s.trials() * t);
        double[][] in = new double[nIn][t];
        double[][] out = new double[nOut][t];
        double[][] target = new double[batch == null ? 0 : nOut][t];
        for (int i = 0; i < t; i++) {
            for (int k = 0; k < nIn; k++) {
                in[k][i] = batch.inputs()[batch.inputIndex(trial, i, k)];
            }
            for (int k = 0; k < nOut; k++) {
                out[k][i] = s.outputs()[(trial * t + i) * nOut + k];
                if (batch != null) {
                    int j = batch.outputIndex(trial, i, k);
                    target[k][i] = batch.mask()[j] > 0 ? batch.targets()[j] : Double.NaN;
                }
            }
        }
        return new TrialTraces(x, names(inputNames, nIn, "in"), names(outputNames, nOut, "out"), in, out, target);
    }

    /** The names of the target series: "out0 target", ...; none without targets. */
    List<String> targetNames() {
        return targets.length == 0 ? List.of() : outputNames.stream().map(n -> n + " target").toList();
    }

    private static List<String> names(List<String> fromTask, int n, String prefix) {
        if (fromTask != null && fromTask.size() == n) {
            return fromTask;
        }
        List<String> names = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            names.add(prefix + k);
        }
        return names;
    }

    /** A trial's condition values, e.g. "bit0 1,  bit1 -1,  bit2 1". */
    static String describe(int trial, ConditionTable conditions) {
        StringBuilder sb = new StringBuilder();
        for (String name : conditions.names()) {
            sb.append(sb.isEmpty() ? "" : ",  ").append(name).append(' ').append(conditions.label(trial, name));
        }
        return sb.toString();
    }
}
