package org.attractorlab.core.analysis.decode;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/**
 * Linear support vector machine with the hinge loss and an L2 penalty, fitted by dual coordinate descent
 * (Hsieh, Chang, Lin, Keerthi &amp; Sundararajan 2008, Algorithm 1; liblinear's L2-regularised L1-loss dual
 * solver, without shrinking). Binary for two classes, one-vs-rest for more.
 *
 * <p>On standardised features z_i extended by a constant 1 (liblinear's bias term with B = 1, so the intercept is
 * regularised like the weights), with y_i = +1 / -1 and C = 1 / lambda, the primal is
 * {@code min_w (1/2) ||w||^2 + C sum_i max(0, 1 - y_i w . zhat_i)} (lambda times it is the package's shared
 * objective), and the dual is {@code min_a (1/2) a^T Q a - sum_i a_i} subject to 0 &lt;= a_i &lt;= C with
 * Q_ij = y_i y_j zhat_i . zhat_j. Each step updates one a_i in closed form,
 * <pre>
 *   G = y_i w . zhat_i - 1,   a_i &lt;- min(max(a_i - G / Q_ii, 0), C),   w &lt;- w + (a_i,new - a_i,old) y_i zhat_i,
 * </pre>
 * visiting the trials in a fresh random order each epoch (from the seed), until the spread of the projected
 * gradient over an epoch is below {@value #TOLERANCE} or after {@value #MAX_EPOCHS} epochs. Deterministic given
 * the seed.
 *
 * <p>Immutable; accessors return copies.
 */
public final class LinearSvm extends LinearClassifier {
    static final double TOLERANCE = 1e-3;
    static final int MAX_EPOCHS = 1000;

    private final int epochs;

    private LinearSvm(double[] classes, DMatrixRMaj weights, double[] intercepts, double lambda, int epochs,
                      boolean converged) {
        super(classes, weights, intercepts, lambda, converged);
        this.epochs = epochs;
    }

    /**
     * @param x      [n, p] features, not modified
     * @param labels [n] class labels (at least two classes), not modified
     * @param lambda regularisation strength (1 / C), finite and &gt; 0
     * @param seed   seed of the visiting order
     */
    public static LinearSvm fit(DMatrixRMaj x, double[] labels, double lambda, long seed) {
        Checks.regularization(DecoderType.SVM, lambda);
        Rows.checkTargets(x, labels);
        Labels lab = Labels.of(labels);
        if (lab.size() < 2) {
            throw new IllegalArgumentException("a linear SVM needs at least two classes, got "
                    + java.util.Arrays.toString(lab.classes));
        }
        Standardizer std = Standardizer.fit(x);
        DMatrixRMaj z = std.apply(x);
        int n = x.numRows;
        int p = x.numCols;
        int k = lab.size() == 2 ? 1 : lab.size();
        DMatrixRMaj w = new DMatrixRMaj(k, p);
        double[] b = new double[k];
        double[] sign = new double[n];
        double[] wHat = new double[p + 1];
        double[] qDiag = new double[n];
        for (int i = 0; i < n; i++) {
            double q = 1;
            for (int j = 0; j < p; j++) {
                double v = z.data[i * p + j];
                q += v * v;
            }
            qDiag[i] = q;
        }
        SplittableRandom root = new SplittableRandom(seed);
        int maxEpochs = 0;
        boolean allConverged = true;
        for (int c = 0; c < k; c++) {
            int positive = k == 1 ? 1 : c;
            for (int i = 0; i < n; i++) {
                sign[i] = lab.index[i] == positive ? 1 : -1;
            }
            int[] used = new int[1];
            allConverged &= solve(z.data, n, p, sign, qDiag, 1 / lambda, root.split(), wHat, used);
            maxEpochs = Math.max(maxEpochs, used[0]);
            System.arraycopy(wHat, 0, w.data, c * p, p);
            b[c] = wHat[p];
        }
        std.toOriginal(w, b);
        return new LinearSvm(lab.classes, w, b, lambda, maxEpochs, allConverged);
    }

    /**
     * Dual coordinate descent for one binary problem.
     *
     * @param z      [n, p] standardised features, not modified
     * @param y      [n] +1 / -1, not modified
     * @param qDiag  [n] zhat_i . zhat_i, not modified
     * @param w      [p + 1] modified: receives the weights and, last, the bias
     * @param epochs [1] modified: receives the number of epochs run
     * @return whether the tolerance was reached
     */
    static boolean solve(double[] z, int n, int p, double[] y, double[] qDiag, double cost, SplittableRandom rng,
                         double[] w, int[] epochs) {
        double[] alpha = new double[n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.fill(w, 0);
        for (int epoch = 1; epoch <= MAX_EPOCHS; epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            double pgMax = Double.NEGATIVE_INFINITY;
            double pgMin = Double.POSITIVE_INFINITY;
            for (int s = 0; s < n; s++) {
                int i = order[s];
                int zi = i * p;
                double dot = w[p];
                for (int j = 0; j < p; j++) {
                    dot += w[j] * z[zi + j];
                }
                double g = y[i] * dot - 1;
                double pg;
                if (alpha[i] == 0) {
                    pg = Math.min(g, 0);
                } else if (alpha[i] == cost) {
                    pg = Math.max(g, 0);
                } else {
                    pg = g;
                }
                pgMax = Math.max(pgMax, pg);
                pgMin = Math.min(pgMin, pg);
                if (Math.abs(pg) > 1e-12) {
                    double old = alpha[i];
                    alpha[i] = Math.min(Math.max(old - g / qDiag[i], 0), cost);
                    double delta = (alpha[i] - old) * y[i];
                    for (int j = 0; j < p; j++) {
                        w[j] += delta * z[zi + j];
                    }
                    w[p] += delta;
                }
            }
            if (pgMax - pgMin < TOLERANCE) {
                epochs[0] = epoch;
                return true;
            }
        }
        epochs[0] = MAX_EPOCHS;
        return false;
    }

    @Override
    public DecoderType type() {
        return DecoderType.SVM;
    }

    /** The largest number of epochs used by one of the binary problems. */
    public int epochs() {
        return epochs;
    }
}
