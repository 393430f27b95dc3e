package org.attractorlab.core.analysis.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.attractorlab.core.analysis.HiddenStates;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;

class CrossTimeProcrustesTest {
    /** Agreement of an exactly recovered rotation (float32 states). */
    private static final double RECOVERED = 1e-5;

    /** Trials of K classes: class means 3 * N(0, I) in H dims plus unit noise, [n, H]. */
    private static DMatrixRMaj classes(SplittableRandom r, double[] labels, int k, int h, double noise) {
        DMatrixRMaj means = Synthetic.gaussian(r, k, h, 3);
        DMatrixRMaj x = Synthetic.gaussian(r, labels.length, h, noise);
        for (int i = 0; i < labels.length; i++) {
            for (int j = 0; j < h; j++) {
                x.add(i, j, means.get((int) labels[i], j));
            }
        }
        return x;
    }

    /** Two-step hidden states: step 0 = x1, step 1 = x1 R_true (+ optional independent noise). */
    private static HiddenStates twoSteps(DMatrixRMaj x1, DMatrixRMaj rTrue, double[] labels, double noise,
                                         SplittableRandom r) {
        DMatrixRMaj x2 = new DMatrixRMaj(x1.numRows, x1.numCols);
        CommonOps_DDRM.mult(x1, rTrue, x2);
        int h = x1.numCols;
        return Synthetic.states(x1.numRows, 2, h, (b, t, s) -> {
            for (int k = 0; k < h; k++) {
                s[k] = t == 0 ? x1.get(b, k) : x2.get(b, k) + noise * r.nextGaussian();
            }
        }, List.of("item"), labels);
    }

    @Test
    void procrustesRecoversAKnownRotationBetweenTwoTimePoints() {
        // H = 4, K = 8 classes: the centred class means span all 4 dimensions, so R is unique
        SplittableRandom r = new SplittableRandom(1);
        double[] y = Synthetic.labels(r, 240, 8);
        DMatrixRMaj x1 = classes(r, y, 8, 4, 1);
        DMatrixRMaj rTrue = Synthetic.orthogonal(r, 4);
        HiddenStates hs = twoSteps(x1, rTrue, y, 0, r);
        CrossTimeProcrustesResult res = CrossTimeProcrustes.compute(hs, "item", 0, 1,
                CrossTimeProcrustesOptions.DEFAULTS);
        DMatrixRMaj rFit = new DMatrixRMaj(4, 4, true, res.rotation());
        assertTrue(MatrixFeatures_DDRM.isOrthogonal(rFit, 1e-10));
        for (int i = 0; i < 16; i++) {
            assertEquals(rTrue.data[i], res.rotation()[i], RECOVERED, "R entry " + i);
        }
        assertEquals(0, res.relativeResidual(), RECOVERED);
    }

    @Test
    void procrustesMapsALowRankConfigurationExactlyAndLeavesUnusedDirectionsAlone() {
        // H = 12, K = 4: the class means span 3 dimensions; the states are rotated only within the first 6
        SplittableRandom r = new SplittableRandom(2);
        int h = 12;
        double[] y = Synthetic.labels(r, 120, 4);
        DMatrixRMaj x1 = classes(r, y, 4, h, 0.5);
        for (int i = 0; i < 120; i++) {
            for (int j = 6; j < h; j++) {
                x1.set(i, j, 0); // nothing happens in dimensions 6..11
            }
        }
        DMatrixRMaj rTrue = CommonOps_DDRM.identity(h);
        CommonOps_DDRM.insert(Synthetic.orthogonal(r, 6), rTrue, 0, 0);
        HiddenStates hs = twoSteps(x1, rTrue, y, 0, r);
        CrossTimeProcrustesResult res = CrossTimeProcrustes.compute(hs, "item", 0, 1,
                CrossTimeProcrustesOptions.DEFAULTS);
        assertEquals(0, res.relativeResidual(), RECOVERED);
        DMatrixRMaj rFit = new DMatrixRMaj(h, h, true, res.rotation());
        assertTrue(MatrixFeatures_DDRM.isOrthogonal(rFit, 1e-9));
        for (int i = 6; i < h; i++) {
            for (int j = 0; j < h; j++) {
                assertEquals(i == j ? 1 : 0, rFit.get(i, j), 1e-6, "R[" + i + "," + j + "] (unused direction)");
            }
        }
    }

