package org.attractorlab.core.analysis.pca;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.hessenberg.TridiagonalDecompositionHouseholder_DDRM;

/**
 * The k largest eigenpairs of a symmetric matrix, without computing the others: Householder reduction to a
 * tridiagonal T = Q^T A Q (EJML), the k largest eigenvalues of T by bisection on Sturm sequences, their
 * eigenvectors z by inverse iteration on T, and v = Q z (the scheme of LAPACK's dsyevx: dsytrd, dstebz, dstein).
 * For 128 x 128 and k = 10 this takes about half the time of a full symmetric QR eigen-decomposition, whose cost
 * is dominated by accumulating every eigenvector.
 *
 * <p>Accuracy is that of a full decomposition: eigenvalues to about eps ||A||, residuals ||A v - lambda v|| of
 * the same order. Eigenvalues closer than 1e-3 ||A|| form a cluster, whose vectors are re-orthogonalised against
 * each other at every inverse iteration step (modified Gram-Schmidt), and repeated eigenvalues are separated by a
 * relative 10 eps so that every shift gives its own factorisation (dstein's rules). Starting vectors are drawn
 * from a fixed seed, so results are deterministic.
 *
 * <p>For a large matrix and few pairs ({@link #top} with n &gt;= {@value #KRYLOV_MIN_SIZE} and
 * k &lt;= n / {@value #KRYLOV_MAX_FRACTION}), the pairs come instead from thick-restarted block Lanczos
 * ({@link BlockLanczos}): products of A with blocks of vectors only, O(n^2) per product instead of the O(n^3) of the
 * reduction (for n = 2560 and k = 8, tens of seconds become a fraction of a second). Its pairs satisfy
 * ||A v - lambda v|| &lt;= {@value BlockLanczos#CHECK} ||A||, so eigenvalues agree with the dense method's to that
 * order (and to about its square over the gap when separated); if it does not converge within its bounded number
 * of restarts the dense method is used. {@link #topByFraction} always uses the dense method (the number of pairs
 * is not known in advance).
 *
 * <p>Holds workspace for one matrix size: reuse one instance for many matrices of that size, from one thread at a
 * time.
 */
public final class TopEigen {
    /** Smallest n for which {@link Method#AUTO} uses the Krylov method. */
    public static final int KRYLOV_MIN_SIZE = 512;
    /** {@link Method#AUTO} uses the Krylov method for k &lt;= n / this. */
    public static final int KRYLOV_MAX_FRACTION = 16;

    /** How {@link #top(double[], int, Method)} computes the pairs. */
    public enum Method {
        /** Block Lanczos for n &gt;= {@value #KRYLOV_MIN_SIZE} and k &lt;= n / {@value #KRYLOV_MAX_FRACTION}, else dense. */
        AUTO,
        /** Householder tridiagonalisation, bisection and inverse iteration. */
        DENSE,
        /** Block Lanczos whenever its basis fits in n dimensions; dense if it does not fit or does not converge. */
        KRYLOV
    }

    private static final double EPS = Math.ulp(1.0);
    /** Inverse iteration steps per eigenvector (each a tridiagonal solve). */
    private static final int ITERATIONS = 3;

    private final int n;
    private final Tridiagonal tri = new Tridiagonal();
    /**
     * The matrix, then (after the reduction) T and the Householder vectors (EJML's QT storage); allocated on the first
     * dense solve.
     */
    private DMatrixRMaj work;
    private BlockLanczos krylov;
    private final double[] d;
    private final double[] e;
    private final double[] e2;
    private final double[] main;
    private final double[] sup1;
    private final double[] sup2;
    private final double[] mult;
    private final boolean[] swapped;
    private final double[] x;
    private double pivmin;
    private double gershLow;
    private double gershHigh;
    /** T is exactly zero: every eigenvalue is 0. */
    private boolean zero;

