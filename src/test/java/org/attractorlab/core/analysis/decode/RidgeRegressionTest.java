package org.attractorlab.core.analysis.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class RidgeRegressionTest {
    /** Agreement of two exact solutions in double precision. */
    private static final double EXACT = 1e-9;

    /** Features with very different offsets and scales, so that centring (and not scaling) matters. */
    private static DMatrixRMaj features(SplittableRandom r, int n, int p) {
        DMatrixRMaj x = Synthetic.gaussian(r, n, p, 1);
        for (int j = 0; j < p; j++) {
            double scale = Math.pow(10, j % 3 - 1);
            double offset = 5 * (j - p / 2.0);
            for (int i = 0; i < n; i++) {
                x.set(i, j, offset + scale * x.get(i, j));
            }
        }
        return x;
    }

    @Test
    void ridgeRecoversKnownWeightsAndInterceptsOnNoiselessLinearData() {
        SplittableRandom r = new SplittableRandom(1);
        int n = 60;
        int p = 6;
        DMatrixRMaj x = features(r, n, p);
        DMatrixRMaj w = Synthetic.gaussian(r, 2, p, 1);
        double[] b = {0.7, -3.0};
        DMatrixRMaj y = LinearMap.apply(w, b, x);
        RidgeRegression unregularised = RidgeRegression.fit(x, y, 0);
        assertArrayEquals(w.data, unregularised.weights().data, EXACT);
        assertArrayEquals(b, unregularised.intercepts(), EXACT);
        RidgeRegression tiny = RidgeRegression.fit(x, y, 1e-9);
        assertArrayEquals(w.data, tiny.weights().data, 1e-6);
        double[] r2 = tiny.rSquared(x, y);
        assertEquals(1, r2[0], 1e-12);
        assertEquals(1, r2[1], 1e-12);
    }

    @Test
    void ridgeMatchesTheAugmentedClosedFormInBothPrimalAndDualForm() {
        SplittableRandom r = new SplittableRandom(2);
        double lambda = 3.0;
        for (int[] shape : new int[][]{{50, 8}, {12, 30}}) { // n >= p (primal solve) and n < p (dual solve)
            int n = shape[0];
            int p = shape[1];
            DMatrixRMaj x = features(r, n, p);
            DMatrixRMaj y = Synthetic.gaussian(r, n, 3, 1);
            RidgeRegression fit = RidgeRegression.fit(x, y, lambda);

            // independent closed form on the raw features: [X 1], penalty diag(lambda, ..., lambda, 0), normal
            // equations (the unpenalised intercept absorbs the means, so this is the centred fit)
            DMatrixRMaj za = new DMatrixRMaj(n, p + 1);
            for (int j = 0; j < p; j++) {
                for (int i = 0; i < n; i++) {
                    za.set(i, j, x.get(i, j));
                }
            }
            for (int i = 0; i < n; i++) {
                za.set(i, p, 1);
            }
            DMatrixRMaj g = new DMatrixRMaj(p + 1, p + 1);
            CommonOps_DDRM.multTransA(za, za, g);
            for (int j = 0; j < p; j++) {
                g.add(j, j, lambda);
            }
            DMatrixRMaj rhs = new DMatrixRMaj(p + 1, 3);
            CommonOps_DDRM.multTransA(za, y, rhs);
            DMatrixRMaj theta = new DMatrixRMaj(p + 1, 3);
            assertTrue(CommonOps_DDRM.solve(g, rhs, theta));

            DMatrixRMaj w = fit.weights();
            double[] b = fit.intercepts();
            for (int c = 0; c < 3; c++) {
                for (int j = 0; j < p; j++) {
                    double wj = theta.get(j, c);
                    assertEquals(wj, w.get(c, j), EXACT * (1 + Math.abs(wj)), "n=" + n + " p=" + p + " w[" + c
                            + "," + j + "]");
                }
                double intercept = theta.get(p, c);
                assertEquals(intercept, b[c], 1e-8 * (1 + Math.abs(intercept)), "intercept " + c);
            }
        }
    }

    /**
     * A nearly silent unit (zero on every trial but one) must not let that trial drive the prediction: with the
     * unit scaled up to unit variance (as the classifiers' standardisation would) the held-out trial's prediction
     * runs far off; on centred features it stays near the other units' answer.
     */
    @Test
    void aNearlySilentUnitDoesNotDriveTheCrossValidatedPrediction() {
        SplittableRandom r = new SplittableRandom(7);
        int n = 40;
        DMatrixRMaj x = new DMatrixRMaj(n, 3);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double t = r.nextDouble(-0.5, 0.5);
            y[i] = t;
            x.set(i, 0, 2 * t + 0.01 * r.nextGaussian());
            x.set(i, 1, -t + 0.01 * r.nextGaussian());
        }
        x.set(3, 2, 1e-4); // the silent unit fires once, a little, on the first fitting trial below
        x.set(0, 2, 5e-2); // ... and more on the held-out trial 0
        int[] fit = new int[n - 1];
        for (int i = 1; i < n; i++) {
            fit[i - 1] = i;
        }
        RidgeRegression ridge = RidgeRegression.fit(Rows.select(x, fit), Rows.select(y, fit), 1.0);
        double predicted = ridge.decisionFunction(Rows.select(x, new int[]{0})).get(0, 0);
        assertEquals(y[0], predicted, 0.1, "the held-out trial is predicted from the units that carry the target");
    }

    @Test
    void shiftingTheTargetOnlyShiftsTheUnpenalisedIntercept() {
        SplittableRandom r = new SplittableRandom(3);
        DMatrixRMaj x = features(r, 40, 5);
        double[] y = Synthetic.gaussian(r, 40, 1, 1).data;
        double[] shifted = y.clone();
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] += 100;
        }
        RidgeRegression a = RidgeRegression.fit(x, y, 10);
        RidgeRegression b = RidgeRegression.fit(x, shifted, 10);
        assertArrayEquals(a.weights().data, b.weights().data, EXACT);
        assertEquals(a.intercepts()[0] + 100, b.intercepts()[0], EXACT);
    }

    @Test
    void strongerRegularisationShrinksTheWeights() {
        SplittableRandom r = new SplittableRandom(4);
        DMatrixRMaj x = features(r, 40, 5);
        double[] y = Synthetic.gaussian(r, 40, 1, 1).data;
        double previous = Double.POSITIVE_INFINITY;
        for (double lambda : new double[]{0, 1, 10, 100, 1000}) {
            DMatrixRMaj w = RidgeRegression.fit(x, y, lambda).weights();
            double norm = 0; // the penalty acts on the weights of the raw (centred) features
            for (int j = 0; j < 5; j++) {
                norm += Math.pow(w.get(0, j), 2);
            }
            assertTrue(norm < previous, "lambda = " + lambda);
            previous = norm;
        }
    }

    @Test
    void ridgeRejectsNegativeRegularisationAndMismatchedRows() {
        DMatrixRMaj x = new DMatrixRMaj(4, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RidgeRegression.fit(x, new double[4], -1));
        assertEquals("decode.regularization = -1.0 is not allowed: use a finite value >= 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RidgeRegression.fit(x, new double[3], 1));
    }
}
