package org.attractorlab.core.analysis.pca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TopEigenTest {
    /** Residuals, orthonormality and eigenvalue errors relative to ||A||. */
    private static final double RELATIVE_TOLERANCE = 1e-12;

    /** Q diag(spectrum) Q^T with a random orthogonal Q. */
    private static double[] withSpectrum(long seed, double[] spectrum) {
        int n = spectrum.length;
        DMatrixRMaj q = Constructed.orthogonal(new SplittableRandom(seed), n);
        DMatrixRMaj qd = q.copy();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                qd.set(i, j, q.get(i, j) * spectrum[j]);
            }
        }
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(qd, q, a);
        symmetrise(a);
        return a.data;
    }

    private static void symmetrise(DMatrixRMaj a) {
        for (int i = 0; i < a.numRows; i++) {
            for (int j = i + 1; j < a.numRows; j++) {
                double m = 0.5 * (a.get(i, j) + a.get(j, i));
                a.set(i, j, m);
                a.set(j, i, m);
            }
        }
    }

    static Stream<Arguments> matrices() {
        SplittableRandom r = new SplittableRandom(71);
        double[] gaussian = new double[128 * 128];
        for (int i = 0; i < 128; i++) {
            for (int j = 0; j <= i; j++) {
                gaussian[i * 128 + j] = gaussian[j * 128 + i] = Constructed.gaussian(r);
            }
        }
        double[] lowRank = new double[64];
        for (int i = 0; i < 5; i++) {
            lowRank[i] = 10 - i;
        }
        double[] repeated = new double[40];
        Arrays.fill(repeated, 0, 4, 3.0);
        Arrays.fill(repeated, 4, 9, 1.0);
        Arrays.fill(repeated, 9, 40, 0.25);
        double[] graded = new double[30];
        for (int i = 0; i < 30; i++) {
            graded[i] = Math.pow(10, 4 - 0.3 * i);
        }
        double[] nearlyRepeated = new double[20];
        for (int i = 0; i < 20; i++) {
            nearlyRepeated[i] = 1 + 1e-9 * (i % 3);
        }
        double[] diagonal = new double[16 * 16];
        double[] diag = {5, 1, 5, 2, 2, 7, 0, 7, 3, 5, 1, 1, 0, 4, 6, 6};
        for (int i = 0; i < 16; i++) {
            diagonal[i * 16 + i] = diag[i];
        }
        double[] blocks = new double[12 * 12];
        for (int i = 0; i < 12; i++) {
            blocks[i * 12 + i] = 2;
            if (i % 4 != 3) {
                blocks[i * 12 + i + 1] = blocks[(i + 1) * 12 + i] = -1;
            }
        }
        return Stream.of(
                Arguments.of("gaussian 128 (indefinite)", 128, gaussian, 10),
                Arguments.of("rank 5 of 64", 64, withSpectrum(72, lowRank), 8),
                Arguments.of("repeated 3 x4, 1 x5, 0.25 x31", 40, withSpectrum(73, repeated), 12),
                Arguments.of("graded 1e4 .. 1e-4.7", 30, withSpectrum(74, graded), 30),
                Arguments.of("repeated within 2e-9", 20, withSpectrum(75, nearlyRepeated), 6),
                Arguments.of("diagonal with repeats", 16, diagonal, 16),
                Arguments.of("three equal tridiagonal blocks", 12, blocks, 7),
                Arguments.of("zero", 5, new double[25], 3),
                Arguments.of("1 x 1", 1, new double[]{-3}, 1),
                Arguments.of("2 x 2", 2, new double[]{1, 2, 2, 1}, 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrices")
    void leadingEigenpairsMatchAFullDecompositionWithSmallResidualsAndOrthonormalVectors(String name, int n,
                                                                                           double[] a, int k) {
        double[] copy = a.clone();
        Covariance.Eigen top = new TopEigen(n).top(a, k);
        assertArrayEquals(copy, a, 0, "input not modified");
        double norm = 0;
        for (double v : a) {
            norm = Math.max(norm, Math.abs(v));
        }
        double scale = Math.max(norm * n, 1e-300);
        EigenDecomposition_F64<DMatrixRMaj> full = DecompositionFactory_DDRM.eig(n, true, true);
        full.decompose(new DMatrixRMaj(n, n, true, a.clone()));
        double[] all = new double[n];
        for (int i = 0; i < n; i++) {
            all[i] = full.getEigenvalue(i).real;
        }
        Arrays.sort(all);
        double[] v = top.vectors();
        for (int c = 0; c < k; c++) {
            assertEquals(all[n - 1 - c], top.values()[c], RELATIVE_TOLERANCE * scale, name + " eigenvalue " + c);
            double residual = 0;
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += a[i * n + j] * v[c * n + j];
                }
                residual = Math.max(residual, Math.abs(s - top.values()[c] * v[c * n + i]));
            }
            assertTrue(residual <= RELATIVE_TOLERANCE * scale, name + " residual " + c + ": " + residual);
            for (int p = 0; p <= c; p++) {
                double dot = 0;
                for (int j = 0; j < n; j++) {
                    dot += v[c * n + j] * v[p * n + j];
                }
                assertEquals(c == p ? 1 : 0, dot, RELATIVE_TOLERANCE * n, name + " V V^T [" + c + "," + p + "]");
            }
            int arg = 0;
            for (int j = 1; j < n; j++) {
                if (Math.abs(v[c * n + j]) > Math.abs(v[c * n + arg])) {
                    arg = j;
                }
            }
            assertTrue(v[c * n + arg] > 0, name + " sign convention " + c);
        }
    }

    @Test
    void fractionOfTheTraceStopsAtTheFirstEigenvalueThatReachesIt() {
        double[] spectrum = {8, 4, 2, 1, 1, 0, 0, 0};
        double[] a = withSpectrum(76, spectrum);
        TopEigen t = new TopEigen(8);
        assertEquals(1, t.topByFraction(a, 0.5).values().length);
        assertEquals(2, t.topByFraction(a, 0.75).values().length);
        assertEquals(3, t.topByFraction(a, 0.76).values().length);
        assertEquals(5, t.topByFraction(a, 1.0).values().length, "exact zeros are not needed to reach 100 %");
        assertEquals(1, t.topByFraction(new double[64], 0.9).values().length);
    }

    @Test
    void resultsAreDeterministicAcrossCallsAndInstances() {
        double[] a = withSpectrum(77, new double[]{5, 5, 5, 2, 1, 0.5});
        TopEigen t = new TopEigen(6);
        Covariance.Eigen first = t.top(a, 4);
        t.top(withSpectrum(78, new double[]{1, 2, 3, 4, 5, 6}), 3);
        assertArrayEquals(first.vectors(), t.top(a, 4).vectors(), 0);
        assertArrayEquals(first.vectors(), new TopEigen(6).top(a, 4).vectors(), 0);
    }

    // ---- the block Lanczos path (large n, few pairs), checked against known spectra ----

    /** Eigenvalue errors of the Krylov method, relative to ||A||_2. */
    private static final double KRYLOV_VALUE = 1e-10;
    /** Residuals ||A v - lambda v|| of the Krylov method, relative to ||A||_2. */
    private static final double KRYLOV_RESIDUAL = 1e-9;
    /** sin of the angle between a computed vector and the eigenspace of its (known) eigenvalue cluster. */
    private static final double KRYLOV_ANGLE = 1e-7;

    /** A symmetric matrix Q diag(lambda) Q^T with its known Q (columns: eigenvectors, in the order of lambda). */
    private record Known(String name, int n, double[] a, double[] lambda, DMatrixRMaj q) {
    }

    private static Known known(String name, long seed, double[] lambda) {
        int n = lambda.length;
        DMatrixRMaj q = Constructed.orthogonal(new SplittableRandom(seed), n);
        DMatrixRMaj qd = q.copy();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                qd.data[i * n + j] *= lambda[j];
            }
        }
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(qd, q, a);
        symmetrise(a);
        return new Known(name, n, a.data, lambda, q);
    }

    static Stream<Arguments> knownSpectra() {
        SplittableRandom r = new SplittableRandom(91);
        // a repeated top eigenvalue (x3), then separated values, then a bulk in [0, 1)
        double[] repeated = new double[600];
        Arrays.fill(repeated, 0, 3, 10.0);
        for (int i = 3; i < 12; i++) {
            repeated[i] = 9 - 0.5 * (i - 3);
        }
        for (int i = 12; i < 600; i++) {
            repeated[i] = r.nextDouble();
        }
        // a tight cluster 10 +- 2e-7 (5 values) straddling the 8th: 5 separated values above it, a bulk below
        double[] cluster = new double[800];
        for (int i = 0; i < 5; i++) {
            cluster[i] = 20 - 2 * i;
        }
        for (int i = 5; i < 10; i++) {
            cluster[i] = 10 + 1e-7 * (7 - i);
        }
        for (int i = 10; i < 800; i++) {
            cluster[i] = 5 * r.nextDouble();
        }
        // rank 3, so that 5 of the 8 wanted eigenvalues are 0
        double[] rank3 = new double[700];
        rank3[0] = 5;
        rank3[1] = 3;
        rank3[2] = 1;
        // indefinite: the most negative eigenvalues are larger in magnitude than the top ones
        double[] indefinite = new double[900];
        for (int i = 0; i < 900; i++) {
            indefinite[i] = i < 10 ? 4 - 0.25 * i : -50 * r.nextDouble();
        }
        // scatter-like geometric decay, more pairs
        double[] decay = new double[1000];
        for (int i = 0; i < 1000; i++) {
            decay[i] = 1e3 * Math.pow(0.9, i);
        }
        return Stream.of(
                Arguments.of(known("top eigenvalue repeated 3 times", 92, repeated), 8),
                Arguments.of(known("cluster of 5 within 4e-7 straddling k", 93, cluster), 8),
                Arguments.of(known("rank 3 of 700", 94, rank3), 8),
                Arguments.of(known("negative-definite bulk larger than the top", 95, indefinite), 8),
                Arguments.of(known("geometric decay 0.9", 96, decay), 40));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("knownSpectra")
    void krylovPairsMatchTheKnownSpectrumAndEigenspaces(Known m, int k) {
        int n = m.n();
        double[] copy = m.a().clone();
        BlockLanczos lanczos = new BlockLanczos(n);
        Covariance.Eigen top = lanczos.top(m.a(), k);
        assertArrayEquals(copy, m.a(), 0, "input not modified");
        assertTrue(top != null, m.name() + ": converged without the dense fallback");
        double[] sorted = m.lambda().clone();
        Arrays.sort(sorted);
        double norm = Math.max(Math.abs(sorted[0]), Math.abs(sorted[n - 1]));
        double[] v = top.vectors();
        double[] av = new double[n];
        for (int c = 0; c < k; c++) {
            double value = top.values()[c];
            assertEquals(sorted[n - 1 - c], value, KRYLOV_VALUE * norm, m.name() + " eigenvalue " + c);
            // residual
            double res = 0;
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += m.a()[i * n + j] * v[c * n + j];
                }
                av[i] = s;
                res += (s - value * v[c * n + i]) * (s - value * v[c * n + i]);
            }
            assertTrue(Math.sqrt(res) <= KRYLOV_RESIDUAL * norm, m.name() + " residual " + c + ": " + Math.sqrt(res));
            // orthonormal
            for (int p = 0; p <= c; p++) {
                double dot = 0;
                for (int j = 0; j < n; j++) {
                    dot += v[c * n + j] * v[p * n + j];
                }
                assertEquals(c == p ? 1 : 0, dot, 1e-12, m.name() + " V V^T [" + c + "," + p + "]");
            }
            // in the eigenspace of the known cluster of its eigenvalue (1e-6 ||A|| wide)
            double inside = 0;
            for (int j = 0; j < n; j++) {
                if (Math.abs(m.lambda()[j] - sorted[n - 1 - c]) <= 1e-6 * norm) {
                    double dot = 0;
                    for (int i = 0; i < n; i++) {
                        dot += m.q().data[i * n + j] * v[c * n + i];
                    }
                    inside += dot * dot;
                }
            }
            double sin = Math.sqrt(Math.max(0, 1 - inside));
            assertTrue(sin <= KRYLOV_ANGLE, m.name() + " vector " + c + " leaves its eigenspace: sin " + sin);
            int arg = 0;
            for (int j = 1; j < n; j++) {
                if (Math.abs(v[c * n + j]) > Math.abs(v[c * n + arg])) {
                    arg = j;
                }
            }
            assertTrue(v[c * n + arg] > 0, m.name() + " sign convention " + c);
        }
        // the dense method agrees, vector for vector where eigenvalues are separated
        Covariance.Eigen dense = new TopEigen(n).top(m.a(), k, TopEigen.Method.DENSE);
        for (int c = 0; c < k; c++) {
            assertEquals(dense.values()[c], top.values()[c], KRYLOV_VALUE * norm, m.name() + " dense value " + c);
            double lam = sorted[n - 1 - c];
            boolean separated = (c == 0 || sorted[n - c] - lam > 1e-3 * norm) && lam - sorted[n - 2 - c] > 1e-3 * norm;
            if (separated) {
                double dot = 0;
                for (int j = 0; j < n; j++) {
                    dot += dense.vectors()[c * n + j] * v[c * n + j];
                }
                assertEquals(1, dot, 1e-12, m.name() + " dense vector " + c + " (same sign)");
            }
        }
    }

    @Test
    void zeroMatrixGivesZerosAndUnitVectorsLikeTheDenseMethod() {
        int n = 640;
        double[] zero = new double[n * n];
        Covariance.Eigen krylov = new BlockLanczos(n).top(zero, 8);
        Covariance.Eigen dense = new TopEigen(n).top(zero, 8, TopEigen.Method.DENSE);
        assertArrayEquals(new double[8], krylov.values(), 0);
        assertArrayEquals(dense.vectors(), krylov.vectors(), 0);
        assertArrayEquals(dense.vectors(), new TopEigen(n).top(zero, 8).vectors(), 0);
    }

    @Test
    void autoUsesTheKrylovMethodOnlyForLargeMatricesAndFewPairsAndIsDeterministic() {
        double[] lambda = new double[600];
        for (int i = 0; i < 600; i++) {
            lambda[i] = Math.pow(0.95, i);
        }
        Known m = known("decay", 97, lambda);
        TopEigen t = new TopEigen(600);
        Covariance.Eigen krylov = new BlockLanczos(600).top(m.a(), 8);
        Covariance.Eigen dense = t.top(m.a(), 8, TopEigen.Method.DENSE);
        assertArrayEquals(krylov.vectors(), t.top(m.a(), 8).vectors(), 0, "600 x 600, k = 8: Krylov");
        assertArrayEquals(krylov.vectors(), t.top(m.a(), 8, TopEigen.Method.KRYLOV).vectors(), 0);
        assertArrayEquals(krylov.values(), new TopEigen(600).top(m.a(), 8).values(), 0, "deterministic");
        // k > n / 16 = 37: dense
        assertArrayEquals(t.top(m.a(), 38, TopEigen.Method.DENSE).vectors(), t.top(m.a(), 38).vectors(), 0);
        boolean differs = false;
        for (int i = 0; i < krylov.vectors().length; i++) {
            differs |= krylov.vectors()[i] != dense.vectors()[i];
        }
        assertTrue(differs, "the two methods are distinguishable, so the checks above can fail");
    }
}
