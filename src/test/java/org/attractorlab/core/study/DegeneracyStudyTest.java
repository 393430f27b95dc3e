package org.attractorlab.core.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.analysis.similarity.PermutedNetworks;
import org.attractorlab.core.task.ConditionTable;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.Experiment;
import org.attractorlab.core.io.DType;
import org.attractorlab.core.io.NdArray;
import org.attractorlab.core.io.Npy;
import org.attractorlab.core.model.Network;
import org.attractorlab.core.run.TrainedRun;
import org.attractorlab.core.study.DegeneracyStudy.Level;
import org.attractorlab.core.study.DegeneracyStudy.Measure;
import org.attractorlab.core.study.DegeneracyStudy.Member;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DegeneracyStudyTest {
    /** A network against its exact copy: the same numbers through the same arithmetic. */
    private static final double COPY = 1e-9;
    /** A permuted-unit copy: the same network, its sums in another order (float32 states). */
    private static final double PERMUTED = 1e-4;
    /** DSA of a network and its copy: the identity is optimal, up to the optimiser's and arccos's rounding. */
    private static final double DSA_COPY = 1e-3;
    /** Two networks trained from different seeds differ clearly at every level. */
    private static final double DIFFERENT = 1e-3;
    /** RDM ranks of a rotated copy: float32 states, distances equal to ~1e-7, well apart from one another. */
    private static final double RDM_ROTATED = 1e-12;
    /** The RDM distance of hand-computed ranks: exact arithmetic on small integers. */
    private static final double RDM_EXACT = 1e-12;

    private static Member a;
    private static Member b;
    private static Member big;
    private static Member copyOfA;
    private static Member permutedA;

    @TempDir
    Path tmp;

    private static Experiment trained(String... overrides) {
        List<String> o = new ArrayList<>(List.of("training.steps=200", "task.trial_steps=50"));
        o.addAll(List.of(overrides));
        Experiment e = Experiment.create(ConfigLoader.standard().load(Path.of("samples/flipflop-3bit.json"), o));
        e.trainer().train(s -> { }, null, () -> false);
        return e;
    }

    private static Member member(String name, Experiment e) {
        return new Member(name, new TrainedRun(null, e, -1), Map.of());
    }

    private static Member withNetwork(String name, Member m, Network n) {
        Experiment e = m.run().experiment();
        return member(name, new Experiment(e.config(), e.task(), n, e.loss()));
    }

    @BeforeAll
    static void trainThreeFlipFlops() {
        a = member("a", trained("model.hidden_size=16", "seed=1"));
        b = member("b", trained("model.hidden_size=16", "seed=2"));
        big = member("big", trained("model.hidden_size=24", "seed=3"));
        Network n = a.run().experiment().network();
        copyOfA = withNetwork("a-copy", a, n.copy());
        permutedA = withNetwork("a-permuted", a, PermutedNetworks.permuted(n, PermutedNetworks.derangement(16, 9)));
    }

    private static DegeneracyStudy.Settings without(Level... left) {
        EnumSet<Level> levels = EnumSet.allOf(Level.class);
        for (Level l : left) {
            levels.remove(l);
        }
        return DegeneracyStudy.defaultsFor(List.of()).withLevels(levels).withTrials(32);
    }

    private static void assertSymmetricWithZeroDiagonal(DegeneracyStudy.MeasureResult m) {
        for (int i = 0; i < m.size(); i++) {
            assertEquals(0, m.distance(i, i), 0, m.measure() + " diagonal");
            for (int j = 0; j < m.size(); j++) {
                assertEquals(m.distance(i, j), m.distance(j, i), 0, m.measure() + " symmetric");
            }
        }
    }

    @Test
    void aNetworkAndItsCopyAreAtDistanceZeroAtBehaviourRepresentationAndWeights() {
        DegeneracyStudy.Result r = DegeneracyStudy.run(List.of(a, copyOfA, b), without(Level.DYNAMICS));
        assertEquals(List.of(Measure.BEHAVIOUR, Measure.REPRESENTATION_CKA, Measure.REPRESENTATION_PROCRUSTES,
                Measure.REPRESENTATION_RDM, Measure.WEIGHTS), r.measures().stream().map(DegeneracyStudy.MeasureResult::measure).toList());
        for (DegeneracyStudy.MeasureResult m : r.measures()) {
            assertSymmetricWithZeroDiagonal(m);
            double tolerance = m.measure() == Measure.REPRESENTATION_PROCRUSTES ? 1e-6 : COPY;
            assertEquals(0, m.distance(0, 1), tolerance, m.measure() + ": a network and its copy");
            assertTrue(m.distance(0, 2) > DIFFERENT, m.measure() + ": two seeds, " + m.distance(0, 2));
            assertEquals(m.distance(0, 2), m.distance(1, 2), 1e-6, m.measure() + ": the copy is as far from b");
        }
        assertEquals(List.of("a", "a-copy", "b"), r.names());
        assertTrue(r.summary().startsWith("3 networks of flipflop on 32 probe trials: behaviour "), r.summary());
    }

    @Test
    void aPermutedUnitCopyIsTheSameNetworkAtEveryLevelButOnlyAfterMatchingAtTheWeights() {
        DegeneracyStudy.Result r = DegeneracyStudy.run(List.of(a, permutedA), without(Level.DYNAMICS));
        assertEquals(0, r.measure(Measure.BEHAVIOUR).distance(0, 1), PERMUTED);
        assertEquals(0, r.measure(Measure.REPRESENTATION_CKA).distance(0, 1), PERMUTED, "CKA is blind to the order");
        assertEquals(0, r.measure(Measure.REPRESENTATION_RDM).distance(0, 1), PERMUTED, "and so are the RDMs");
        assertEquals(0, r.measure(Measure.WEIGHTS).distance(0, 1), 0, "the matched weights are the same numbers");
        float[] wa = org.attractorlab.core.analysis.similarity.WeightDistance.recurrentWeights(
                a.run().experiment().network());
        float[] wp = org.attractorlab.core.analysis.similarity.WeightDistance.recurrentWeights(
                permutedA.run().experiment().network());
        assertTrue(org.attractorlab.core.analysis.similarity.WeightDistance.distance(wa, wp) > 0.5,
                "before matching the recurrent weights differ");
    }

    @Test
    void theDynamicsOfANetworkAndItsCopyAreAtDistanceZeroAndOfAnotherSeedNot() {
        DegeneracyStudy.Result r = DegeneracyStudy.run(List.of(a, copyOfA, b),
                DegeneracyStudy.defaultsFor(List.of()).withLevels(EnumSet.of(Level.DYNAMICS)).withTrials(32));
        DegeneracyStudy.MeasureResult d = r.measure(Measure.DYNAMICS);
        assertSymmetricWithZeroDiagonal(d);
        assertEquals(0, d.distance(0, 1), DSA_COPY, "DSA of a network and its copy");
        assertTrue(d.distance(0, 2) > 10 * DSA_COPY, "DSA of two seeds: " + d.distance(0, 2));
        assertTrue(d.distance(0, 2) <= Math.PI, "an angle");
    }

    @Test
    void theScoreIsTheMeanOfThePairwiseDistancesWithTheirSpreadAndTheMdsReproducesThem() {
        DegeneracyStudy.Result r = DegeneracyStudy.run(List.of(a, b, big),
                without(Level.DYNAMICS, Level.WEIGHTS));
        DegeneracyStudy.MeasureResult m = r.measure(Measure.REPRESENTATION_CKA);
        double[] pairs = {m.distance(0, 1), m.distance(0, 2), m.distance(1, 2)};
        double mean = (pairs[0] + pairs[1] + pairs[2]) / 3;
        double var = 0;
        for (double p : pairs) {
            var += (p - mean) * (p - mean) / 3;
        }
        assertEquals(mean, m.score().mean(), 1e-12);
        assertEquals(Math.sqrt(var), m.score().spread(), 1e-12);
        assertEquals(3, m.score().networks());
        assertEquals(3, m.score().pairs());
        // the Procrustes shape distance is a metric: three networks embed in the plane exactly
        DegeneracyStudy.MeasureResult p = r.measure(Measure.REPRESENTATION_PROCRUSTES);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double e = Math.hypot(p.mds().coordinate(i, 0) - p.mds().coordinate(j, 0),
                        p.mds().coordinate(i, 1) - p.mds().coordinate(j, 1));
                assertEquals(p.distance(i, j), e, 1e-9, "MDS distance " + i + "-" + j);
            }
        }
    }

    @Test
    void anOutOfDistributionBatchGivesASecondBehaviourMatrix() {
        DegeneracyStudy.Result r = DegeneracyStudy.run(List.of(a, copyOfA, b), without(Level.DYNAMICS,
                Level.REPRESENTATION, Level.WEIGHTS).withOod(List.of("task.trial_steps=120",
                "task.pulse_probability=0.1")));
        DegeneracyStudy.MeasureResult shared = r.measure(Measure.BEHAVIOUR);
        DegeneracyStudy.MeasureResult ood = r.measure(Measure.BEHAVIOUR_OOD);
        assertNotNull(ood);
        assertEquals(0, ood.distance(0, 1), COPY);
        assertTrue(ood.distance(0, 2) > DIFFERENT);
        assertTrue(Math.abs(ood.distance(0, 2) - shared.distance(0, 2)) > 1e-6, "another batch, another distance");
    }

    @Test
    void groupingByAConfigKeyScoresEachGroupAndComparesWeightsWithinGroupsOnly() throws IOException {
        Member bigCopy = withNetwork("big-copy", big, big.run().experiment().network().copy());
        List<Member> members = List.of(a, big, b, bigCopy);
        DegeneracyStudy.Result r = DegeneracyStudy.run(members, without(Level.DYNAMICS)
                .withGroupBy("model.hidden_size"));
        assertEquals(List.of("16", "24", "16", "24"), r.groups());
        assertEquals(List.of("16", "24"), r.groupValues());
        assertEquals(2 * 5, r.groupScore().size(), "one score per group and matrix");
        DegeneracyStudy.MeasureResult w = r.measure(Measure.WEIGHTS);
        assertTrue(Double.isNaN(w.distance(0, 1)), "16 and 24 units: no weight distance");
        assertEquals(0, w.distance(1, 3), COPY);
        assertTrue(w.distance(0, 2) > DIFFERENT);
        assertEquals(2, w.score().pairs(), "the two pairs within the groups");
        assertNull(w.mds(), "an incomplete matrix is not embedded");
        for (DegeneracyStudy.GroupScore g : r.groupScore()) {
            assertEquals(2, g.score().networks());
            assertEquals(1, g.score().pairs());
            double expected = g.group().equals("16") ? r.measure(g.measure()).distance(0, 2)
                    : r.measure(g.measure()).distance(1, 3);
            assertEquals(expected, g.score().mean(), 1e-15, g.group() + " " + g.measure());
        }

        List<Path> files = StudyFiles.degeneracy(tmp, r);
        for (String f : List.of("distances_behaviour.npy", "distances_representation_cka.npy",
                "distances_representation_procrustes.npy", "distances_representation_rdm.npy", "distances_weights.npy",
                "mds_behaviour.csv",
                "networks.csv", "degeneracy.csv")) {
            assertTrue(files.contains(tmp.resolve(f)) && Files.isRegularFile(tmp.resolve(f)), f);
        }
        assertTrue(!Files.exists(tmp.resolve("mds_weights.csv")), "no embedding of an incomplete matrix");
        NdArray d = Npy.read(tmp.resolve("distances_behaviour.npy"));
        assertEquals(DType.FLOAT64, d.dtype());
        assertArrayEquals(new int[]{4, 4}, d.shape());
        assertArrayEquals(r.measure(Measure.BEHAVIOUR).distances(), d.doubles());
        assertEquals(List.of("index,run,model.hidden_size", "0,a,16", "1,big,24", "2,b,16", "3,big-copy,24"),
                Files.readAllLines(tmp.resolve("networks.csv")));
        List<String> scores = Files.readAllLines(tmp.resolve("degeneracy.csv"));
        assertEquals("model.hidden_size,level,score,spread,n,pairs", scores.get(0));
        assertEquals(1 + 5 + 10, scores.size(), "five matrices over all networks, then two groups of five");
        assertTrue(scores.get(1).startsWith(",behaviour,"), scores.get(1));
        assertTrue(scores.contains("24,weights,0.0,0.0,2,1"), scores.toString());
        List<String> mds = Files.readAllLines(tmp.resolve("mds_behaviour.csv"));
        assertEquals("run,x,y", mds.get(0));
        assertEquals(5, mds.size());
    }

    @Test
    void regroupingScoresTheSameMatricesPerAnotherAxisAsARunWithThatGroupingWould() {
        Member bigCopy = withNetwork("big-copy", big, big.run().experiment().network().copy());
        List<Member> members = List.of(a, big, b, bigCopy);
        java.util.Set<Level> three = java.util.EnumSet.of(Level.BEHAVIOUR, Level.DYNAMICS, Level.REPRESENTATION);
        // as the degeneracy reproduction does: every level by size once, then by another axis from its matrices
        DegeneracyStudy.Result once = DegeneracyStudy.run(members, without().withGroupBy("model.hidden_size"));
        DegeneracyStudy.Result regrouped = DegeneracyStudy.regroup(once, members, "seed", three);
        DegeneracyStudy.Result direct = DegeneracyStudy.run(members, without().withLevels(three).withGroupBy("seed"));
        assertEquals(direct.settings(), regrouped.settings());
        assertEquals(direct.groups(), regrouped.groups());
        assertEquals(direct.measures().stream().map(DegeneracyStudy.MeasureResult::measure).toList(),
                regrouped.measures().stream().map(DegeneracyStudy.MeasureResult::measure).toList());
        for (int k = 0; k < direct.measures().size(); k++) {
            assertArrayEquals(direct.measures().get(k).distances(), regrouped.measures().get(k).distances(),
                    direct.measures().get(k).measure().key());
        }
        assertEquals(direct.groupScore(), regrouped.groupScore());
        assertEquals(direct.summary(), regrouped.summary());
        assertEquals(List.of("1", "3", "2"), regrouped.groupValues());
        assertEquals(5, regrouped.measures().size(), "behaviour, dynamics and three representation matrices");

        StudyException w = assertThrows(StudyException.class, () -> DegeneracyStudy.regroup(once, members,
                "model.hidden_size", java.util.EnumSet.of(Level.WEIGHTS)));
        assertTrue(w.getMessage().contains("weights") && w.getMessage().contains("group"), w.getMessage());
        StudyException order = assertThrows(StudyException.class, () -> DegeneracyStudy.regroup(once,
                List.of(big, a, b, bigCopy), "seed", three));
        assertTrue(order.getMessage().contains("in its order"), order.getMessage());
        DegeneracyStudy.Result behaviourOnly = DegeneracyStudy.run(members, without(Level.DYNAMICS,
                Level.REPRESENTATION, Level.WEIGHTS));
        StudyException missing = assertThrows(StudyException.class, () -> DegeneracyStudy.regroup(behaviourOnly,
                members, "seed", three));
        assertTrue(missing.getMessage().contains("dynamics"), missing.getMessage());
    }

    /**
     * States of one step with one trial per condition (column {@code c} = 0, 1, ...): the condition patterns are the
     * rows of {@code patterns} [conditions][units].
     */
    private static HiddenStates patterns(double[][] patterns) {
        int c = patterns.length;
        int p = patterns[0].length;
        float[] x = new float[c * p];
        double[] column = new double[c];
        for (int i = 0; i < c; i++) {
            column[i] = i;
            for (int k = 0; k < p; k++) {
                x[i * p + k] = (float) patterns[i][k];
            }
        }
        return HiddenStates.external(c, 1, p, x, new ConditionTable(List.of("c"), new double[][]{column}));
    }

    @Test
    void theRdmDistanceOfANetworkToItselfAndToARotatedCopyOfItsStatesIsZero() {
        java.util.Random rng = new java.util.Random(13);
        double[][] x = new double[8][5];
        for (double[] row : x) {
            for (int k = 0; k < row.length; k++) {
                row[k] = rng.nextGaussian();
            }
        }
        DMatrixRMaj q = RandomMatrices_DDRM.orthogonal(5, 5, rng);
        double[][] rotated = new double[8][5];
        for (int i = 0; i < 8; i++) {
            for (int k = 0; k < 5; k++) {
                double v = 3.0;   // a translation too
                for (int m = 0; m < 5; m++) {
                    v += x[i][m] * q.get(m, k);
                }
                rotated[i][k] = v;
            }
        }
        double[] d = DegeneracyStudy.representationRdm(List.of(patterns(x), patterns(x), patterns(rotated)));
        assertEquals(0, d[1], 0, "a network and itself");
        assertEquals(0, d[2], RDM_ROTATED, "a rotated and translated copy of its states");
        assertEquals(0, d[0], 0, "diagonal");
        assertEquals(d[2], d[6], 0, "symmetric");
    }

    @Test
    void theRdmDistanceIsOneMinusSpearmanOfTheUpperTriangles() {
        // conditions on a line: a at 0, 1, 3 (distances 1, 3, 2: ranks 1, 3, 2); b at 0, 2, 3 (2, 3, 1);
        // c at 0, 3, 1 (3, 1, 2: ranks reversed against a); rho(a, b) = 1/2, rho(a, c) = -1
        HiddenStates a = patterns(new double[][]{{0}, {1}, {3}});
        HiddenStates b = patterns(new double[][]{{0}, {2}, {3}});
        HiddenStates c = patterns(new double[][]{{0}, {3}, {1}});
        double[] d = DegeneracyStudy.representationRdm(List.of(a, b, c));
        assertEquals(0.5, d[1], RDM_EXACT, "1 - 1/2");
        assertEquals(2, d[2], RDM_EXACT, "1 - (-1): the order of the distances reversed");
        double rhoBc = org.attractorlab.core.analysis.rsa.RdmComparison.spearman(new double[]{2, 3, 1},
                new double[]{3, 1, 2});
        assertEquals(1 - rhoBc, d[5], RDM_EXACT, "b against c");
        assertEquals(1.5, d[5], RDM_EXACT, "ranks (2, 3, 1) against (3, 1, 2): rho = -1/2");
    }

    @Test
    void degeneracyNeedsAtLeastTwoNetworks() {
        StudyException e = assertThrows(StudyException.class, () -> DegeneracyStudy.run(List.of(a), without()));
        assertEquals("degeneracy needs at least two networks, got one (a)", e.getMessage());
    }

    @Test
    void networksOfDifferentTasksOrInputsAreRefusedNamingBoth() {
        Member sine = member("sine", Experiment.create(ConfigLoader.standard().load(Path.of("samples/sine-wave.json"),
                List.of("model.hidden_size=16"))));
        StudyException tasks = assertThrows(StudyException.class,
                () -> DegeneracyStudy.run(List.of(a, sine), without()));
        assertTrue(tasks.getMessage().contains("a solves flipflop and sine solves sine"), tasks.getMessage());
        Member twoBits = member("two-bits", Experiment.create(ConfigLoader.standard().load(
                Path.of("samples/flipflop-3bit.json"), List.of("model.hidden_size=16", "task.bits=2"))));
        StudyException inputs = assertThrows(StudyException.class,
                () -> DegeneracyStudy.run(List.of(a, twoBits), without()));
        assertTrue(inputs.getMessage().contains("a takes 3 and two-bits takes 2"), inputs.getMessage());
    }

    @Test
    void aNetworkWithStatesThatAreNotFiniteIsNamed() {
        Network broken = b.run().experiment().network().copy();
        float[] p = broken.parameters();
        java.util.Arrays.fill(p, Float.NaN);
        StudyException e = assertThrows(StudyException.class,
                () -> DegeneracyStudy.run(List.of(a, withNetwork("broken", b, broken)), without()));
        assertTrue(e.getMessage().startsWith("the hidden states of broken on the probe batch are not finite"),
                e.getMessage());
    }

    @Test
    void weightsOfDifferentSizesAreRefusedForTheWeightLevelOnly() {
        StudyException e = assertThrows(StudyException.class,
                () -> DegeneracyStudy.run(List.of(a, big), without(Level.DYNAMICS)));
        assertTrue(e.getMessage().contains("a has 16 units (vanilla) and big has 24 units (vanilla)"), e.getMessage());
        DegeneracyStudy.Result r = DegeneracyStudy.run(List.of(a, big), without(Level.DYNAMICS, Level.WEIGHTS));
        assertTrue(r.measure(Measure.REPRESENTATION_CKA).distance(0, 1) > DIFFERENT, "the other levels compare them");
        StudyException grouped = assertThrows(StudyException.class, () -> DegeneracyStudy.run(List.of(a, big),
                without(Level.DYNAMICS).withGroupBy("task.bits")));
        assertTrue(grouped.getMessage().contains("the group task.bits = 3 holds a (16 units (vanilla)) and big"),
                grouped.getMessage());
    }

    @Test
    void badGroupByAndOodSettingsAreRefusedNamingTheSetting() {
        StudyException axis = assertThrows(StudyException.class, () -> DegeneracyStudy.run(List.of(a, b),
                without(Level.DYNAMICS).withGroupBy("model.width")));
        assertTrue(axis.getMessage().startsWith("degeneracy.group_by = 'model.width' is not allowed: a has no such"),
                axis.getMessage());
        StudyException notTask = assertThrows(StudyException.class,
                () -> without().withOod(List.of("model.hidden_size=3")));
        assertTrue(notTask.getMessage().startsWith("degeneracy.ood = 'model.hidden_size=3' is not allowed"),
                notTask.getMessage());
        StudyException inputs = assertThrows(StudyException.class, () -> DegeneracyStudy.run(List.of(a, b),
                without(Level.DYNAMICS).withOod(List.of("task.bits=2"))));
        assertTrue(inputs.getMessage().contains("the task then has 2 inputs"), inputs.getMessage());
        StudyException value = assertThrows(StudyException.class, () -> DegeneracyStudy.run(List.of(a, b),
                without(Level.DYNAMICS).withOod(List.of("task.trial_steps=-5"))));
        assertTrue(value.getMessage().startsWith("degeneracy.ood: ") && value.getMessage().contains("trial_steps"),
                value.getMessage());
        StudyException none = assertThrows(StudyException.class, () -> without().withLevels(EnumSet.noneOf(
                Level.class)));
        assertTrue(none.getMessage().contains("name at least one of behaviour, dynamics, representation, weights"),
                none.getMessage());
    }
}
