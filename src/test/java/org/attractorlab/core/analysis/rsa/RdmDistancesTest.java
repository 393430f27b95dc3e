package org.attractorlab.core.analysis.rsa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.attractorlab.bench.RdmBenchmark;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RdmDistancesTest {
    /** Relative accuracy of the double-precision Gram path. */
    private static final double DOUBLE_PATH_TOL = 1e-10;
    /** Relative accuracy of the float Gram path (float products summed in double per chunk). */
    private static final double FLOAT_PATH_TOL = 1e-5;
    private static final double EXACT = 1e-12;
    /**
     * The float path's largest relative error on 10000 normal features (NumPy's float32 Gram formula: 2.2e-7 of the
     * largest distance on 1000 x 10000).
     */
    private static final double FLOAT_PATH_OF_LARGEST = 5e-8;

    static DMatrixRMaj gaussian(SplittableRandom r, int n, int p, double offset) {
        DMatrixRMaj x = new DMatrixRMaj(n, p);
        for (int i = 0; i < x.data.length; i++) {
            double u = 1 - r.nextDouble();
            x.data[i] = offset + Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
        }
        return x;
    }

    static List<String> labels(int n) {
        List<String> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add("c" + i);
        }
        return l;
    }

    /** The textbook formula of each distance for one pair. */
    static double direct(Distance d, double[] x, double[] y) {
        int p = x.length;
        switch (d) {
            case EUCLIDEAN, SQUARED_EUCLIDEAN_PER_UNIT -> {
                double s = 0;
                for (int k = 0; k < p; k++) {
                    s += (x[k] - y[k]) * (x[k] - y[k]);
                }
                return d == Distance.EUCLIDEAN ? Math.sqrt(s) : s / p;
            }
            case COSINE -> {
                double xy = 0;
                double xx = 0;
                double yy = 0;
                for (int k = 0; k < p; k++) {
                    xy += x[k] * y[k];
                    xx += x[k] * x[k];
                    yy += y[k] * y[k];
                }
                return 1 - xy / Math.sqrt(xx * yy);
            }
            case CORRELATION -> {
                double mx = 0;
                double my = 0;
                for (int k = 0; k < p; k++) {
                    mx += x[k] / p;
                    my += y[k] / p;
                }
                double xy = 0;
                double xx = 0;
                double yy = 0;
                for (int k = 0; k < p; k++) {
                    xy += (x[k] - mx) * (y[k] - my);
                    xx += (x[k] - mx) * (x[k] - mx);
                    yy += (y[k] - my) * (y[k] - my);
                }
                return 1 - xy / Math.sqrt(xx * yy);
            }
            default -> throw new AssertionError(d);
        }
    }

    private static double[] row(DMatrixRMaj x, int i) {
        double[] r = new double[x.numCols];
        System.arraycopy(x.data, i * x.numCols, r, 0, x.numCols);
        return r;
    }

    private static void assertMatchesDirect(DMatrixRMaj x, Distance d, SquaredDistances.Path path, double tol) {
        int n = x.numRows;
        Rdm rdm = Rdms.compute(x, labels(n), d, path);
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = row(x, i);
        }
        double[][] expected = new double[n][n];
        double scale = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                expected[i][j] = direct(d, rows[i], rows[j]);
                scale = Math.max(scale, Math.abs(expected[i][j]));
            }
        }
        for (int i = 0; i < n; i++) {
            assertEquals(0, rdm.get(i, i), "diagonal " + i);
            for (int j = i + 1; j < n; j++) {
                assertEquals(expected[i][j], rdm.get(i, j), tol * scale, d + " " + path + " (" + i + ", " + j + ")");
                assertEquals(rdm.get(i, j), rdm.get(j, i), "symmetry");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Distance.class, names = "CROSSNOBIS", mode = EnumSource.Mode.EXCLUDE)
    void everyDistanceMatchesItsPerPairFormulaOnRandomDataInDoublePrecision(Distance d) {
        DMatrixRMaj x = gaussian(new SplittableRandom(11), 23, 37, 3.0);
        assertMatchesDirect(x, d, SquaredDistances.Path.DOUBLE, DOUBLE_PATH_TOL);
        assertMatchesDirect(x, d, SquaredDistances.Path.AUTO, DOUBLE_PATH_TOL);
    }

    /** 150 rows span two row blocks; 2100 features span three chunks of the float Gram. */
    @ParameterizedTest
    @EnumSource(value = Distance.class, names = "CROSSNOBIS", mode = EnumSource.Mode.EXCLUDE)
    void everyDistanceMatchesItsPerPairFormulaOnRandomDataOnTheFloatPath(Distance d) {
        DMatrixRMaj x = gaussian(new SplittableRandom(12), 150, 2100, 5.0);
        assertMatchesDirect(x, d, SquaredDistances.Path.FLOAT, FLOAT_PATH_TOL);
    }

    /**
     * The float path's precision, as documented: on normal patterns with an offset and 20 chunks of the float Gram
     * (10000 features), every Euclidean distance is within {@value #FLOAT_PATH_OF_LARGEST} of the double path's,
     * relative to that distance (measured here: 1e-8).
     */
    @Test
    void floatPathOfTenThousandFeaturesAgreesWithTheDoublePathToFiveInTenToTheEight() {
        DMatrixRMaj x = gaussian(new SplittableRandom(15), 120, 10000, 2.0);
        Rdm f = Rdms.compute(x, labels(120), Distance.EUCLIDEAN, SquaredDistances.Path.FLOAT);
        Rdm d = Rdms.compute(x, labels(120), Distance.EUCLIDEAN, SquaredDistances.Path.DOUBLE);
        double largest = 0;
        double worst = 0;
        double worstRelative = 0;
        for (int i = 0; i < 120; i++) {
            for (int j = i + 1; j < 120; j++) {
                largest = Math.max(largest, d.get(i, j));
                worst = Math.max(worst, Math.abs(f.get(i, j) - d.get(i, j)));
                worstRelative = Math.max(worstRelative, Math.abs(f.get(i, j) - d.get(i, j)) / d.get(i, j));
            }
        }
        assertTrue(worstRelative <= FLOAT_PATH_OF_LARGEST, "largest relative difference " + worstRelative);
        assertTrue(worst <= FLOAT_PATH_OF_LARGEST * largest, "largest difference " + worst / largest
                + " of the largest distance");
    }

    @Test
    void nearlyIdenticalPatternsKeepTheirSmallDistanceOnTheFloatPath() {
        SplittableRandom r = new SplittableRandom(13);
        DMatrixRMaj x = gaussian(r, 40, 600, 100.0);
        // Row 1 is row 0 moved by 1e-6 along the first unit; the float Gram alone would lose that distance.
        System.arraycopy(x.data, 0, x.data, 600, 600);
        x.data[600] += 1e-6;
        Rdm e = Rdms.compute(x, labels(40), Distance.EUCLIDEAN, SquaredDistances.Path.FLOAT);
        double gap = x.data[600] - x.data[0];   // exact (Sterbenz), about 1e-6
        assertEquals(gap, e.get(0, 1), gap * EXACT);
        Rdm c = Rdms.compute(x, labels(40), Distance.CORRELATION, SquaredDistances.Path.FLOAT);
        assertEquals(direct(Distance.CORRELATION, row(x, 0), row(x, 1)), c.get(0, 1), 1e-15);
    }

    @Test
    void correlationDistanceOfAffineCopiesIsZeroAndOfNegatedCopiesIsTwo() {
        SplittableRandom r = new SplittableRandom(14);
        DMatrixRMaj base = gaussian(r, 1, 50, 0);
        double[][] ab = {{1, 0}, {2.5, -3}, {0.01, 100}, {1e3, 1e3}, {-2, 1}};
        DMatrixRMaj x = new DMatrixRMaj(ab.length, 50);
        for (int i = 0; i < ab.length; i++) {
            for (int k = 0; k < 50; k++) {
                x.set(i, k, ab[i][0] * base.data[k] + ab[i][1]);
            }
        }
        for (SquaredDistances.Path path : SquaredDistances.Path.values()) {
            Rdm rdm = Rdms.compute(x, labels(ab.length), Distance.CORRELATION, path);
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    assertEquals(0, rdm.get(i, j), EXACT, path + " affine copies " + i + ", " + j);
                }
                // 2 is far from 0, so the float path keeps its float accuracy here
                assertEquals(2, rdm.get(i, 4), path == SquaredDistances.Path.FLOAT ? FLOAT_PATH_TOL : EXACT,
                        path + " negated copy " + i);
            }
        }
    }

    @Test
    void euclideanDistancesOfPointsWithKnownCoordinatesAreExact() {
        // (0,0), (3,4), (6,8), (0,4): distances 5, 10, 4, 5, 3, 7.2111...
        DMatrixRMaj x = new DMatrixRMaj(new double[][]{{0, 0}, {3, 4}, {6, 8}, {0, 4}});
        Rdm e = Rdms.compute(x, labels(4), Distance.EUCLIDEAN);
        double[][] expected = {
                {0, 5, 10, 4},
                {5, 0, 5, 3},
                {10, 5, 0, Math.sqrt(52)},
                {4, 3, Math.sqrt(52), 0}};
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(expected[i], e.matrix()[i], EXACT, "row " + i);
        }
        Rdm sq = Rdms.compute(x, labels(4), Distance.SQUARED_EUCLIDEAN_PER_UNIT);
        assertEquals(25 / 2.0, sq.get(0, 1), EXACT);
        assertEquals(100 / 2.0, sq.get(0, 2), EXACT);
        assertEquals(52 / 2.0, sq.get(2, 3), EXACT);
        Rdm cos = Rdms.compute(new DMatrixRMaj(new double[][]{{1, 0}, {1, 1}, {0, 2}}), labels(3), Distance.COSINE);
        assertEquals(1 - Math.sqrt(0.5), cos.get(0, 1), EXACT);
        assertEquals(1, cos.get(0, 2), EXACT);
    }

    @Test
    void cosineOfAZeroPatternAndCorrelationOfAConstantPatternAreRejectedByName() {
        DMatrixRMaj x = new DMatrixRMaj(new double[][]{{1, 2, 3}, {0, 0, 0}, {4, 4, 4}});
        List<String> l = List.of("a", "zero", "flat");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Rdms.compute(x, l, Distance.COSINE));
        assertTrue(e.getMessage().contains("'zero'"), e.getMessage());
        DMatrixRMaj y = new DMatrixRMaj(new double[][]{{1, 2, 3}, {4, 4, 4}});
        e = assertThrows(IllegalArgumentException.class, () -> Rdms.compute(y, List.of("a", "flat"),
                Distance.CORRELATION));
        assertTrue(e.getMessage().contains("'flat'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Rdms.compute(y, List.of("a", "flat"),
                Distance.CROSSNOBIS));
    }

    @Test
    void upperTriangleIsRowByRowAndTheMatrixCannotBeChangedFromOutside() {
        double[][] m = {{0, 1, 2, 3}, {1, 0, 4, 5}, {2, 4, 0, 6}, {3, 5, 6, 0}};
        Rdm rdm = new Rdm(List.of("a", "b", "c", "d"), m, null);
        assertArrayEquals(new double[]{1, 2, 3, 4, 5, 6}, rdm.upperTriangle());
        m[0][1] = 99;
        rdm.matrix()[0][2] = 99;
        assertEquals(1, rdm.get(0, 1));
        assertEquals(2, rdm.get(0, 2));
        double[][] asym = {{0, 1}, {2, 0}};
        assertThrows(IllegalArgumentException.class, () -> new Rdm(List.of("a", "b"), asym, null));
    }

    @Test
    void distanceNamesParseAndABadNameIsNamedInTheMessage() {
        assertEquals(Distance.SQUARED_EUCLIDEAN_PER_UNIT, Distance.parse("squared-euclidean-per-unit"));
        assertEquals(Distance.CROSSNOBIS, Distance.parse("CROSSNOBIS"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Distance.parse("foo"));
        assertTrue(e.getMessage().startsWith("rsa.distance = 'foo' is not allowed: use one of correlation, euclidean"),
                e.getMessage());
    }

    @Test
    void benchmarkRunsOnASmallProblem() {
        assertTrue(RdmBenchmark.euclidean(20, 30, 1) >= 0);
    }
}
