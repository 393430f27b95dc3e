package org.attractorlab.core.analysis.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClassicalMdsTest {
    private static final double EXACT = 1e-9;

    private static double[] distances(double[][] points) {
        int n = points.length;
        double[] d = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < points[i].length; k++) {
                    s += (points[i][k] - points[j][k]) * (points[i][k] - points[j][k]);
                }
                d[i * n + j] = Math.sqrt(s);
            }
        }
        return d;
    }

    private static void assertReproduces(double[] d, ClassicalMds mds) {
        int n = mds.points();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double e = Math.hypot(mds.coordinate(i, 0) - mds.coordinate(j, 0),
                        mds.coordinate(i, 1) - mds.coordinate(j, 1));
                assertEquals(d[i * n + j], e, EXACT, "distance " + i + "-" + j);
            }
        }
    }

    @Test
    void pointsOnALineAreEmbeddedOnTheFirstAxisWithTheirDistances() {
        double[][] line = {{0}, {1}, {3}, {7}, {-2}};
        double[] d = distances(line);
        ClassicalMds mds = ClassicalMds.compute(5, d, 2);
        assertReproduces(d, mds);
        double mean = (0 + 1 + 3 + 7 - 2) / 5.0;
        for (int i = 0; i < 5; i++) {
            assertEquals(0, mds.coordinate(i, 1), 1e-6, "a line has no second dimension");
            assertEquals(Math.abs(line[i][0] - mean), Math.abs(mds.coordinate(i, 0)), EXACT, "centred coordinate");
        }
        assertTrue(mds.coordinate(3, 0) > 0, "the entry of largest magnitude (point 7) is positive");
        assertEquals(0, mds.eigenvalues()[1], 1e-9);
    }

    @Test
    void aTriangleIsRecoveredUpToRotationWithItsCentroidAtTheOrigin() {
        double[] d = {0, 3, 4, 3, 0, 5, 4, 5, 0};
        ClassicalMds mds = ClassicalMds.compute(3, d, 2);
        assertReproduces(d, mds);
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < 3; i++) {
            sx += mds.coordinate(i, 0);
            sy += mds.coordinate(i, 1);
        }
        assertEquals(0, sx, EXACT);
        assertEquals(0, sy, EXACT);
        assertTrue(mds.eigenvalues()[0] >= mds.eigenvalues()[1] && mds.eigenvalues()[1] > 0, "two dimensions");
    }

    @Test
    void twoPointsAreAPairOnTheFirstAxis() {
        ClassicalMds mds = ClassicalMds.compute(2, new double[]{0, 0.6, 0.6, 0}, 2);
        assertEquals(0.3, Math.abs(mds.coordinate(0, 0)), EXACT);
        assertEquals(-mds.coordinate(0, 0), mds.coordinate(1, 0), EXACT);
        assertEquals(0, mds.coordinate(1, 1), EXACT);
    }

    @Test
    void anAsymmetricOrNonFiniteMatrixIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ClassicalMds.compute(2, new double[]{0, 1, 2, 0}, 2));
        assertThrows(IllegalArgumentException.class,
                () -> ClassicalMds.compute(2, new double[]{0, Double.NaN, Double.NaN, 0}, 2));
    }
}
