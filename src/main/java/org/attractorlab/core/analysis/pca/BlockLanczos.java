package org.attractorlab.core.analysis.pca;

import org.attractorlab.core.tensor.DVec;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The k largest eigenpairs of a large symmetric n x n matrix A, k &lt;&lt; n, by thick-restarted block Lanczos with
 * full re-orthogonalisation (a symmetric block Krylov-Schur method; Wu and Simon 2000, Stewart 2001, Zhou and Saad
 * 2008). Only products A X of A with blocks of b vectors are used: O(n^2 b) per block instead of the O(4/3 n^3) of
 * a tridiagonal reduction, and A is streamed from memory once per block of b vectors.
 *
 * <p><b>The iteration.</b> An orthonormal basis V = [v_0 .. v_{L-1}] (rows of {@code basis}) grows a block at a
 * time: W = A V_s for the last block V_s, W is orthogonalised against all of V and within itself (classical
 * Gram-Schmidt, two passes, a third if a pass removes more than half of the norm) and becomes the next block. The
 * Gram-Schmidt coefficients are the entries of the projected matrix H = V^T A V, kept explicitly (symmetrised). A
 * new vector whose norm after orthogonalisation is below {@value #DROP} ||A||_F (an invariant subspace: a
 * rank-deficient or zero A, or a repeated eigenvalue) is replaced by a random vector orthogonal to the basis, and
 * its coupling is set to 0. Then A V = V H + F R^T E_last, with F the orthonormalised last W and R its Gram-Schmidt
 * factor. When the basis holds m vectors, Rayleigh-Ritz: H = Y diag(theta) Y^T (EJML's symmetric QR), Ritz
 * vectors x_j = V y_j with residuals ||A x_j - theta_j x_j|| = ||R y_j[last block]||. If the k largest have
 * converged the result is returned, else the basis restarts from the p = k + guard largest Ritz vectors and F
 * (H = diag(theta_1..p) plus the coupling of F, which the next block's Gram-Schmidt recomputes) and grows again.
 * The guard vectors (at least b beyond k) let an eigenvalue cluster straddling the k-th converge as a whole, and a
 * block of b &gt;= 2 vectors finds up to b copies of a repeated eigenvalue (one vector can only find one copy in
 * exact arithmetic).
 *
 * <p><b>Convergence</b> is a residual test, never an iteration count: each of the k wanted Ritz pairs must have an
 * estimated residual below {@value #TOLERANCE} ||A||, and then, computed explicitly (k more products), a residual
 * ||A x_j - theta_j x_j|| below {@value #CHECK} ||A|| (or, if larger, the rounding level 16 eps sqrt(n) ||A||_F of a
 * product, which for n = 2560 is below 1e-12 ||A||_2 unless the spectrum is nearly flat), where ||A|| is the largest
 * |Ritz value| seen (a lower bound of ||A||_2, so the test is if anything stricter than stated). Eigenvalue errors are then below the residual
 * (Weyl), and about residual^2 / gap for separated ones; vectors are orthonormal to about 1e-15. If a pass fails
 * the explicit test the iteration simply goes on. After {@value #MAX_RESTARTS} restarts without convergence,
 * {@link #top} returns null and the caller should use a dense method ({@link TopEigen} does).
 *
 * <p>Start block: b vectors from a fixed-seed generator, reset at every call, so results are deterministic (on a
 * given machine: the vectorised dot products sum in an order fixed by the vector width). A zero matrix gives the
 * zero eigenvalues and the unit vectors e_0 .. e_{k-1}, as {@link TopEigen}'s dense method does.
 *
 * <p>Holds workspace for one n and the last k: about (m + b + p + k) n doubles, m = p + b s. Reuse one instance for
 * many matrices, from one thread at a time. Nothing is allocated inside the iteration except by EJML's small
 * m x m eigen-decomposition once per restart.
 */
final class BlockLanczos {
    /** Wanted Ritz pairs converge when their estimated residual is below this times ||A||. */
    static final double TOLERANCE = 1e-13;
    /** ... and their explicitly computed residual below this times ||A||. */
    static final double CHECK = 1e-12;
    /**
     * The explicit residual test accepts at least this times sqrt(n) ||A||_F (about the rounding of a product A x),
     * so that a matrix with a flat spectrum cannot make an attainable residual look unconverged.
     */
    static final double ROUNDING = 16 * 0x1.0p-52;
    /** A new basis vector below this fraction of ||A||_F after orthogonalisation is replaced by a random one. */
    static final double DROP = 1e-12;
    /** Restarts before giving up (the dense fallback takes over). */
    static final int MAX_RESTARTS = 300;
    /** Largest block. */
    static final int MAX_BLOCK = 8;
    private static final long SEED = 0x2545F4914F6CDD1DL;


    private final int n;
    private int k = -1;
    /** Block size b, kept Ritz vectors p, largest basis m. */
    private int b;
    private int p;
    private int m;
    /** Basis rows [m + b, n]: v_0 .. v_{L-1}, then the block under construction. */
    private double[] basis;
    /** H = V^T A V [m, m]. */
    private double[] h;
    /** Gram-Schmidt factor of the last block [b, b]: w_i = sum_l r[l, i] f_l. */
    private double[] r;
    /** Ritz vectors [p, n]; then the k results. */
    private double[] ritz;
    /** A times the k candidate Ritz vectors [k, n]. */
    private double[] image;
    /** Gram-Schmidt coefficients of one vector [m + b]. */
    private double[] coef;
    private double[] theta;
    private int[] order;
    private DMatrixRMaj projected;
    private EigenDecomposition_F64<DMatrixRMaj> eig;
    private long seed;
    private int restarts;
    private int products;

    BlockLanczos(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("matrix size must be >= 1, got " + n);
        }
        this.n = n;
    }

    /** Whether k pairs can be sought this way at this n (the basis must fit: m + b &lt;= n). */
    static boolean fits(int n, int k) {
        int[] s = shape(k);
        return k >= 1 && s[2] + s[0] <= n;
    }

    /** {b, p, m} for k wanted pairs. */
    private static int[] shape(int k) {
        int bb = Math.max(2, Math.min(MAX_BLOCK, k));
        int pp = k + Math.max(bb, 4);
        int steps = Math.max(3, (2 * k + bb - 1) / bb);
        return new int[]{bb, pp, pp + bb * steps};
    }

    /** Restarts of the last call to {@link #top}. */
    int restarts() {
        return restarts;
    }

    /** Products of A with one vector in the last call (a block of b counts b). */
    int products() {
        return products;
    }

    private void ensure(int kk) {
        if (kk == k) {
            return;
        }
        int[] s = shape(kk);
        k = kk;
        b = s[0];
        p = s[1];
        m = s[2];
        basis = new double[(m + b) * n];
        h = new double[m * m];
        r = new double[b * b];
        ritz = new double[p * n];
        image = new double[k * n];
        coef = new double[m + b];
        theta = new double[m];
        order = new int[m];
        projected = new DMatrixRMaj(m, m);
        eig = DecompositionFactory_DDRM.eig(m, true, true);
    }

    /**
     * The k largest eigenvalues (descending) and their unit eigenvectors (largest-|.| entry positive), or null if
     * the iteration did not converge within {@value #MAX_RESTARTS} restarts.
     *
     * @param a symmetric [n, n] row-major, not modified (only A times vectors is used; symmetry is assumed, not
     *          checked)
     * @param k 1 .. n with {@link #fits}(n, k)
     */
    Covariance.Eigen top(double[] a, int kk) {
        if (a.length != n * n) {
            throw new IllegalArgumentException("matrix has " + a.length + " values, expected " + n + " x " + n);
        }
        if (!fits(n, kk)) {
            throw new IllegalArgumentException(kk + " eigenpairs of a " + n + " x " + n
                    + " matrix do not fit a block Krylov basis");
        }
        ensure(kk);
        restarts = 0;
        products = 0;
        seed = SEED;
        double frob = 0;
        for (double v : a) {
            frob += v * v;
        }
        frob = Math.sqrt(frob);
        if (frob == 0) {
            double[] vectors = new double[k * n];
            for (int c = 0; c < k; c++) {
                vectors[c * n + c] = 1;
            }
            return new Covariance.Eigen(new double[k], vectors);
        }
        double drop = DROP * frob;
        // start block: b random orthonormal vectors
        for (int i = 0; i < b; i++) {
            randomOrthogonal(i, i);
        }
        int len = b;      // vectors in the basis
        int s = 0;        // first vector of the block whose image is not yet known
        double norm = 0;  // largest |Ritz value| seen: a lower bound of ||A||_2
        java.util.Arrays.fill(h, 0);
        for (; restarts <= MAX_RESTARTS; restarts++) {
            // grow the basis to m vectors
            while (true) {
                int next = len; // the new block goes to rows len .. len + b
                multiply(a, basis, s * n, b, basis, next * n);
                products += b;
                java.util.Arrays.fill(r, 0);
                for (int i = 0; i < b; i++) {
                    int wo = (next + i) * n;
                    java.util.Arrays.fill(coef, 0, next + i, 0);
                    orthogonalise(wo, next + i);
                    for (int l = 0; l < next; l++) {
                        h[l * m + s + i] = coef[l];
                    }
                    for (int l = 0; l < i; l++) {
                        r[l * b + i] = coef[next + l];
                    }
                    double nw = Math.sqrt(DVec.dot(n, basis, wo, basis, wo));
                    if (nw > drop) {
                        r[i * b + i] = nw;
                        scale(wo, 1 / nw);
                    } else {
                        // w_i lies in the span so far: its coupling to the new direction (R_ii) is dropped
                        randomOrthogonal(next + i, next + i);
                    }
                }
                // H symmetric: mirror the new columns, average the block's own (computed twice)
                for (int i = 0; i < b; i++) {
                    int c = s + i;
                    for (int l = 0; l < s; l++) {
                        h[c * m + l] = h[l * m + c];
                    }
                    for (int j = 0; j < i; j++) {
                        int cj = s + j;
                        double avg = 0.5 * (h[cj * m + c] + h[c * m + cj]);
                        h[cj * m + c] = avg;
                        h[c * m + cj] = avg;
                    }
                }
                if (len + b > m) {
                    break;
                }
                s = len;
                len += b;
            }
            // Rayleigh-Ritz on H [len, len]
            projected.reshape(len, len);
            for (int i = 0; i < len; i++) {
                System.arraycopy(h, i * m, projected.data, i * len, len);
            }
            if (!eig.decompose(projected)) {
                return null;
            }
            for (int i = 0; i < len; i++) {
                theta[i] = eig.getEigenvalue(i).real;
                order[i] = i;
                norm = Math.max(norm, Math.abs(theta[i]));
            }
            sortDescending(len);
            boolean estimated = true;
            for (int j = 0; j < k && estimated; j++) {
                estimated = residualEstimate(order[j], s) <= TOLERANCE * norm;
            }
            if (estimated) {
                ritzVectors(k, len);
                multiply(a, ritz, 0, k, image, 0);
                products += k;
                boolean ok = true;
                for (int j = 0; j < k && ok; j++) {
                    double t = theta[order[j]];
                    double res = 0;
                    int o = j * n;
                    for (int i = 0; i < n; i++) {
                        double d = image[o + i] - t * ritz[o + i];
                        res += d * d;
                    }
                    ok = Math.sqrt(res) <= Math.max(CHECK * norm, ROUNDING * Math.sqrt(n) * frob);
                }
                if (ok) {
                    double[] values = new double[k];
                    double[] vectors = new double[k * n];
                    for (int j = 0; j < k; j++) {
                        values[j] = theta[order[j]];
                        int o = j * n;
                        double inv = 1 / Math.sqrt(DVec.dot(n, ritz, o, ritz, o));
                        for (int i = 0; i < n; i++) {
                            vectors[o + i] = ritz[o + i] * inv;
                        }
                        Covariance.fixSign(vectors, o, n);
                    }
                    return new Covariance.Eigen(values, vectors);
                }
            }
            // thick restart: keep the p largest Ritz vectors and the residual block F
            ritzVectors(p, len);
            System.arraycopy(ritz, 0, basis, 0, p * n);
            System.arraycopy(basis, len * n, basis, p * n, b * n);
            java.util.Arrays.fill(h, 0);
            for (int j = 0; j < p; j++) {
                h[j * m + j] = theta[order[j]];
            }
            s = p;
            len = p + b;
        }
        return null;
    }

    /** ||R y[s .. s + b)|| for Ritz vector y (EJML column {@code col}), s the last block. */
    private double residualEstimate(int col, int s) {
        DMatrixRMaj y = eig.getEigenVector(col);
        double sum = 0;
        for (int l = 0; l < b; l++) {
            double acc = 0;
            for (int i = l; i < b; i++) {
                acc += r[l * b + i] * y.data[s + i];
            }
            sum += acc * acc;
        }
        return Math.sqrt(sum);
    }

    /** ritz[j] = sum_l y_j[l] v_l for the count largest Ritz vectors, over the first len basis vectors. */
    private void ritzVectors(int count, int len) {
        java.util.Arrays.fill(ritz, 0, count * n, 0);
        for (int j = 0; j < count; j++) {
            DMatrixRMaj y = eig.getEigenVector(order[j]);
            for (int l = 0; l < len; l++) {
                DVec.axpy(n, y.data[l], basis, l * n, ritz, j * n);
            }
        }
    }

    /** Sorts order[0 .. len) by theta descending (insertion sort; len is small). */
    private void sortDescending(int len) {
        for (int i = 1; i < len; i++) {
            int o = order[i];
            double t = theta[o];
            int j = i - 1;
            while (j >= 0 && theta[order[j]] < t) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = o;
        }
    }

    /**
     * Removes from the basis row {@code row} (offset wo) its components along rows 0 .. row - 1, adding the
     * coefficients into coef[0 .. row). Classical Gram-Schmidt, two passes, a third if the second removed more than
     * half of what was left. The row is modified.
     */
    private void orthogonalise(int wo, int row) {
        double before = DVec.dot(n, basis, wo, basis, wo);
        for (int pass = 0; pass < 3; pass++) {
            for (int l = 0; l < row; l++) {
                double c = DVec.dot(n, basis, l * n, basis, wo);
                coef[l] += c;
                DVec.axpy(n, -c, basis, l * n, basis, wo);
            }
            double after = DVec.dot(n, basis, wo, basis, wo);
            if (pass >= 1 && after > 0.25 * before) {
                return;
            }
            before = after;
        }
    }

    /** Basis row {@code row} = a random unit vector orthogonal to rows 0 .. row - 1 (fixed-seed generator). */
    private void randomOrthogonal(int row, int count) {
        int wo = row * n;
        for (int attempt = 0; attempt < 5; attempt++) {
            for (int i = 0; i < n; i++) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                basis[wo + i] = ((seed >>> 11) * 0x1.0p-53) - 0.5;
            }
            orthogonalise(wo, count);
            double nw = Math.sqrt(DVec.dot(n, basis, wo, basis, wo));
            if (nw > 1e-8) {
                scale(wo, 1 / nw);
                return;
            }
        }
        throw new IllegalStateException("no vector orthogonal to a basis of " + count + " in dimension " + n);
    }

    private void scale(int off, double sv) {
        for (int i = 0; i < n; i++) {
            basis[off + i] *= sv;
        }
    }

    private void multiply(double[] a, double[] x, int xOff, int count, double[] out, int outOff) {
        DVec.symmetricTimesRows(n, a, x, xOff, count, out, outOff);
    }
}