    /** Workspace for matrices of size n x n. */
    public TopEigen(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("matrix size must be >= 1, got " + n);
        }
        this.n = n;
        d = new double[n];
        e = new double[n];
        e2 = new double[n];
        main = new double[n];
        sup1 = new double[n];
        sup2 = new double[n];
        mult = new double[n];
        swapped = new boolean[n];
        x = new double[n];
    }

    public int size() {
        return n;
    }

    /**
     * The k largest eigenvalues (descending) and their unit eigenvectors, each with its largest-|.| entry
     * positive.
     *
     * @param a symmetric [n, n] row-major (only its values are read; not modified)
     * @param k 1 .. n
     */
    public Covariance.Eigen top(double[] a, int k) {
        return top(a, k, Method.AUTO);
    }

    /**
     * {@link #top(double[], int)} by the given method (see {@link Method}; {@code AUTO} is what
     * {@link #top(double[], int)} uses).
     *
     * @param a symmetric [n, n] row-major, not modified
     * @param k 1 .. n
     */
    public Covariance.Eigen top(double[] a, int k, Method method) {
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("number of eigenvectors " + k + " is not within 1.." + n);
        }
        boolean krylovPays = n >= KRYLOV_MIN_SIZE && k <= n / KRYLOV_MAX_FRACTION;
        if ((method == Method.KRYLOV || method == Method.AUTO && krylovPays) && BlockLanczos.fits(n, k)) {
            if (krylov == null) {
                krylov = new BlockLanczos(n);
            }
            Covariance.Eigen e = krylov.top(a, k);
            if (e != null) {
                return e;
            }
        }
        reduce(a);
        double[] values = new double[k];
        for (int j = 0; j < k; j++) {
            values[j] = largest(j, j == 0 ? gershHigh : values[j - 1]);
        }
        return new Covariance.Eigen(values, vectors(values));
    }

    /**
     * The fewest leading eigenpairs whose eigenvalues (negatives counted as 0) sum to at least
     * {@code fraction} of the trace (1 pair if the trace is not positive).
     *
     * @param a        symmetric [n, n], not modified
     * @param fraction in (0, 1]
     */
    public Covariance.Eigen topByFraction(double[] a, double fraction) {
        double trace = 0;
        for (int i = 0; i < n; i++) {
            trace += a[i * n + i];
        }
        reduce(a);
        double[] values = new double[n];
        int k = 0;
        double sum = 0;
        do {
            values[k] = largest(k, k == 0 ? gershHigh : values[k - 1]);
            sum += Math.max(0, values[k]);
            k++;
        } while (k < n && trace > 0 && sum < fraction * trace * (1 - 1e-12));
        values = Arrays.copyOf(values, k);
        return new Covariance.Eigen(values, vectors(values));
    }

    /** Tridiagonalises a into d (diagonal) and e (off-diagonal), q = Q; sets the Gershgorin bounds. */
    private void reduce(double[] a) {
        if (a.length != n * n) {
            throw new IllegalArgumentException("matrix has " + a.length + " values, expected " + n + " x " + n);
        }
        if (work == null) {
            work = new DMatrixRMaj(n, n);
        }
        System.arraycopy(a, 0, work.data, 0, n * n);
        if (!tri.decompose(work)) {
            throw new IllegalStateException("tridiagonal reduction failed");
        }
        tri.getDiagonal(d, e);
        double maxE2 = 0;
        gershLow = Double.POSITIVE_INFINITY;
        gershHigh = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double left = i > 0 ? Math.abs(e[i - 1]) : 0;
            double right = i < n - 1 ? Math.abs(e[i]) : 0;
            gershLow = Math.min(gershLow, d[i] - left - right);
            gershHigh = Math.max(gershHigh, d[i] + left + right);
            if (i < n - 1) {
                e2[i] = e[i] * e[i];
                maxE2 = Math.max(maxE2, e2[i]);
            }
        }
        pivmin = Double.MIN_NORMAL * Math.max(1, maxE2);
        double norm = Math.max(Math.abs(gershLow), Math.abs(gershHigh));
        zero = norm == 0;
        // widen so that the ends are strict bounds despite rounding
        gershLow -= 2 * EPS * norm * n + 2 * pivmin;
        gershHigh += 2 * EPS * norm * n + 2 * pivmin;
    }

    /** Number of eigenvalues of T below x (Sturm sequence of the LDL^T factorisation of T - x I). */
    private int countBelow(double xv) {
        int c = 0;
        double qv = d[0] - xv;
        if (Math.abs(qv) <= pivmin) {
            qv = -pivmin;
        }
        if (qv < 0) {
            c++;
        }
        for (int i = 1; i < n; i++) {
            qv = d[i] - xv - e2[i - 1] / qv;
            if (Math.abs(qv) <= pivmin) {
                qv = -pivmin;
            }
            if (qv < 0) {
                c++;
            }
        }
        return c;
    }

    /** The (j+1)-th largest eigenvalue of T by bisection, below {@code upper} (a bound from the previous one). */
    private double largest(int j, double upper) {
        if (zero) {
            return 0;
        }
        int m = n - 1 - j; // ascending index
        double lo = gershLow;
        double hi = Math.min(gershHigh, upper + 2 * EPS * Math.abs(upper) + 2 * pivmin);
        if (countBelow(hi) < m + 1) {
            hi = gershHigh;
        }
        double norm = Math.max(Math.abs(gershLow), Math.abs(gershHigh));
        double atol = EPS * norm;
        for (int it = 0; it < 200; it++) {
            double mid = 0.5 * (lo + hi);
            if (hi - lo <= 2 * EPS * Math.max(Math.abs(lo), Math.abs(hi)) + atol || mid <= lo || mid >= hi) {
                break;
            }
            if (countBelow(mid) >= m + 1) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** Eigenvectors of A for the given eigenvalues of T (descending): inverse iteration on T, then Q z. */
    private double[] vectors(double[] values) {
        int k = values.length;
        double norm = Math.max(Math.abs(gershLow), Math.abs(gershHigh));
        double[] z = new double[k * n];
        double[] out = new double[k * n];
        if (zero) {
            for (int c = 0; c < k; c++) {
                out[c * n + c] = 1;
            }
            return out;
        }
        double ortol = 1e-3 * norm;
        long seed = 0x9E3779B97F4A7C15L;
        int clusterStart = 0;
        double shifted = 0;
        for (int j = 0; j < k; j++) {
            double xj = values[j];
            if (j > 0 && values[j - 1] - values[j] < ortol) {
                double pertol = 10 * EPS * Math.abs(xj);
                if (shifted - xj < pertol) {
                    xj = shifted - pertol;
                }
            } else {
                clusterStart = j;
            }
            shifted = xj;
            factor(xj, EPS * norm);
            double s = 0;
            for (int i = 0; i < n; i++) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                x[i] = ((seed >>> 11) * 0x1.0p-53) - 0.5;
                s += x[i] * x[i];
            }
            scale(x, 1 / Math.sqrt(s));
            for (int it = 0; it < ITERATIONS; it++) {
                solve(x);
                for (int p = clusterStart; p < j; p++) {
                    double dot = 0;
                    for (int i = 0; i < n; i++) {
                        dot += x[i] * z[p * n + i];
                    }
                    for (int i = 0; i < n; i++) {
                        x[i] -= dot * z[p * n + i];
                    }
                }
                double nx = 0;
                for (int i = 0; i < n; i++) {
                    nx += x[i] * x[i];
                }
                scale(x, 1 / Math.sqrt(nx));
            }
            System.arraycopy(x, 0, z, j * n, n);
            System.arraycopy(x, 0, out, j * n, n);
            toOriginalBasis(out, j * n);
            double nv = 0;
            for (int r = 0; r < n; r++) {
                nv += out[j * n + r] * out[j * n + r];
            }
            double inv = 1 / Math.sqrt(nv);
            for (int r = 0; r < n; r++) {
                out[j * n + r] *= inv;
            }
            Covariance.fixSign(out, j * n, n);
        }
        return out;
    }

    /**
     * v = Q v for the Q of A = Q T Q^T, applying the reflectors instead of forming Q: with EJML's storage,
     * Q = H_0 H_1 ... H_{n-2}, H_j = I - gamma_{j+1} u_j u_j^T, u_j = (0 .. 0, 1 at j + 1, QT[j, j+2 ..]).
     * v[off .. off + n) is modified.
     */
    private void toOriginalBasis(double[] v, int off) {
        double[] t = work.data;
        for (int j = n - 2; j >= 0; j--) {
            double g = tri.gamma(j + 1);
            if (g == 0) {
                continue;
            }
            int row = j * n;
            double dot = v[off + j + 1];
            for (int i = j + 2; i < n; i++) {
                dot += t[row + i] * v[off + i];
            }
            dot *= g;
            v[off + j + 1] -= dot;
            for (int i = j + 2; i < n; i++) {
                v[off + i] -= dot * t[row + i];
            }
        }
    }

    /** EJML's Householder tridiagonalisation, with access to the reflector scalars. */
    private static final class Tridiagonal extends TridiagonalDecompositionHouseholder_DDRM {
        double gamma(int k) {
            return gammas[k];
        }
    }

    private static void scale(double[] v, double s) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= s;
        }
    }

    /**
     * LU factorisation with partial pivoting of the tridiagonal T - shift I: U has diagonal main, super-diagonals
     * sup1, sup2; row i was swapped with row i + 1 if swapped[i]; mult[i] is the elimination multiplier. Pivots
     * smaller than tiny (the matrix is singular to working precision at an eigenvalue) become +-tiny.
     */
    private void factor(double shift, double tiny) {
        for (int i = 0; i < n; i++) {
            main[i] = d[i] - shift;
            sup1[i] = i < n - 1 ? e[i] : 0;
            sup2[i] = 0;
        }
        for (int i = 0; i < n - 1; i++) {
            double sub = e[i]; // row i + 1 is untouched so far: [e_i, d_{i+1} - shift, e_{i+1}]
            if (Math.abs(main[i]) >= Math.abs(sub)) {
                if (Math.abs(main[i]) < tiny) {
                    main[i] = main[i] < 0 ? -tiny : tiny;
                }
                double m = sub / main[i];
                mult[i] = m;
                swapped[i] = false;
                main[i + 1] -= m * sup1[i];
            } else {
                double m = main[i] / sub;
                mult[i] = m;
                swapped[i] = true;
                double nextMain = main[i + 1];
                double nextSup = i + 1 < n - 1 ? sup1[i + 1] : 0;
                double rowSup = sup1[i];
                main[i] = sub;
                sup1[i] = nextMain;
                sup2[i] = nextSup;
                main[i + 1] = rowSup - m * nextMain;
                if (i + 1 < n - 1) {
                    sup1[i + 1] = -m * nextSup;
                }
            }
        }
        if (Math.abs(main[n - 1]) < tiny) {
            main[n - 1] = main[n - 1] < 0 ? -tiny : tiny;
        }
    }

    /** Solves (T - shift I) y = b in place (b becomes y) with the factors of {@link #factor}. */
    private void solve(double[] b) {
        for (int i = 0; i < n - 1; i++) {
            if (swapped[i]) {
                double t = b[i];
                b[i] = b[i + 1];
                b[i + 1] = t - mult[i] * b[i + 1];
            } else {
                b[i + 1] -= mult[i] * b[i];
            }
        }
        b[n - 1] /= main[n - 1];
        if (n > 1) {
            b[n - 2] = (b[n - 2] - sup1[n - 2] * b[n - 1]) / main[n - 2];
        }
        for (int i = n - 3; i >= 0; i--) {
            b[i] = (b[i] - sup1[i] * b[i + 1] - sup2[i] * b[i + 2]) / main[i];
        }
    }
}
