package org.attractorlab.core.analysis.decode;

import org.attractorlab.core.tensor.DVec;
import org.ejml.data.DMatrixRMaj;

/**
 * L2-regularised logistic regression, binary or multinomial, fitted by L-BFGS on standardised features.
 *
 * <p>With z_i the standardised features of trial i, y_i its class among K classes (sorted label values):
 * <ul>
 *   <li>K = 2: one weight vector, s_i = w . z_i + b is the log-odds of the second class, and the objective is
 *   {@code sum_i [log(1 + e^{s_i}) - t_i s_i] + (lambda / 2) ||w||^2} with t_i = 1 for the second class, else 0.
 *   Gradient: {@code sum_i (sigmoid(s_i) - t_i) z_i + lambda w}, and {@code sum_i (sigmoid(s_i) - t_i)} for b.</li>
 *   <li>K &gt; 2 (multinomial, softmax): s_ic = w_c . z_i + b_c, objective
 *   {@code sum_i [log sum_c e^{s_ic} - s_{i y_i}] + (lambda / 2) sum_c ||w_c||^2}; gradient
 *   {@code sum_i (p_ic - [c = y_i]) z_i + lambda w_c} with p the softmax. The intercepts are reported centred
 *   (sum_c b_c = 0), which leaves the probabilities unchanged.</li>
 * </ul>
 * The intercepts are not penalised. The objective is strictly convex in the weights, so L-BFGS from zero converges
 * to the unique optimum: iterations stop when the largest gradient component is at most {@value #GRAD_TOL} n, or
 * after {@value #MAX_ITERATIONS} iterations ({@link #converged()} tells which). Deterministic.
 *
 * <p>Immutable; accessors return copies.
 */
public final class LogisticRegression extends LinearClassifier {
    /** Gradient tolerance relative to the number of trials (the loss is a sum over trials). */
    static final double GRAD_TOL = 1e-6;
    static final int MAX_ITERATIONS = 2000;
    private static final int MEMORY = 10;

    private final int iterations;

    private LogisticRegression(double[] classes, DMatrixRMaj weights, double[] intercepts, double lambda,
                               int iterations, boolean converged) {
        super(classes, weights, intercepts, lambda, converged);
        this.iterations = iterations;
    }

    /**
     * @param x      [n, p] features, not modified
     * @param labels [n] class labels (any distinct values; at least two classes), not modified
     * @param lambda regularisation strength, finite and &gt; 0
     */
    public static LogisticRegression fit(DMatrixRMaj x, double[] labels, double lambda) {
        Checks.regularization(DecoderType.LOGISTIC, lambda);
        Rows.checkTargets(x, labels);
        Labels lab = Labels.of(labels);
        if (lab.size() < 2) {
            throw new IllegalArgumentException("logistic regression needs at least two classes, got "
                    + java.util.Arrays.toString(lab.classes));
        }
        Standardizer std = Standardizer.fit(x);
        DMatrixRMaj z = std.apply(x);
        int k = lab.size() == 2 ? 1 : lab.size();
        int p = x.numCols;
        Loss loss = new Loss(z.data, x.numRows, p, lab.index, k, lambda);
        double[] theta = new double[k * (p + 1)];
        Lbfgs.Result r = Lbfgs.minimize(loss, theta, MEMORY, MAX_ITERATIONS, GRAD_TOL * x.numRows);
        DMatrixRMaj w = new DMatrixRMaj(k, p);
        double[] b = new double[k];
        double meanB = 0;
        for (int c = 0; c < k; c++) {
            System.arraycopy(theta, c * (p + 1), w.data, c * p, p);
            b[c] = theta[c * (p + 1) + p];
            meanB += b[c];
        }
        if (k > 1) {
            meanB /= k;
            for (int c = 0; c < k; c++) {
                b[c] -= meanB;
            }
        }
        std.toOriginal(w, b);
        return new LogisticRegression(lab.classes, w, b, lambda, r.iterations(), r.converged());
    }

