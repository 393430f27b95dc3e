package org.attractorlab.core.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.attractorlab.core.sweep.SweepSpec;
import org.junit.jupiter.api.Test;

/** The verdicts follow the numbers (synthetic cells, no training), and a scale's changes are merged as data. */
class ClaimVerdictsTest {
    private static final double[] LEARNED = {0.95, 0.96, 0.97};

    private static DisentangleReproducer.Cell cell(int tasks, double ood, double id) {
        return new DisentangleReproducer.Cell(2, tasks, new double[]{ood - 0.01, ood, ood + 0.01},
                new double[]{id - 0.01, id, id + 0.01}, LEARNED);
    }

    @Test
    void oodR2RisingInEveryPairOfNetworksAgreesDespiteAFarOutlierAFlatOneDiffersAndUntrainedNetworksTestNothing() {
        List<DisentangleReproducer.Cell> rising = List.of(cell(1, -0.5, 0.6), cell(2, 0.4, 0.9), cell(24, 0.85, 0.95));
        assertEquals(Verdict.AGREES, DisentangleReproducer.rises(rising, 2).verdict());
        assertEquals(Verdict.AGREES, DisentangleReproducer.approaches(rising, 2).verdict());
        // one network at one task far below the others: every pair still rises
        List<DisentangleReproducer.Cell> outlier = List.of(new DisentangleReproducer.Cell(2, 1,
                new double[]{-0.6, -5.5, -0.5}, new double[]{0.6, 0.5, 0.3}, LEARNED), cell(24, 0.85, 0.95));
        Claim up = DisentangleReproducer.rises(outlier, 2);
        assertEquals(Verdict.AGREES, up.verdict(), up.here());
        assertTrue(up.here().contains("9 of 9 pairs"), up.here());

        List<DisentangleReproducer.Cell> flat = List.of(cell(1, 0.5, 0.9), cell(24, 0.505, 0.9));
        Claim c = DisentangleReproducer.rises(flat, 2);
        assertEquals(Verdict.DIFFERS, c.verdict());
        assertTrue(c.here().contains("it differs: fewer than 90% of the pairs rise"), c.here());
        // the gap at 24 tasks is as large as at 1: it does not approach
        assertEquals(Verdict.DIFFERS, DisentangleReproducer.approaches(flat, 2).verdict());

        List<DisentangleReproducer.Cell> untrained = List.of(
                new DisentangleReproducer.Cell(2, 1, new double[]{0}, new double[]{0}, new double[]{0.5}),
                new DisentangleReproducer.Cell(2, 24, new double[]{1}, new double[]{1}, new double[]{0.5}));
        assertEquals(Verdict.NOT_TESTED_AT_SCALE, DisentangleReproducer.rises(untrained, 2).verdict());
    }

    @Test
    void anAttractorOfDimensionDAgreesAnotherDimensionDiffersAndNoLearnedNetworkTestsNothing() {
        assertEquals(Verdict.AGREES, DisentangleReproducer.attractor(new double[]{2, 2, 3}, new double[]{2, 2, 1}, 2)
                .verdict());
        Claim line = DisentangleReproducer.attractor(new double[]{1, 1, 2}, new double[]{1, 1, 2}, 2);
        assertEquals(Verdict.DIFFERS, line.verdict());
        assertTrue(line.here().contains("median count of eigenvalues within 0.05 of 1 1"), line.here());
        assertEquals(Verdict.NOT_TESTED_AT_SCALE, DisentangleReproducer.attractor(new double[0], new double[0], 2)
                .verdict());
    }

    private static DisentangleReproducer.Cell cell(int dims, int tasks, double ood, double id) {
        return new DisentangleReproducer.Cell(dims, tasks, new double[]{ood}, new double[]{id}, LEARNED);
    }