    @Test
    void aRotatedCodeIsDecodedAfterRotatingBackButNotBefore() {
        SplittableRandom r = new SplittableRandom(3);
        int h = 10;
        double[] y = Synthetic.labels(r, 200, 4);
        DMatrixRMaj x1 = classes(r, y, 4, h, 1);
        // a random orthogonal matrix: a large rotation (or rotation-reflection) in 10 dimensions
        DMatrixRMaj rTrue = Synthetic.orthogonal(r, h);
        CrossTimeProcrustesResult rotated = CrossTimeProcrustes.compute(twoSteps(x1, rTrue, y, 0.3, r), "item", 0,
                1, CrossTimeProcrustesOptions.DEFAULTS);
        assertTrue(rotated.accuracyAtT1() > 0.95, "t1: " + rotated.accuracyAtT1());
        assertTrue(rotated.accuracyAtT2() > 0.95, "t2: " + rotated.accuracyAtT2());
        assertTrue(rotated.accuracyBefore() < 0.6, "before: " + rotated.accuracyBefore());
        assertTrue(rotated.accuracyAfter() > 0.9, "after: " + rotated.accuracyAfter());

        CrossTimeProcrustesResult stable = CrossTimeProcrustes.compute(
                twoSteps(x1, CommonOps_DDRM.identity(h), y, 0.3, r), "item", 0, 1,
                CrossTimeProcrustesOptions.DEFAULTS);
        assertTrue(stable.accuracyBefore() > 0.9, "stable before: " + stable.accuracyBefore());
        assertTrue(stable.accuracyAfter() > 0.9, "stable after: " + stable.accuracyAfter());
        DMatrixRMaj rFit = new DMatrixRMaj(h, h, true, stable.rotation());
        CommonOps_DDRM.subtractEquals(rFit, CommonOps_DDRM.identity(h));
        assertTrue(NormOps_DDRM.normF(rFit) < 0.2, "a stable code gives R close to I: " + NormOps_DDRM.normF(rFit));
    }

    @Test
    void theSwapOfAPairWithItselfIsItsAfterAccuracyAndAnotherRotationLosesIt() {
        SplittableRandom r = new SplittableRandom(4);
        int h = 10;
        double[] y = Synthetic.labels(r, 200, 4);
        DMatrixRMaj x1 = classes(r, y, 4, h, 1);
        HiddenStates same = twoSteps(x1, Synthetic.orthogonal(r, h), y, 0.3, r);
        DMatrixRMaj a1 = same.atStep(0);
        DMatrixRMaj a2 = same.atStep(1);
        CrossTimeProcrustesResult own = CrossTimeProcrustes.compute(a1, a2, y, CrossTimeProcrustesOptions.DEFAULTS);
        assertEquals(own.accuracyAfter(), CrossTimeProcrustes.swap(a1, a2, y, a1, a2, y,
                CrossTimeProcrustesOptions.DEFAULTS), 1e-12, "A = B: the swap is the 'after' accuracy");
        // the same labels and first states, turned by an unrelated rotation: its R does not carry the first pair
        HiddenStates other = twoSteps(x1, Synthetic.orthogonal(r, h), y, 0.3, r);
        double swapped = CrossTimeProcrustes.swap(other.atStep(0), other.atStep(1), y, a1, a2, y,
                CrossTimeProcrustesOptions.DEFAULTS);
        assertTrue(own.accuracyAfter() > 0.95 && swapped < 0.6, "own " + own.accuracyAfter() + ", swapped "
                + swapped);
    }

    @Test
    void optionsRequireAClassifier() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CrossTimeProcrustesOptions(DecoderType.RIDGE, 1, 5, 0));
        assertEquals("decode.type = ridge is not allowed: use a classifier: logistic or svm", e.getMessage());
    }
}
