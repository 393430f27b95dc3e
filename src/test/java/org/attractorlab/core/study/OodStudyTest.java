package org.attractorlab.core.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.analysis.decode.OodQuadrantResult;
import org.attractorlab.core.task.ConditionTable;
import org.attractorlab.core.task.EvidenceMultitaskOptions;
import org.attractorlab.core.task.EvidenceMultitaskTask;
import org.attractorlab.core.task.TrialBatch;
import org.junit.jupiter.api.Test;

/** The OOD quadrant test for D &gt; 2: every latent decoded, each of the 2^D orthants held out. */
class OodStudyTest {
    private static final int TRIALS = 800;
    private static final int UNITS = 128;
    /** r^2 of a linear code with noise std 0.01 against a latent std of 0.29. */
    private static final double LINEAR_R2 = 0.99;
    /** Required gap between in-distribution and OOD r^2 of the curved code (at least 0.35 over 10 seeds). */
    private static final double CURVED_GAP = 0.25;
    /** In-distribution r^2 of the curved code (at least 0.90 over 10 seeds). */
    private static final double CURVED_IN_DISTRIBUTION = 0.85;

    /** A D = 3 evidence batch (raw inputs, 2 steps of stimulus). */
    private static TrialBatch batch(int trials, long seed) {
        EvidenceMultitaskTask task = new EvidenceMultitaskTask(
                new EvidenceMultitaskOptions(3, 4, 0.2, 1, 2, 1, 8, 8, true, 1L, 100));
        return task.sample(trials, new SplittableRandom(seed));
    }

    /**
     * States over 2 steps: noise at step 0; at the last step a code of x* plus noise std 0.01. Linear: M x* with M a
     * random Gaussian [UNITS, 3]. Curved: tanh(12 M phi(x*)), phi = (x, 4 x_i^2, 4 x_i x_j), M [UNITS, 9].
     */
    private static HiddenStates states(TrialBatch b, boolean curved, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int features = curved ? 9 : 3;
        double[][] m = new double[UNITS][features];
        for (double[] row : m) {
            for (int j = 0; j < features; j++) {
                row[j] = r.nextGaussian();
            }
        }
        ConditionTable c = b.conditions();
        int steps = 2;
        float[] h = new float[b.trials() * steps * UNITS];
        for (int t = 0; t < b.trials(); t++) {
            double x = c.get(t, "x0");
            double y = c.get(t, "x1");
            double z = c.get(t, "x2");
            double[] phi = curved ? new double[]{x, y, z, 4 * x * x, 4 * y * y, 4 * z * z, 4 * x * y, 4 * x * z,
                    4 * y * z} : new double[]{x, y, z};
            for (int k = 0; k < UNITS; k++) {
                double s = 0;
                for (int j = 0; j < features; j++) {
                    s += m[k][j] * phi[j];
                }
                h[(t * steps) * UNITS + k] = (float) (0.01 * r.nextGaussian());
                h[(t * steps + 1) * UNITS + k] = (float) ((curved ? Math.tanh(12 * s) : s) + 0.01 * r.nextGaussian());
            }
        }
        return HiddenStates.external(b.trials(), steps, UNITS, h, c);
    }

    @Test
    void defaultsDecodeEveryLatentOfTheTable() {
        HiddenStates h = states(batch(64, 1), false, 2);
        assertEquals(List.of("x0", "x1", "x2"), OodStudy.defaultsFor(h).latentColumns());
        assertEquals(List.of("x0", "x1", "x2"), OodStudy.latentColumns(h.conditions()));
        assertTrue(OodStudy.appliesTo(h.conditions()));
        assertEquals(List.of("x0", "x1"), OodStudy.defaultsFor(StudiesTest.states("evidence-multitask"))
                .latentColumns(), "D = 2 by default");
        assertEquals(false, OodStudy.appliesTo(StudiesTest.states("flipflop").conditions()));
    }

    @Test
    void linearCodeOfThreeLatentsGeneralisesToEachOfTheEightHeldOutOrthants() {
        HiddenStates h = states(batch(TRIALS, 3), false, 4);
        OodStudy.Result r = OodStudy.run(h, OodStudy.defaultsFor(h));
        OodQuadrantResult ood = r.ood();
        assertArrayEquals(new double[]{0, 1, 2, 3, 4, 5, 6, 7}, ood.quadrants());
        assertEquals(List.of("x0", "x1", "x2"), ood.latentColumns());
        assertEquals("(+,+,+)", r.quadrantLabels().get(0));
        assertEquals("(-,+,-)", r.quadrantLabels().get(5));
        for (int q = 0; q < 8; q++) {
            for (int d = 0; d < 3; d++) {
                assertTrue(ood.ood(q, d) > LINEAR_R2, "orthant " + q + " latent " + d + ": " + ood.ood(q, d));
            }
        }
        for (int d = 0; d < 3; d++) {
            assertTrue(ood.inDistribution(d) > LINEAR_R2, "x" + d + ": " + ood.inDistribution(d));
        }
    }

    @Test
    void curvedCodeOfThreeLatentsFailsOnHeldOutOrthantsButNotInDistribution() {
        for (long seed = 5; seed < 7; seed++) {
            HiddenStates h = states(batch(TRIALS, seed), true, seed + 10);
            OodQuadrantResult ood = OodStudy.run(h, OodStudy.defaultsFor(h)).ood();
            assertEquals(8 * 3, ood.oodR2().length);
            assertTrue(ood.meanInDistribution() > CURVED_IN_DISTRIBUTION, "seed " + seed + ": " + ood.meanInDistribution());
            assertTrue(ood.meanOod() < ood.meanInDistribution() - CURVED_GAP,
                    "seed " + seed + ": OOD " + ood.meanOod() + " vs in-distribution " + ood.meanInDistribution());
        }
    }

    @Test
    void anOrthantWithTooFewTrialsIsRefusedNamingItAndTheRemedy() {
        // 12 trials cannot fill 8 orthants with two each
        HiddenStates h = states(batch(12, 7), false, 8);
        StudyException e = assertThrows(StudyException.class, () -> OodStudy.run(h, OodStudy.defaultsFor(h)));
        assertTrue(e.getMessage().matches("ood\\.quadrant_column: the orthant \\([+-],[+-],[+-]\\) has [01] trials?; the "
                + "test holds out each of the 2\\^3 = 8 orthants and needs at least 2 trials in each: use more "
                + "trials"), e.getMessage());
    }
}
