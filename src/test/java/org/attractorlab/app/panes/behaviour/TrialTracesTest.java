package org.attractorlab.app.panes.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.Experiment;
import org.attractorlab.core.config.Samples;
import org.attractorlab.core.study.Probe;
import org.attractorlab.core.task.TrialBatch;
import org.junit.jupiter.api.Test;

/** The behaviour pane's traces of one trial, without the UI. */
class TrialTracesTest {

    @Test
    void theTracesAreTheTrialsInputsOutputsAndMaskedTargets() {
        Experiment e = Experiment.create(ConfigLoader.standard().parse(Samples.json("flipflop-3bit"),
                List.of("model.hidden_size=8")));
        HiddenStates s = Probe.states(e.network(), Probe.batch(e, 4));
        TrialBatch b = s.batch();
        int trial = 2;
        TrialTraces t = TrialTraces.of(s, trial, e.task().inputNames(), e.task().outputNames(), 20);
        assertEquals(e.task().inputNames(), t.inputNames());
        assertEquals(e.task().outputNames(), t.outputNames());
        assertEquals(s.steps(), t.time().length);
        assertEquals(20 * (s.steps() - 1), t.time()[s.steps() - 1], 1e-9, "20 per step");
        int shown = 0;
        for (int i = 0; i < s.steps(); i++) {
            for (int k = 0; k < b.inputSize(); k++) {
                assertEquals(b.inputs()[b.inputIndex(trial, i, k)], t.inputs()[k][i], 0);
            }
            for (int k = 0; k < b.outputSize(); k++) {
                assertEquals(s.outputs()[(trial * s.steps() + i) * b.outputSize() + k], t.outputs()[k][i], 0);
                int j = b.outputIndex(trial, i, k);
                if (b.mask()[j] > 0) {
                    assertEquals(b.targets()[j], t.targets()[k][i], 0);
                    shown++;
                } else {
                    assertTrue(Double.isNaN(t.targets()[k][i]), "a gap where the loss mask is 0");
                }
            }
        }
        assertTrue(shown > 0, "the trial has targets");
        assertEquals(e.task().outputNames().stream().map(n -> n + " target").toList(), t.targetNames());
    }

    @Test
    void channelsWithoutFittingNamesAreNumbered() {
        Experiment e = Experiment.create(ConfigLoader.standard().parse(Samples.json("flipflop-3bit"),
                List.of("model.hidden_size=8")));
        HiddenStates s = Probe.states(e.network(), Probe.batch(e, 2));
        TrialTraces t = TrialTraces.of(s, 0, List.of("only one"), null, 1);
        assertEquals(List.of("in0", "in1", "in2"), t.inputNames());
        assertEquals(List.of("out0", "out1", "out2"), t.outputNames());
        assertEquals(1.0, t.time()[1], 0);
    }
}
