package org.attractorlab.core.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.analysis.fixedpoint.AttractorSummary;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.Experiment;
import org.attractorlab.core.model.Network;
import org.attractorlab.core.task.Task;
import org.junit.jupiter.api.Test;

/** The fixed-point study's input u*: the task's resting input by default, overridable. */
class FixedPointStudyTest {
    /** max_i |F(h*, u*)_i - h*_i| of a point the search calls fixed (q &lt; 1e-12 in float32). */
    private static final double FIXED_TOL = 1e-5;
    /** The same point under zero input moves by at least this much: u* matters. */
    private static final double MOVED = 1e-2;

    private static Experiment experiment(String task, String... more) {
        List<String> o = new java.util.ArrayList<>(List.of("task.name=" + task, "model.hidden_size=16"));
        o.addAll(List.of(more));
        return Experiment.create(ConfigLoader.standard().fromOverrides(o));
    }

    @Test
    void theEvidenceTaskIsSearchedAtFixationOnAndZeroEvidence() {
        Experiment e = experiment("evidence-multitask");
        Task t = e.task();
        float[] u = FixedPointStudy.defaultsFor(e).input();
        assertEquals(41, u.length, "40 encoder features, then fixation");
        float[] expected = new float[41];
        expected[40] = 1;
        assertArrayEquals(expected, u);
        assertEquals("fixation", t.inputNames().get(40));
        assertEquals("the resting input (fixation = 1)", FixedPointStudy.describeInput(t, u));
        assertNull(FixedPointStudy.defaultsFor(experiment("flipflop")).input(), "zero input for the flip-flop");
        assertEquals("zero input", FixedPointStudy.describeInput(t, null));
    }

    @Test
    void theInputIsRestZeroOrOneValuePerChannel() {
        Task t = experiment("evidence-multitask", "task.raw_inputs=true").task();
        assertArrayEquals(new float[]{0, 0, 1}, FixedPointStudy.parseInput(t, "rest"));
        assertNull(FixedPointStudy.parseInput(t, " zero "));
        assertArrayEquals(new float[]{0.5f, -1, 1}, FixedPointStudy.parseInput(t, "0.5, -1,1"));
        assertEquals("u* = (obs0 = 0.5, obs1 = -1, fixation = 1)",
                FixedPointStudy.describeInput(t, new float[]{0.5f, -1, 1}));
        StudyException e = assertThrows(StudyException.class, () -> FixedPointStudy.parseInput(t, "1,2"));
        assertEquals("fixed_points.input = '1,2' is not allowed: use rest, zero, or 3 comma-separated numbers (obs0, "
                + "obs1, fixation)", e.getMessage());
        e = assertThrows(StudyException.class, () -> FixedPointStudy.parseInput(t, "1,x,2"));
        assertTrue(e.getMessage().startsWith("fixed_points.input = '1,x,2' is not allowed"), e.getMessage());
    }

    @Test
    void pointsFoundAtTheRestingInputAreFixedPointsOfTheMapAtThatInput() {
        Experiment e = experiment("evidence-multitask", "model.activation=tanh");
        HiddenStates h = Probe.states(e, 32);
        FixedPointStudy.Result r = FixedPointStudy.run(e.network(), h,
                FixedPointStudy.defaultsFor(e).withInitialStates(64).withThreads(1));
        float[] rest = e.task().restingInput();
        assertArrayEquals(rest, r.points().input(), "the result records u*");
        Network net = e.network();
        int fixed = 0;
        for (int i = 0; i < r.points().count(); i++) {
            if (r.points().slow()[i]) {
                continue;
            }
            fixed++;
            float[] p = r.points().points()[i];
            assertTrue(residual(net, p, rest) < FIXED_TOL, "point " + i + ": F(h*, u*) = h*");
            assertTrue(residual(net, p, new float[rest.length]) > MOVED, "point " + i + " is not fixed at u = 0");
        }
        assertTrue(fixed >= 1, "a tanh network has a fixed point");
        assertEquals(AttractorSummary.of(r.points()), r.attractor());
    }

    /** max_i |F(h, u)_i - h_i|. */
    private static double residual(Network net, float[] h, float[] u) {
        float[] out = new float[h.length];
        net.cell().step(net.prepare().cell(), h, u, out);
        double m = 0;
        for (int i = 0; i < h.length; i++) {
            m = Math.max(m, Math.abs((double) out[i] - h[i]));
        }
        return m;
    }
}
