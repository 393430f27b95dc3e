package org.attractorlab.core.analysis.decode;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Ridge regression with an unpenalised intercept and any number of outputs, in closed form.
 *
 * <p>With Z the centred features of the n fitting trials (their means subtracted; not scaled, unlike the
 * classifiers' standardised features: a nearly silent unit, active on a trial or two, scaled up to unit variance
 * lets the one trial where it fires drive the prediction away, e.g. a cross-validated r^2 of -81 where the centred
 * fit gives 0.97; hidden units share one scale, and scikit-learn's {@code Ridge} does not scale either) and Y_c the
 * targets minus their means y_bar, the minimiser of
 * {@code (1/2) ||Y - Z W^T - 1 b^T||^2 + (lambda / 2) ||W||^2} is
 * <pre>
 *   W^T = (Z^T Z + lambda I)^-1 Z^T Y_c            (n &gt;= p, a p x p Cholesky solve)
 *       = Z^T (Z Z^T + lambda I)^-1 Y_c            (n &lt; p, the same matrix through an n x n solve)
 *   b   = y_bar                                      (the intercept is not penalised)
 * </pre>
 * and for lambda = 0 the minimum-norm least-squares solution W^T = Z^+ Y_c (pseudo-inverse by SVD). The weights
 * and intercepts are then mapped to the original feature space. This equals the augmented closed form
 * [W b]^T = ([Z 1]^T [Z 1] + diag(lambda, ..., lambda, 0))^-1 [Z 1]^T Y.
 *
 * <p>Immutable; accessors return copies.
 */
public final class RidgeRegression implements Decoder {
    private final DMatrixRMaj weights;
    private final double[] intercepts;
    private final double lambda;

    private RidgeRegression(DMatrixRMaj weights, double[] intercepts, double lambda) {
        this.weights = weights;
        this.intercepts = intercepts;
        this.lambda = lambda;
    }

    /**
     * Fits one output.
     *
     * @param x      [n, p] features, not modified
     * @param y      [n] targets, not modified
     * @param lambda regularisation strength, finite and &gt;= 0
     */
    public static RidgeRegression fit(DMatrixRMaj x, double[] y, double lambda) {
        Rows.checkTargets(x, y);
        return fit(x, new DMatrixRMaj(y.length, 1, true, y), lambda);
    }

    /**
     * Fits m outputs at once (they share the factorisation).
     *
     * @param x      [n, p] features, not modified
     * @param y      [n, m] targets, not modified
     * @param lambda regularisation strength, finite and &gt;= 0
     */
    public static RidgeRegression fit(DMatrixRMaj x, DMatrixRMaj y, double lambda) {
        Checks.regularization(DecoderType.RIDGE, lambda);
        if (y.numRows != x.numRows) {
            throw new IllegalArgumentException("features have " + x.numRows + " rows but targets have " + y.numRows);
        }
        Rows.checkFeatures(x);
        for (double d : y.data) {
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("targets contain a non-finite value: " + d);
            }
        }
        int n = x.numRows;
        int p = x.numCols;
        int m = y.numCols;
        // centred, not scaled: see the class comment
        Standardizer std = Standardizer.centre(x);
        DMatrixRMaj z = std.apply(x);
        double[] mean = new double[m];
        DMatrixRMaj yc = y.copy();
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < m; c++) {
                mean[c] += y.data[i * m + c];
            }
        }
        for (int c = 0; c < m; c++) {
            mean[c] /= n;
        }
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < m; c++) {
                yc.data[i * m + c] -= mean[c];
            }
        }
        DMatrixRMaj wt = new DMatrixRMaj(p, m);
        if (lambda == 0) {
            solveLeastSquares(z.copy(), yc, wt);
        } else if (n >= p) {
            DMatrixRMaj g = gram(z);
            for (int j = 0; j < p; j++) {
                g.data[j * p + j] += lambda;
            }
            DMatrixRMaj rhs = new DMatrixRMaj(p, m);
            CommonOps_DDRM.multTransA(z, yc, rhs);
            solveSpd(g, rhs, wt);
        } else {
            DMatrixRMaj k = new DMatrixRMaj(n, n);
            CommonOps_DDRM.multOuter(z, k);
            for (int i = 0; i < n; i++) {
                k.data[i * n + i] += lambda;
            }
            DMatrixRMaj a = new DMatrixRMaj(n, m);
            solveSpd(k, yc, a);
            CommonOps_DDRM.multTransA(z, a, wt);
        }
        DMatrixRMaj w = new DMatrixRMaj(m, p);
        CommonOps_DDRM.transpose(wt, w);
        std.toOriginal(w, mean);
        return new RidgeRegression(w, mean, lambda);
    }

    /**
     * G = Z^T Z, [p, p], by rank-one updates of the upper triangle row by row of Z (contiguous inner loop), then
     * mirrored. {@code z} is not modified.
     */
    static DMatrixRMaj gram(DMatrixRMaj z) {
        int n = z.numRows;
        int p = z.numCols;
        double[] zd = z.data;
        DMatrixRMaj g = new DMatrixRMaj(p, p);
        double[] gd = g.data;
        for (int i = 0; i < n; i++) {
            int zi = i * p;
            for (int j = 0; j < p; j++) {
                double a = zd[zi + j];
                if (a == 0) {
                    continue;
                }
                int gj = j * p;
                for (int k = j; k < p; k++) {
                    gd[gj + k] += a * zd[zi + k];
                }
            }
        }
        for (int j = 0; j < p; j++) {
            for (int k = j + 1; k < p; k++) {
                gd[k * p + j] = gd[j * p + k];
            }
        }
        return g;
    }

    /** Solves A X = B for symmetric positive-definite A (modified), falling back to the pseudo-inverse. */
    private static void solveSpd(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj x) {
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.symmPosDef(a.numRows);
        DMatrixRMaj work = chol.modifiesA() ? a.copy() : a;
        if (chol.setA(work)) {
            chol.solve(b, x);
            if (!hasNonFinite(x)) {
                return;
            }
        }
        solveLeastSquares(a, b, x);
    }

    /** Minimum-norm least squares A X ~ B by SVD; A may be modified. */
    private static void solveLeastSquares(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj x) {
        LinearSolverDense<DMatrixRMaj> pinv = LinearSolverFactory_DDRM.pseudoInverse(true);
        if (!pinv.setA(a)) {
            throw new IllegalStateException("ridge regression: the SVD of the design matrix failed");
        }
        pinv.solve(b, x);
    }

    private static boolean hasNonFinite(DMatrixRMaj m) {
        for (double d : m.data) {
            if (!Double.isFinite(d)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public DecoderType type() {
        return DecoderType.RIDGE;
    }

    @Override
    public int features() {
        return weights.numCols;
    }

    /** Number of outputs m. */
    public int outputs() {
        return weights.numRows;
    }

    public double lambda() {
        return lambda;
    }

    /** One weight vector per output, [m, p], in the original feature space. A copy. */
    @Override
    public DMatrixRMaj weights() {
        return weights.copy();
    }

    @Override
    public double[] intercepts() {
        return intercepts.clone();
    }

    /** Predictions of every output, [n, m]. */
    @Override
    public DMatrixRMaj decisionFunction(DMatrixRMaj x) {
        return LinearMap.apply(weights, intercepts, x);
    }

    /** Predictions of the single output; fails if the model has several outputs (use {@link #decisionFunction}). */
    @Override
    public double[] predict(DMatrixRMaj x) {
        if (outputs() != 1) {
            throw new IllegalStateException("this ridge model has " + outputs() + " outputs; use decisionFunction");
        }
        return decisionFunction(x).data;
    }

    /**
     * r^2 of each output on (x, y): 1 - sum_i (y_ic - yhat_ic)^2 / sum_i (y_ic - mean_c)^2 with the mean of y on
     * these rows; NaN for an output that is constant on these rows.
     *
     * @param y [n, m], not modified
     */
    public double[] rSquared(DMatrixRMaj x, DMatrixRMaj y) {
        DMatrixRMaj f = decisionFunction(x);
        if (y.numRows != f.numRows || y.numCols != f.numCols) {
            throw new IllegalArgumentException("targets are " + y.numRows + " x " + y.numCols + ", predictions "
                    + f.numRows + " x " + f.numCols);
        }
        return columnRSquared(f, y);
    }

    /** r^2 per column of predictions f against targets y (same shape); neither is modified. */
    static double[] columnRSquared(DMatrixRMaj f, DMatrixRMaj y) {
        int n = y.numRows;
        int m = y.numCols;
        double[] out = new double[m];
        for (int c = 0; c < m; c++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += y.data[i * m + c];
            }
            mean /= n;
            double res = 0;
            double tot = 0;
            for (int i = 0; i < n; i++) {
                double v = y.data[i * m + c];
                double e = v - f.data[i * m + c];
                res += e * e;
                tot += (v - mean) * (v - mean);
            }
            out[c] = tot == 0 ? Double.NaN : 1 - res / tot;
        }
        return out;
    }

    /** r^2 of the single output (see {@link #rSquared(DMatrixRMaj, DMatrixRMaj)}). */
    @Override
    public double score(DMatrixRMaj x, double[] target) {
        return rSquared(x, new DMatrixRMaj(target.length, 1, true, target))[0];
    }
}
