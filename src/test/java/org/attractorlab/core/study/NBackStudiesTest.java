package org.attractorlab.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.task.ConditionTable;
import org.attractorlab.core.task.NBackTask;
import org.attractorlab.core.task.TrialBatch;
import org.junit.jupiter.api.Test;

/** Known answers of the N-back studies on synthetic states whose geometry is built in. */
class NBackStudiesTest {
    /** Decoding well above chance. */
    private static final double DECODED = 0.9;
    /** How far above chance a decoder that has nothing to read may land by sampling noise. */
    private static final double NEAR_CHANCE = 0.15;
    private static final int POSITIONS = 6;
    /** Task ids: location-3back and category-3back. */
    private static final int LOCATION_TASK = 2;
    private static final int CATEGORY_TASK = 8;

    /** Features of every trial and position: [trial][position] for category, identity, location. */
    private record Trials(int[] task, int[][] category, int[][] identity, int[][] location) {
        static Trials draw(SplittableRandom r, int n, int classes, int... tasks) {
            int[] task = new int[n];
            int[][] c = new int[n][POSITIONS];
            int[][] i = new int[n][POSITIONS];
            int[][] l = new int[n][POSITIONS];
            for (int b = 0; b < n; b++) {
                task[b] = tasks[b % tasks.length];
                for (int p = 0; p < POSITIONS; p++) {
                    c[b][p] = r.nextInt(classes);
                    i[b][p] = r.nextInt(2);
                    l[b][p] = r.nextInt(classes);
                }
            }
            return new Trials(task, c, i, l);
        }

        ConditionTable table() {
            List<String> names = new ArrayList<>(List.of("task"));
            List<double[]> cols = new ArrayList<>();
            int n = task.length;
            double[] t = new double[n];
            for (int b = 0; b < n; b++) {
                t[b] = task[b];
            }
            cols.add(t);
            for (int p = 0; p < POSITIONS; p++) {
                for (var e : List.of(Map.entry("category", category), Map.entry("identity", identity),
                        Map.entry("location", location))) {
                    names.add(e.getKey() + "_p" + p);
                    double[] v = new double[n];
                    for (int b = 0; b < n; b++) {
                        v[b] = e.getValue()[b][p];
                    }
                    cols.add(v);
                }
            }
            return new ConditionTable(names, cols.toArray(double[][]::new), Map.of("task", NBackTask.taskNames()));
        }
    }

    /** A code of a feature: one random vector per class. */
    private static double[][] codes(SplittableRandom r, int classes, int units, double norm, int from, int to) {
        double[][] m = new double[classes][units];
        for (int c = 0; c < classes; c++) {
            double s = 0;
            for (int u = from; u < to; u++) {
                m[c][u] = r.nextGaussian();
                s += m[c][u] * m[c][u];
            }
            for (int u = from; u < to; u++) {
                m[c][u] *= norm / Math.sqrt(s);
            }
        }
        return m;
    }

