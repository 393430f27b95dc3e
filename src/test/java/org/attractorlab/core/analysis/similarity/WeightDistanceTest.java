package org.attractorlab.core.analysis.similarity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.Experiment;
import org.attractorlab.core.model.Network;
import org.attractorlab.core.study.Probe;
import org.attractorlab.core.task.TrialBatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WeightDistanceTest {
    /** Float rounding of a forward pass whose sums run in another order. */
    private static final double STATES = 1e-4;

    private static Experiment trained;
    private static TrialBatch probe;

    @BeforeAll
    static void trainASmallFlipFlop() {
        trained = Experiment.create(ConfigLoader.standard().load(Path.of("samples/flipflop-3bit.json"),
                List.of("model.hidden_size=24", "training.steps=300", "task.trial_steps=60")));
        trained.trainer().train(s -> { }, null, () -> false);
        probe = Probe.batch(trained, 64);
    }

    @Test
    void aPermutedUnitCopyIsTheSameNetworkAtWeightDistanceZeroAfterMatchingAndNotBefore() {
        Network a = trained.network();
        int[] sigma = PermutedNetworks.derangement(a.hiddenSize(), 5);
        Network b = PermutedNetworks.permuted(a, sigma);
        HiddenStates ha = Probe.states(a, probe);
        HiddenStates hb = Probe.states(b, probe);
        for (int i = 0; i < ha.outputs().length; i++) {
            assertEquals(ha.outputs()[i], hb.outputs()[i], STATES, "the copy computes the same outputs");
        }
        for (SharedStates.UnitCost cost : SharedStates.UnitCost.values()) {
            int[] match = SharedStates.matchUnits(ha, hb, cost);
            // unit i of b is unit sigma[i] of a, so unit k of a is matched with the unit i of b with sigma[i] = k
            for (int i = 0; i < sigma.length; i++) {
                assertEquals(i, match[sigma[i]], cost + ": unit " + sigma[i] + " of a");
            }
            WeightDistance d = WeightDistance.compute(a, b, match);
            assertEquals(0, d.recurrent(), 0, cost + ": the matched weights are the same numbers");
            assertEquals(0, d.input(), 0);
            assertEquals(0, d.readout(), 0);
            assertTrue(d.recurrentBefore() > 0.5, "unmatched, the recurrent weights differ: " + d.recurrentBefore());
        }
    }

    @Test
    void theDistanceIsTheFrobeniusNormOfTheDifferenceOverTheGeometricMeanOfTheNorms() {
        float[] a = {3, 0, 0, 4};
        float[] b = {0, 0, 0, 4};
        // ||a - b|| = 3, ||a|| = 5, ||b|| = 4
        assertEquals(3 / Math.sqrt(20), WeightDistance.distance(a, b), 1e-12);
        assertEquals(WeightDistance.distance(b, a), WeightDistance.distance(a, b), 1e-15);
        float[] a2 = {6, 0, 0, 8};
        float[] b2 = {0, 0, 0, 8};
        assertEquals(WeightDistance.distance(a, b), WeightDistance.distance(a2, b2), 1e-12, "blind to a common scale");
        assertEquals(0, WeightDistance.distance(new float[2], new float[2]));
    }

    @Test
    void permutingRowsWithinGateBlocksAndColumnsFollowsTheMatching() {
        // two gate blocks of 2 units, 3 columns
        float[] w = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        int[] sigma = {1, 0};
        assertArrayEquals(new float[]{4, 5, 6, 1, 2, 3, 10, 11, 12, 7, 8, 9},
                WeightDistance.permuteRowsInBlocks(w, 2, 2, 3, sigma));
        assertArrayEquals(new float[]{2, 1, 4, 3}, WeightDistance.permuteColumns(new float[]{1, 2, 3, 4}, 2, 2, sigma));
    }

    @Test
    void networksOfDifferentSizesAndAMatchingThatIsNotAPermutationAreRefused() {
        Network a = trained.network();
        Network small = Experiment.create(ConfigLoader.standard().load(Path.of("samples/flipflop-3bit.json"),
                List.of("model.hidden_size=8"))).network();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WeightDistance.compute(a, small, new int[24]));
        assertTrue(e.getMessage().contains("24 x 24") && e.getMessage().contains("8 x 8"), e.getMessage());
        int[] twice = new int[24];
        assertThrows(IllegalArgumentException.class, () -> WeightDistance.compute(a, a, twice));
    }
}
