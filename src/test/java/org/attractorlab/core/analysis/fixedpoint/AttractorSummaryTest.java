package org.attractorlab.core.analysis.fixedpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.attractorlab.core.model.Activation;
import org.attractorlab.core.model.CellType;
import org.attractorlab.core.model.Network;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.qr.QRDecompositionHouseholder_DDRM;
import org.junit.jupiter.api.Test;

/**
 * The attractor summary on linear maps h -&gt; A h with a known number of unit eigenvalues: A = Q diag(1, .., 1,
 * 0.5, .., 0.5) Q^T has a subspace of fixed points (span of the first columns of Q) of that dimension.
 */
class AttractorSummaryTest {
    private static final int UNITS = 6;
    /** Share of the points' variance off the attractor's subspace: float32 rounding of the map only. */
    private static final double OFF_MANIFOLD_SHARE = 1e-9;

    /** The vanilla identity RNN h -&gt; A h, A = Q diag(eigenvalues) Q^T for a random orthogonal Q, no biases. */
    private static Network linearMap(double[] eigenvalues, long seed) {
        int n = eigenvalues.length;
        SplittableRandom r = new SplittableRandom(seed);
        DMatrixRMaj g = new DMatrixRMaj(n, n);
        for (int i = 0; i < g.data.length; i++) {
            g.data[i] = r.nextGaussian();
        }
        QRDecompositionHouseholder_DDRM qr = new QRDecompositionHouseholder_DDRM();
        qr.decompose(g);
        DMatrixRMaj q = qr.getQ(null, false);
        DMatrixRMaj d = CommonOps_DDRM.diag(eigenvalues);
        DMatrixRMaj qd = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(q, d, qd);
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(qd, q, a);
        Network net = Networks.create(CellType.VANILLA, n, 1, Activation.IDENTITY, 1, 1);
        Networks.set(net, "weight_hh_l0", a.data);
        Networks.set(net, "weight_ih_l0", new double[n]);
        Networks.set(net, "bias_ih_l0", new double[n]);
        Networks.set(net, "bias_hh_l0", new double[n]);
        return net;
    }

    private static FixedPointResult search(Network net) {
        return FixedPointFinder.find(net, FixedPointOptions.DEFAULTS.withInitialStates(48).withSeed(3).withThreads(1),
                Networks.gaussianPool(40, UNITS, 1, 2));
    }

    @Test
    void aPlaneOfFixedPointsHasTwoUnitEigenvaluesAtEveryPointAndDimensionTwo() {
        FixedPointResult r = search(linearMap(new double[]{1, 1, 0.5, 0.5, 0.5, 0.5}, 4));
        assertTrue(r.count() > 10, "the search lands on many points of the plane: " + r.count());
        AttractorSummary a = AttractorSummary.of(r);
        for (int i = 0; i < r.count(); i++) {
            assertEquals(2, a.unitEigenvalues()[i], "point " + i);
        }
        assertEquals(2, a.medianUnitEigenvalues());
        assertEquals(2, a.manifoldDimension());
        assertTrue(a.varianceRatio()[2] < OFF_MANIFOLD_SHARE, "off the plane: " + a.varianceRatio()[2]);
        assertEquals(1, a.varianceRatio()[0] + a.varianceRatio()[1], 2 * OFF_MANIFOLD_SHARE);
        assertEquals(r.count(), a.points());
        assertTrue(a.summary().startsWith("2 eigenvalues within 0.05 of 1 (median over " + r.count()
                + " points); the points span 2 dimensions (90% of their variance)"), a.summary());
        assertEquals("2 unit eigenvalues, 2-D manifold (" + r.count() + " points)", a.compact());
    }

    @Test
    void aLineOfFixedPointsHasOneUnitEigenvalueAndDimensionOne() {
        AttractorSummary a = AttractorSummary.of(search(linearMap(new double[]{1, 0.5, 0.5, 0.5, 0.5, 0.5}, 5)));
        assertTrue(a.points() > 10, a.points() + " points");
        assertEquals(1, a.medianUnitEigenvalues());
        assertEquals(1, a.manifoldDimension());
    }

    @Test
    void anIsolatedStableFixedPointHasNoUnitEigenvalueAndDimensionZero() {
        AttractorSummary a = AttractorSummary.of(search(linearMap(new double[]{0.5, 0.5, 0.5, 0.5, 0.5, 0.5}, 6)));
        assertEquals(1, a.points(), "the origin alone");
        assertArrayEquals(new int[]{0}, a.unitEigenvalues());
        assertEquals(0, a.manifoldDimension());
        assertEquals(0, a.varianceRatio().length);
    }

    @Test
    void unitEigenvaluesAreThoseWithinTheToleranceOfOneInTheComplexPlane() {
        // 0.99 +- 0.03i: |lambda - 1| = 0.032, both count; 0.96: 0.04 counts; 1.06 and -1 do not
        double[] re = {0.99, 0.99, 0.96, 1.06, -1, 0.5};
        double[] im = {0.03, -0.03, 0, 0, 0, 0};
        assertEquals(3, AttractorSummary.unitCount(re, im, 0.05));
        assertEquals(4, AttractorSummary.unitCount(re, im, 0.07));
        assertEquals(0, AttractorSummary.unitCount(re, im, 0.01));
    }

    @Test
    void varianceRatiosArePcaOfThePointsAndTheDimensionReachesTheShare() {
        // points (t, 0.1 s, 0) for t, s in {-1, 1}: variances 1 and 0.01 around the mean
        float[][] p = {{-1, -0.1f, 0}, {-1, 0.1f, 0}, {1, -0.1f, 0}, {1, 0.1f, 0}};
        double[] ratio = AttractorSummary.varianceRatio(p);
        assertEquals(3, ratio.length);
        assertEquals(1 / 1.01, ratio[0], 1e-6);
        assertEquals(0.01 / 1.01, ratio[1], 1e-6);
        assertEquals(0, ratio[2], 1e-12);
        assertEquals(0, AttractorSummary.varianceRatio(new float[][]{{1, 2}, {1, 2}}).length, "coinciding points");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AttractorSummary.of(search(linearMap(new double[]{0.5, 0.5, 0.5, 0.5, 0.5, 0.5}, 6)), 0.05, 0));
        assertEquals("fixedpoint.variance_share = 0.0 is not allowed: use a share in (0, 1]", e.getMessage());
    }
}