    /**
     * Four class vectors of norm {@code norm} at the corners of a regular tetrahedron, randomly turned, in units
     * from .. from + 3 of n (the four classes as far apart as three units allow).
     */
    private static double[][] tetrahedron(SplittableRandom r, int n, int from, double norm) {
        double[][] corners = {{1, 1, 1}, {1, -1, -1}, {-1, 1, -1}, {-1, -1, 1}};
        double[][] g = orthogonal(r, 3);
        double[][] m = new double[4][n];
        for (int c = 0; c < 4; c++) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    m[c][from + j] += corners[c][i] * g[i][j] * norm / Math.sqrt(3);
                }
            }
        }
        return m;
    }

    /** The identity of size n with a random orthogonal block of size k at rows and columns from .. from + k. */
    private static double[][] blockRotation(SplittableRandom r, int n, int from, int k) {
        double[][] q = new double[n][n];
        for (int i = 0; i < n; i++) {
            q[i][i] = 1;
        }
        double[][] g = orthogonal(r, k);
        for (int i = 0; i < k; i++) {
            System.arraycopy(g[i], 0, q[from + i], from, k);
        }
        return q;
    }

    /** A random orthogonal matrix (Gram-Schmidt of a Gaussian one). */
    private static double[][] orthogonal(SplittableRandom r, int n) {
        double[][] q = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                q[i][j] = r.nextGaussian();
            }
            for (int k = 0; k < i; k++) {
                double d = 0;
                for (int j = 0; j < n; j++) {
                    d += q[i][j] * q[k][j];
                }
                for (int j = 0; j < n; j++) {
                    q[i][j] -= d * q[k][j];
                }
            }
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += q[i][j] * q[i][j];
            }
            for (int j = 0; j < n; j++) {
                q[i][j] /= Math.sqrt(s);
            }
        }
        return q;
    }

    private static double[] times(double[] v, double[][] q) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v.length; j++) {
                out[j] += v[i] * q[i][j];
            }
        }
        return out;
    }

    private static void add(float[] h, int at, double[] v) {
        for (int u = 0; u < v.length; u++) {
            h[at + u] += (float) v[u];
        }
    }

    private static void noise(float[] h, SplittableRandom r, double std) {
        for (int i = 0; i < h.length; i++) {
            h[i] += (float) (std * r.nextGaussian());
        }
    }

    /**
     * Two tasks, one step per position: category coded on units 0..7 in the category task and on units 8..15
     * (orthogonal) or again on 0..7 (the same axes) in the location task; location coded on units 16..23 in the
     * location task only.
     */
    private static HiddenStates crossTaskStates(boolean sameAxes) {
        SplittableRandom r = new SplittableRandom(11);
        int n = 240;
        int units = 24;
        Trials tr = Trials.draw(r, n, 4, LOCATION_TASK, CATEGORY_TASK);
        double[][] categoryHere = codes(r, 4, units, 3, 0, 8);
        double[][] categoryThere = sameAxes ? categoryHere : codes(r, 4, units, 3, 8, 16);
        double[][] location = codes(r, 4, units, 3, 16, 24);
        float[] h = new float[n * POSITIONS * units];
        for (int b = 0; b < n; b++) {
            for (int p = 0; p < POSITIONS; p++) {
                int at = (b * POSITIONS + p) * units;
                boolean categoryTask = tr.task()[b] == CATEGORY_TASK;
                add(h, at, (categoryTask ? categoryHere : categoryThere)[tr.category()[b][p]]);
                if (!categoryTask) {
                    add(h, at, location[tr.location()[b][p]]);
                }
            }
        }
        noise(h, r, 0.3);
        return HiddenStates.external(n, POSITIONS, units, h, tr.table());
    }

    @Test
    void categoryDecoderGeneralisesAcrossTasksThatCodeItOnTheSameAxes() {
        CrossTaskStudy.Result r = CrossTaskStudy.run(crossTaskStates(true),
                CrossTaskStudy.defaultsFor(null).withFeatures(List.of("category")));
        assertEquals(List.of("location-3back", "category-3back"), r.tasks());
        CrossTaskStudy.FeatureMatrix m = r.matrices().get(0);
        assertEquals(0.25, m.chance());
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                assertTrue(m.accuracy(a, b) > DECODED, a + "->" + b + ": " + m.accuracy(a, b));
            }
        }
    }

    @Test
    void categoryDecoderFallsToChanceAcrossTasksThatCodeItOnOrthogonalAxes() {
        CrossTaskStudy.Result r = CrossTaskStudy.run(crossTaskStates(false),
                CrossTaskStudy.defaultsFor(null).withFeatures(List.of("category")));
        CrossTaskStudy.FeatureMatrix m = r.matrices().get(0);
        assertTrue(m.accuracy(0, 0) > DECODED && m.accuracy(1, 1) > DECODED, r.summary());
        assertTrue(Math.abs(m.accuracy(0, 1) - m.chance()) < NEAR_CHANCE, "location->category " + m.accuracy(0, 1));
        assertTrue(Math.abs(m.accuracy(1, 0) - m.chance()) < NEAR_CHANCE, "category->location " + m.accuracy(1, 0));
    }

    @Test
    void relevanceTableMarksTheComparedFeatureAndDecodesOnlyWhatIsCoded() {
        CrossTaskStudy.Result r = CrossTaskStudy.run(crossTaskStates(false),
                CrossTaskStudy.defaultsFor(null).withFeatures(List.of("location", "category")));
        List<CrossTaskStudy.Relevance> rows = r.relevance();
        assertEquals(4, rows.size());
        for (CrossTaskStudy.Relevance row : rows) {
            boolean locationTask = row.task().equals("location-3back");
            assertEquals(locationTask == row.feature().equals("location"), row.relevant(), row.toString());
            // location is coded only in the location task; category in both (relevant in one, irrelevant in the other)
            boolean coded = row.feature().equals("category") || locationTask;
            assertEquals(coded, row.accuracy() > DECODED, row.toString());
            if (!coded) {
                assertTrue(Math.abs(row.accuracy() - row.chance()) < NEAR_CHANCE, row.toString());
            }
        }
    }

    @Test
    void crossTaskRefusesStatesThatAreNotNBackNamingTheColumns() {
        HiddenStates h = StudiesTest.external(List.of("task"), new double[]{0, 1, 0, 1});
        StudyException e = assertThrows(StudyException.class,
                () -> CrossTaskStudy.run(h, CrossTaskStudy.defaultsFor(h)));
        assertTrue(e.getMessage().contains("category_p<p>"), e.getMessage());
        StudyException f = assertThrows(StudyException.class, () -> CrossTaskStudy.run(crossTaskStates(true),
                CrossTaskStudy.defaultsFor(null).withFeatures(List.of("colour"))));
        assertTrue(f.getMessage().contains("'colour'") && f.getMessage().contains("location, identity or category"),
                f.getMessage());
    }

    /** How the category code of an item moves from one time point to the next. */
    private enum Motion {
        /** The same class vectors at every item's encoding, one fixed random rotation of all units per step. */
        SHARED_ACROSS_STIMULI,
        /**
         * Class vectors of its own per item in three units of its own, turned at every step by the same random
         * rotation of those units: the item's transformation is shared across time but not across stimuli. (A
         * rotation of all units would not do: a rotation fitted on class means is determined only on their span,
         * and a rotation of all units moves the span, so the next pair's span is another one.)
         */
        SHARED_ACROSS_TIME,
        /** Class vectors of its own per item, an independent random rotation of all units per item and step. */
        UNRELATED
    }

    /**
     * One step per position; the state at step j holds the category code of the items at j - 2..j, each moved
     * from its encoding step on as {@code motion} says. A rotation fitted on class means is determined only on
     * their span, so the stimulus swap can carry over when items share subspaces (the first motion).
     */
    private static HiddenStates rotatingStates(Motion motion) {
        SplittableRandom r = new SplittableRandom(23);
        int n = 200;
        int units = 3 * POSITIONS;
        int classes = 4;
        Trials tr = Trials.draw(r, n, classes, CATEGORY_TASK);
        double[][] q = orthogonal(r, units);
        double[][] shared = codes(r, classes, units, 6, 0, units);
        double[][][][] rotated = new double[POSITIONS][POSITIONS][][];
        for (int i = 0; i < POSITIONS; i++) {
            double[][] c = switch (motion) {
                case SHARED_ACROSS_STIMULI -> shared;
                case SHARED_ACROSS_TIME -> tetrahedron(r, units, 3 * i, 6);
                case UNRELATED -> codes(r, classes, units, 6, 0, units);
            };
            double[][] own = motion == Motion.SHARED_ACROSS_TIME ? blockRotation(r, units, 3 * i, 3) : q;
            for (int j = i; j < POSITIONS; j++) {
                double[][] rot = motion == Motion.UNRELATED ? orthogonal(r, units) : own;
                rotated[i][j] = c;
                double[][] next = new double[classes][];
                for (int k = 0; k < classes; k++) {
                    next[k] = times(c[k], rot);
                }
                c = next;
            }
        }
        float[] h = new float[n * POSITIONS * units];
        for (int b = 0; b < n; b++) {
            for (int j = 0; j < POSITIONS; j++) {
                for (int i = Math.max(0, j - 2); i <= j; i++) {
                    add(h, (b * POSITIONS + j) * units, rotated[i][j][tr.category()[b][i]]);
                }
            }
        }
        noise(h, r, 0.3);
        return HiddenStates.external(n, POSITIONS, units, h, tr.table());
    }

    @Test
    void aRotationSharedAcrossStimuliKeepsItsAccuracyUnderTheStimulusSwap() {
        ProcrustesStudy.Result r = ProcrustesStudy.run(rotatingStates(Motion.SHARED_ACROSS_STIMULI),
                ProcrustesStudy.defaultsFor(null));
        assertEquals(15, r.pairs().size());
        for (int lag = 0; lag <= 1; lag++) {
            double own = r.mean(lag, ProcrustesStudy.Pair::own);
            assertTrue(own > DECODED, "lag " + lag + ": " + r.summary());
            assertTrue(r.mean(lag, ProcrustesStudy.Pair::stimulusSwap) > own - 0.05, r.summary());
            assertTrue(r.mean(lag, ProcrustesStudy.Pair::none) < own - 0.3, "a rotation moves the code: "
                    + r.summary());
        }
    }

    @Test
    void anItemsOwnRotationAtEveryStepKeepsItsAccuracyUnderTheTimeSwapButNotTheStimulusSwap() {
        ProcrustesStudy.Result r = ProcrustesStudy.run(rotatingStates(Motion.SHARED_ACROSS_TIME),
                ProcrustesStudy.defaultsFor(null));
        for (int lag = 0; lag <= 1; lag++) {
            double own = r.mean(lag, ProcrustesStudy.Pair::own);
            assertTrue(own > DECODED, "lag " + lag + ": " + r.summary());
            if (lag == 0) {
                // from encoding into memory the next pair is the item's first step in memory, with the same
                // rotation; from the first memory step on, the next pair ends where the item has left the state
                assertTrue(r.mean(lag, ProcrustesStudy.Pair::timeSwap) > own - 0.05, "the rotation of the next "
                        + "time pair is the item's own: " + r.summary());
            }
            // another item's rotation turns only that item's units: on this item's code it is no rotation at all
            assertEquals(r.mean(lag, ProcrustesStudy.Pair::none), r.mean(lag, ProcrustesStudy.Pair::stimulusSwap),
                    0.05, "another item's rotation does not carry it: " + r.summary());
            assertTrue(r.mean(lag, ProcrustesStudy.Pair::none) < own - 0.3, "a rotation moves the code: "
                    + r.summary());
        }
    }

    @Test
    void unrelatedSubspacesAtEachTimePointLoseTheAccuracyUnderBothSwaps() {
        ProcrustesStudy.Result r = ProcrustesStudy.run(rotatingStates(Motion.UNRELATED),
                ProcrustesStudy.defaultsFor(null));
        for (int lag = 0; lag <= 1; lag++) {
            assertTrue(r.mean(lag, ProcrustesStudy.Pair::own) > DECODED, r.summary());
            assertTrue(Math.abs(r.mean(lag, ProcrustesStudy.Pair::stimulusSwap) - r.chance()) < NEAR_CHANCE,
                    r.summary());
            assertTrue(Math.abs(r.mean(lag, ProcrustesStudy.Pair::timeSwap) - r.chance()) < NEAR_CHANCE,
                    r.summary());
        }
    }

    /**
     * Three categories shown one-hot (the perceptual space, three input channels, one step per position); the
     * states hold them as a squashed triangle: classes at (-1, 0), (1, 0) and (0, 0.3) in units 0, 1.
     */
    private static HiddenStates squashedStates() {
        SplittableRandom r = new SplittableRandom(31);
        int n = 240;
        int units = 4;
        Trials tr = Trials.draw(r, n, 3, CATEGORY_TASK);
        double[][] where = {{-1, 0}, {1, 0}, {0, 0.3}};
        float[] h = new float[n * POSITIONS * units];
        float[] in = new float[n * POSITIONS * 3];
        for (int b = 0; b < n; b++) {
            for (int p = 0; p < POSITIONS; p++) {
                int c = tr.category()[b][p];
                in[(b * POSITIONS + p) * 3 + c] = 1f;
                h[(b * POSITIONS + p) * units] = (float) where[c][0];
                h[(b * POSITIONS + p) * units + 1] = (float) where[c][1];
            }
        }
        noise(h, r, 0.05);
        ConditionTable t = tr.table();
        TrialBatch batch = new TrialBatch(n, POSITIONS, 3, 3, in, new float[n * POSITIONS * 3],
                filled(n * POSITIONS * 3), t);
        return new HiddenStates(n, POSITIONS, units, h, t, batch, null);
    }

    private static float[] filled(int size) {
        float[] m = new float[size];
        java.util.Arrays.fill(m, 1f);
        return m;
    }

    @Test
    void oneHotStimuliAreMoreOrthogonalThanASquashedEncodingAtTheChosenStep() {
        HiddenStates h = squashedStates();
        assertTrue(OrthogonalisationStudy.comparisonAppliesTo(h));
        OrthogonalisationStudy.Comparison c = OrthogonalisationStudy.compare(h, "category", 3);
        assertEquals(3, c.step());
        assertEquals(3, c.position());
        assertEquals(3, c.perceptual().features(), "the stimulus inputs, no cue");
        // three one-hot classes: centred means 120 degrees apart, |cos| = 1/2 (OrthogonalisationIndex's javadoc)
        assertEquals(0.5, c.perceptual().index(), 0.05, c.summary());
        assertTrue(c.encoding().index() < c.perceptual().index() - 0.2, c.summary());
        assertEquals(POSITIONS - 1, OrthogonalisationStudy.compare(h, "category", -1).step());
        StudyException e = assertThrows(StudyException.class, () -> OrthogonalisationStudy.compare(h, "category", 6));
        assertTrue(e.getMessage().contains("orthogonalisation.step = '6'"), e.getMessage());
        assertFalse(OrthogonalisationStudy.comparisonAppliesTo(crossTaskStates(true)), "external states: no inputs");
    }
}
