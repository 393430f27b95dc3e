package org.attractorlab.core.analysis.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.task.ConditionTable;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class SharedStatesTest {
    /** Float32 states and products: agreement with the double-precision reference measures. */
    private static final double FLOAT = 1e-5;
    /** A network against itself goes through the same arithmetic twice. */
    private static final double SELF = 1e-12;

    /** States [trials, steps, p] from a [trials * steps, p] matrix (rounded to float). */
    private static HiddenStates states(int trials, int steps, DMatrixRMaj x) {
        float[] s = new float[x.data.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) x.data[i];
        }
        return HiddenStates.external(trials, steps, x.numCols, s, ConditionTable.empty(trials));
    }

    /** Correlated states: a shared latent mixed into each network's units, plus noise and an offset. */
    private static DMatrixRMaj mixed(SplittableRandom r, DMatrixRMaj latent, int p) {
        DMatrixRMaj y = new DMatrixRMaj(latent.numRows, p);
        CommonOps_DDRM.mult(latent, Random.gaussian(r, latent.numCols, p), y);
        for (int i = 0; i < y.data.length; i++) {
            y.data[i] += 0.7 * Random.gaussian(r) + 0.5;
        }
        return y;
    }

    @Test
    void aNetworkAgainstItselfHasCkaOneAndProcrustesDistanceZero() {
        SplittableRandom r = new SplittableRandom(41);
        HiddenStates h = states(20, 30, mixed(r, Random.gaussian(r, 600, 3), 12));
        SharedStates s = new SharedStates(List.of(h, h));
        double[] cross = s.newCross(0, 1);
        s.cross(0, 1, cross);
        assertEquals(1, s.linearCka(0, 1, cross), SELF);
        assertEquals(0, SharedStates.procrustesDistance(s.procrustesSimilarity(0, 1, cross)), 1e-6);
    }

    @Test
    void ckaAndProcrustesAreInvariantToRotatingTheStates() {
        SplittableRandom r = new SplittableRandom(42);
        DMatrixRMaj x = mixed(r, Random.gaussian(r, 500, 4), 10);
        DMatrixRMaj rotated = new DMatrixRMaj(500, 10);
        CommonOps_DDRM.mult(x, Random.orthogonal(r, 10), rotated);
        SharedStates s = new SharedStates(List.of(states(25, 20, x), states(25, 20, rotated)));
        double[] cross = s.newCross(0, 1);
        s.cross(0, 1, cross);
        assertEquals(1, s.linearCka(0, 1, cross), FLOAT, "CKA of X and X Q");
        assertEquals(0, SharedStates.procrustesDistance(s.procrustesSimilarity(0, 1, cross)), 1e-3,
                "Procrustes distance of X and X Q");
    }

    @Test
    void thePairwiseMeasuresAgreeWithLinearCkaAndTheProcrustesDistanceOfTwoNetworks() {
        SplittableRandom r = new SplittableRandom(43);
        DMatrixRMaj latent = Random.gaussian(r, 700, 3);
        // 700 samples: more than two blocks of rows, the last one partial; networks of 9, 16 and 5 units
        List<DMatrixRMaj> xs = List.of(mixed(r, latent, 9), mixed(r, latent, 16), mixed(r, latent, 5));
        List<HiddenStates> hs = xs.stream().map(x -> states(35, 20, x)).toList();
        SharedStates s = new SharedStates(hs);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double[] cross = s.newCross(i, j);
                s.cross(i, j, cross);
                DMatrixRMaj a = hs.get(i).stacked();
                DMatrixRMaj b = hs.get(j).stacked();
                double cka = LinearCka.compute(a, b);
                assertEquals(cka, s.linearCka(i, j, cross), FLOAT, "CKA " + i + "-" + j);
                ProcrustesDistance pd = ProcrustesDistance.compute(a, b);
                assertEquals(pd.similarity(), s.procrustesSimilarity(i, j, cross), FLOAT, "Procrustes " + i + "-" + j);
                if (i != j) {
                    assertTrue(cka > 0.1 && cka < 0.99, "a partial similarity: " + cka);
                }
            }
        }
    }

    @Test
    void unitCostsAreTheSquaredDistancesAndCorrelationsOfTheUnitsActivity() {
        SplittableRandom r = new SplittableRandom(44);
        DMatrixRMaj latent = Random.gaussian(r, 300, 2);
        HiddenStates a = states(10, 30, mixed(r, latent, 4));
        HiddenStates b = states(10, 30, mixed(r, latent, 3));
        SharedStates s = new SharedStates(List.of(a, b));
        double[] cross = s.newCross(0, 1);
        s.cross(0, 1, cross);
        double[] sq = new double[12];
        double[] corr = new double[12];
        s.unitCosts(0, 1, cross, SharedStates.UnitCost.SQUARED_DISTANCE, sq);
        s.unitCosts(0, 1, cross, SharedStates.UnitCost.CORRELATION, corr);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 3; j++) {
                double d = 0;
                double ma = 0;
                double mb = 0;
                for (int t = 0; t < 300; t++) {
                    double x = a.states()[t * 4 + i];
                    double y = b.states()[t * 3 + j];
                    d += (x - y) * (x - y);
                    ma += x / 300;
                    mb += y / 300;
                }
                double sab = 0;
                double saa = 0;
                double sbb = 0;
                for (int t = 0; t < 300; t++) {
                    double x = a.states()[t * 4 + i] - ma;
                    double y = b.states()[t * 3 + j] - mb;
                    sab += x * y;
                    saa += x * x;
                    sbb += y * y;
                }
                assertEquals(d, sq[i * 3 + j], FLOAT * d, "squared distance " + i + "-" + j);
                assertEquals(1 - sab / Math.sqrt(saa * sbb), corr[i * 3 + j], FLOAT, "1 - r " + i + "-" + j);
            }
        }
    }

    @Test
    void statesOfDifferentTrialsAreRefused() {
        SplittableRandom r = new SplittableRandom(45);
        HiddenStates a = states(10, 30, Random.gaussian(r, 300, 4));
        HiddenStates b = states(30, 10, Random.gaussian(r, 300, 4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SharedStates(List.of(a, b)));
        assertTrue(e.getMessage().contains("10 x 30 and 30 x 10"), e.getMessage());
    }
}