    @Test
    void largerDAgreesWhenEveryLargerDClosesItsGapOnceNTaskReachesDAndIsUntestedWithDTwoOnly() {
        List<DisentangleReproducer.Cell> closes = List.of(cell(2, 1, 0.2, 0.9), cell(2, 2, 0.85, 0.9),
                cell(3, 1, 0.1, 0.9), cell(3, 3, 0.85, 0.9), cell(4, 1, 0.0, 0.9), cell(4, 6, 0.8, 0.9));
        Claim c = DisentangleReproducer.largerD(closes, true);
        assertEquals(Verdict.AGREES, c.verdict(), c.here());
        assertTrue(c.here().startsWith("D = 3: ") && c.here().contains("D = 4: "), c.here());
        List<DisentangleReproducer.Cell> stays = List.of(cell(2, 1, 0.2, 0.9), cell(2, 2, 0.85, 0.9),
                cell(3, 1, 0.1, 0.9), cell(3, 3, 0.15, 0.9));
        assertEquals(Verdict.DIFFERS, DisentangleReproducer.largerD(stays, true).verdict());
        assertEquals(Verdict.NOT_TESTED_AT_SCALE, DisentangleReproducer.largerD(List.of(cell(2, 1, 0.2, 0.9),
                cell(2, 2, 0.85, 0.9)), true).verdict());
        assertEquals(Verdict.NOT_TESTED_AT_SCALE, DisentangleReproducer.largerD(closes, false).verdict());
    }

    @Test
    void theNBackClaimsFollowTheirThresholdsAndUntrainedNetworksTestNothing() {
        assertEquals(Verdict.AGREES, NBackReproducer.irrelevantDecodable(2, new double[]{0.3, 0.2},
                new double[]{0.5, 0.5}).verdict());
        assertEquals(Verdict.DIFFERS, NBackReproducer.irrelevantDecodable(2, new double[]{0.02, 0.05},
                new double[]{0.5, 0.5}).verdict());
        assertEquals(Verdict.NOT_TESTED_AT_SCALE, NBackReproducer.irrelevantDecodable(0, new double[0],
                new double[0]).verdict());
        assertEquals(Verdict.AGREES, NBackReproducer.lessOrthogonal(1, new double[]{0.4}).verdict());
        assertEquals(Verdict.DIFFERS, NBackReproducer.lessOrthogonal(2, new double[]{0.1, -0.3}).verdict());
        Claim none = NBackReproducer.lessOrthogonal(2, new double[0]);
        assertEquals(Verdict.NOT_TESTED_AT_SCALE, none.verdict());
        assertTrue(none.here().contains("orthogonalisation comparison did not apply"), none.here());
        assertEquals(Verdict.AGREES, NBackReproducer.crossTask(1, new double[]{0.25}).verdict());
        assertEquals(Verdict.DIFFERS, NBackReproducer.crossTask(1, new double[]{0.0}).verdict());
        Claim moves = NBackReproducer.chronological(1, new double[]{0.3}, new double[]{0.2}, new double[]{0.1},
                new double[]{0.0});
        assertEquals(Verdict.AGREES, moves.verdict());
        assertTrue(moves.here().contains("within memory: loses 0.10, the rotation gives +0.00 back"), moves.here());
        Claim noGain = NBackReproducer.chronological(1, new double[]{0.3}, new double[]{0.01}, new double[0],
                new double[0]);
        assertEquals(Verdict.DIFFERS, noGain.verdict());
        assertTrue(noGain.here().contains("the gain is below 0.05"), noGain.here());
    }

