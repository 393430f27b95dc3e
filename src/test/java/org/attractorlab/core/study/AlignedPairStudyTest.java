package org.attractorlab.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.Experiment;
import org.attractorlab.core.run.TrainedRun;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AlignedPairStudyTest {
    /** Float32 states and scores: a rotated copy aligns to rounding, relative to the states' spread. */
    private static final double ROTATED = 1e-4;
    /** Unrelated states of the same spread are far from any rotation of each other. */
    private static final double UNRELATED = 0.5;

    private static Experiment experiment;
    private static HiddenStates states;

    @BeforeAll
    static void probeAnUntrainedFlipFlop() {
        experiment = Experiment.create(ConfigLoader.standard().load(Path.of("samples/flipflop-3bit.json"),
                List.of("model.hidden_size=12", "task.trial_steps=30", "seed=4")));
        states = Probe.states(experiment, 24);
    }

    /** h with every state multiplied by m [p, q] (a rotation when square and orthogonal), plus an offset. */
    private static HiddenStates times(HiddenStates h, DMatrixRMaj m, double offset) {
        int p = h.units();
        int q = m.numCols;
        int rows = h.trials() * h.steps();
        float[] x = new float[rows * q];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < q; j++) {
                double v = offset;
                for (int i = 0; i < p; i++) {
                    v += h.states()[r * p + i] * m.get(i, j);
                }
                x[r * q + j] = (float) v;
            }
        }
        return HiddenStates.external(h.trials(), h.steps(), q, x, h.conditions());
    }

    private static double maxAbsDifference(float[] x, float[] y) {
        double worst = 0;
        double scale = 0;
        for (int i = 0; i < x.length; i++) {
            worst = Math.max(worst, Math.abs(x[i] - y[i]));
            scale = Math.max(scale, Math.abs(x[i]));
        }
        return worst / scale;
    }

    @Test
    void aRunAgainstARotatedCopyOfItsOwnStatesAlignsToResidualZeroAndTheSameTrajectories() {
        DMatrixRMaj q = RandomMatrices_DDRM.orthogonal(12, 12, new Random(5));
        AlignedPairStudy.Result r = AlignedPairStudy.run("a", states, "a-rotated", times(states, q, 0.7),
                new AlignedPairStudy.Settings(24, 3));
        assertEquals(0, r.residual(), ROTATED);
        assertEquals(12, r.alignedDimensions(), "one size: the whole state space");
        assertEquals(3, r.components());
        assertEquals(24 * 30 * 3, r.a().length);
        assertEquals(0, maxAbsDifference(r.a(), r.b()), ROTATED, "B's aligned trajectories are A's");
        for (int i = 0; i < 3; i++) {
            assertEquals(r.varianceRatioA()[i], r.varianceRatioB()[i], ROTATED);
        }
        assertTrue(r.varianceRatioA()[0] >= r.varianceRatioA()[1] && r.varianceRatioA()[1] >= r.varianceRatioA()[2],
                "A's own PCs, in order of variance");
        assertTrue(r.summary().startsWith("a-rotated aligned to a in 12 PC dimensions: residual 0.0000"),
                r.summary());
    }

    @Test
    void statesEmbeddedInMoreUnitsAlignInTheSmallerNetworksPcSpace() {
        // 12 units carried into 15 by a map with orthonormal rows: the same geometry in a larger space
        DMatrixRMaj q = RandomMatrices_DDRM.orthogonal(15, 12, new Random(6));
        DMatrixRMaj embed = new DMatrixRMaj(12, 15);
        org.ejml.dense.row.CommonOps_DDRM.transpose(q, embed);
        AlignedPairStudy.Result r = AlignedPairStudy.run("a", states, "wide", times(states, embed, -0.2),
                new AlignedPairStudy.Settings(24, 3));
        assertEquals(12, r.alignedDimensions(), "k = min(12, 15)");
        assertEquals(0, r.residual(), ROTATED);
        AlignedPairStudy.Result back = AlignedPairStudy.run("wide", times(states, embed, -0.2), "a", states,
                new AlignedPairStudy.Settings(24, 3));
        assertEquals(0, back.residual(), ROTATED, "either way round");
    }

    @Test
    void unrelatedStatesLeaveAClearResidualAndTheNetworkOverloadAlignsACopyExactly() {
        Random rng = new Random(7);
        float[] x = new float[states.states().length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        HiddenStates noise = HiddenStates.external(24, 30, 12, x, states.conditions());
        double residual = AlignedPairStudy.run("a", states, "noise", noise, new AlignedPairStudy.Settings(24, 3))
                .residual();
        assertTrue(residual > UNRELATED, "unrelated states: " + residual);
        assertEquals(SimilarityStudy.run(states, noise, SimilarityStudy.defaultsFor(states)).procrustes(), residual,
                ROTATED, "one size: the residual is the Procrustes shape distance of the states");

        DegeneracyStudy.Member a = new DegeneracyStudy.Member("a", new TrainedRun(null, experiment, -1), Map.of());
        Experiment copy = new Experiment(experiment.config(), experiment.task(), experiment.network().copy(),
                experiment.loss());
        DegeneracyStudy.Member b = new DegeneracyStudy.Member("b", new TrainedRun(null, copy, -1), Map.of());
        AlignedPairStudy.Result r = AlignedPairStudy.run(a, b, AlignedPairStudy.defaultsFor(a, b).withTrials(16));
        assertEquals(0, r.residual(), ROTATED);
        assertEquals(16, r.trials());
        assertEquals(16, r.conditions().rows());
    }

    @Test
    void badSettingsAndStatesOfOtherTrialsAreRefusedNamingThem() {
        StudyException e = assertThrows(StudyException.class, () -> new AlignedPairStudy.Settings(16, 4));
        assertTrue(e.getMessage().contains("aligned_pair.components") && e.getMessage().contains("4"),
                e.getMessage());
        HiddenStates fewer = states.trials(new int[]{0, 1, 2});
        e = assertThrows(StudyException.class, () -> AlignedPairStudy.run("a", states, "b", fewer,
                new AlignedPairStudy.Settings(24, 3)));
        assertTrue(e.getMessage().contains("a and b cover different trials"), e.getMessage());
    }
}