    /**
     * The objective on standardised features; parameters laid out per output row c as (w_c[0..p-1], b_c).
     * Scratch arrays are allocated once.
     */
    static final class Loss implements Lbfgs.Objective {
        private final double[] z;
        private final int n;
        private final int p;
        private final int[] y;
        private final int k;
        private final double lambda;
        private final double[] s;

        Loss(double[] z, int n, int p, int[] y, int k, double lambda) {
            this.z = z;
            this.n = n;
            this.p = p;
            this.y = y;
            this.k = k;
            this.lambda = lambda;
            this.s = new double[k];
        }

        @Override
        public double evaluate(double[] theta, double[] grad) {
            int stride = p + 1;
            double f = 0;
            for (int c = 0; c < k; c++) {
                int o = c * stride;
                double sq = 0;
                for (int j = 0; j < p; j++) {
                    double w = theta[o + j];
                    sq += w * w;
                    grad[o + j] = lambda * w;
                }
                grad[o + p] = 0;
                f += 0.5 * lambda * sq;
            }
            for (int i = 0; i < n; i++) {
                int zi = i * p;
                for (int c = 0; c < k; c++) {
                    int o = c * stride;
                    s[c] = theta[o + p] + DVec.dot(p, theta, o, z, zi);
                }
                if (k == 1) {
                    double a = s[0];
                    double t = y[i] == 1 ? 1 : 0;
                    f += softplus(a) - t * a;
                    s[0] = sigmoid(a) - t;
                } else {
                    double max = s[0];
                    for (int c = 1; c < k; c++) {
                        max = Math.max(max, s[c]);
                    }
                    double sum = 0;
                    for (int c = 0; c < k; c++) {
                        sum += Math.exp(s[c] - max);
                    }
                    double lse = max + Math.log(sum);
                    f += lse - s[y[i]];
                    for (int c = 0; c < k; c++) {
                        s[c] = Math.exp(s[c] - lse) - (c == y[i] ? 1 : 0);
                    }
                }
                for (int c = 0; c < k; c++) {
                    double e = s[c];
                    if (e == 0) {
                        continue;
                    }
                    int o = c * stride;
                    DVec.axpy(p, e, z, zi, grad, o);
                    grad[o + p] += e;
                }
            }
            return f;
        }

        static double softplus(double a) {
            return a > 0 ? a + Math.log1p(Math.exp(-a)) : Math.log1p(Math.exp(a));
        }

        static double sigmoid(double a) {
            if (a >= 0) {
                return 1 / (1 + Math.exp(-a));
            }
            double e = Math.exp(a);
            return e / (1 + e);
        }
    }

    @Override
    public DecoderType type() {
        return DecoderType.LOGISTIC;
    }

    /** L-BFGS iterations used. */
    public int iterations() {
        return iterations;
    }

    /** Class probabilities, [n, K], columns in the order of {@link #classes()}. */
    public DMatrixRMaj probabilities(DMatrixRMaj x) {
        DMatrixRMaj f = decisionFunction(x);
        int n = x.numRows;
        int kc = classCount();
        DMatrixRMaj out = new DMatrixRMaj(n, kc);
        for (int i = 0; i < n; i++) {
            if (f.numCols == 1) {
                double q = Loss.sigmoid(f.data[i]);
                out.data[i * 2] = 1 - q;
                out.data[i * 2 + 1] = q;
            } else {
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < kc; c++) {
                    max = Math.max(max, f.data[i * kc + c]);
                }
                double sum = 0;
                for (int c = 0; c < kc; c++) {
                    double e = Math.exp(f.data[i * kc + c] - max);
                    out.data[i * kc + c] = e;
                    sum += e;
                }
                for (int c = 0; c < kc; c++) {
                    out.data[i * kc + c] /= sum;
                }
            }
        }
        return out;
    }
}