    @Test
    void aScaleReplacesSeedsMergesSetAndGridKeyByKeyAndRemovesAnAxisSetToNull() {
        ReproduceSpec spec = ReproduceSpec.parse("{\"name\": \"x\", \"description\": \"d\", \"paper\": \"p\", "
                + "\"sweeps\": {\"s\": {\"base\": \"flipflop-3bit\", \"grid\": {\"model.hidden_size\": [8, 16], "
                + "\"model.cell\": [\"vanilla\", \"gru\"]}, \"seeds\": 5, \"set\": {\"training.steps\": 100, "
                + "\"task.trial_steps\": 50}}}, \"scales\": {\"tiny\": {\"sweeps\": {\"s\": {\"grid\": {\"model.cell\": "
                + "null, \"model.hidden_size\": [4]}, \"seeds\": 1, \"set\": {\"training.steps\": 3}}}, "
                + "\"reductions\": [\"small\"]}, \"quick\": {}, \"full\": {}}}");
        SweepSpec tiny = spec.sweepSpecs(Scale.TINY).get("s");
        assertEquals(List.of("model.hidden_size"), List.copyOf(tiny.grid().keySet()));
        assertEquals(1, tiny.grid().get("model.hidden_size").size());
        assertEquals(List.of(1L), tiny.seeds());
        assertEquals(3, tiny.set().get("training.steps").asInt());
        assertEquals(50, tiny.set().get("task.trial_steps").asInt());
        SweepSpec full = spec.sweepSpecs(Scale.FULL).get("s");
        assertEquals(4 * 5, full.runCount());
        assertEquals(List.of("small"), spec.scales().get(Scale.TINY).reductions());
        assertTrue(spec.scales().get(Scale.FULL).reductions().isEmpty());

        ReproduceException e = assertThrows(ReproduceException.class, () -> ReproduceSpec.parse(
                "{\"name\": \"x\", \"description\": \"d\", \"paper\": \"p\", \"sweeps\": {\"s\": {}}, "
                        + "\"scales\": {\"tiny\": {\"sweeps\": {\"t\": {}}}, \"quick\": {}, \"full\": {}}}"));
        assertTrue(e.getMessage().contains("changes sweep 't', which is not one of [s]"), e.getMessage());
    }

    @Test
    void degeneracyAtFullScaleTrainsTheLargerNetworksAtASmallerCosineDecayedRateAndTheSmallerScalesDropTheZip() {
        ReproduceSpec spec = ReproduceSpec.load("degeneracy");
        var full = spec.sweepSpecs(Scale.FULL);
        assertEquals(320, full.values().stream().mapToLong(SweepSpec::runCount).sum());
        org.attractorlab.core.sweep.SweepPlan ff = org.attractorlab.core.sweep.SweepPlan.of(full.get("flipflop"));
        java.util.Map<Integer, java.util.Set<Double>> rates = new java.util.TreeMap<>();
        for (var p : ff.points()) {
            var c = ff.config(p);
            rates.computeIfAbsent(c.model().hiddenSize(), k -> new java.util.TreeSet<>())
                    .add(c.training().learningRate());
            assertEquals(org.attractorlab.core.train.LearningRateSchedule.COSINE, c.training().lrSchedule());
        }
        // the sample's 0.01 up to 64 units, 64/N of it above: at 0.01 no 256-unit flip-flop network fitted
        assertEquals(java.util.Map.of(32, java.util.Set.of(0.01), 64, java.util.Set.of(0.01),
                128, java.util.Set.of(0.005), 256, java.util.Set.of(0.0025)), rates);
        for (Scale s : List.of(Scale.TINY, Scale.QUICK)) {
            SweepSpec small = spec.sweepSpecs(s).get("flipflop");
            assertTrue(small.zip().isEmpty(), s.key() + " keeps a zip: " + small.zip());
            var plan = org.attractorlab.core.sweep.SweepPlan.of(small);
            assertTrue(plan.points().stream().allMatch(p -> plan.config(p).training().learningRate() == 0.01));
        }
    }

    @Test
    void everyShippedExperimentParsesAtEveryScaleAndTinyIsTheSmallest() {
        for (String name : ReproduceSpec.NAMES) {
            ReproduceSpec spec = ReproduceSpec.load(name);
            assertEquals(name, spec.name());
            long tiny = spec.sweepSpecs(Scale.TINY).values().stream().mapToLong(SweepSpec::runCount).sum();
            long quick = spec.sweepSpecs(Scale.QUICK).values().stream().mapToLong(SweepSpec::runCount).sum();
            long full = spec.sweepSpecs(Scale.FULL).values().stream().mapToLong(SweepSpec::runCount).sum();
            assertTrue(tiny <= quick && quick <= full, name + ": " + tiny + ", " + quick + ", " + full + " runs");
            for (Scale s : List.of(Scale.TINY, Scale.QUICK, Scale.FULL)) {
                assertFalse(spec.scales().get(s).reductions().isEmpty(), name + " " + s.key() + " says no reduction");
            }
        }
    }
}
