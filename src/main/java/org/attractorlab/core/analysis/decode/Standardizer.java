package org.attractorlab.core.analysis.decode;

import org.ejml.data.DMatrixRMaj;

/**
 * Per-feature standardisation z_j = (x_j - m_j) / s_j with the mean m_j and the population standard deviation s_j
 * (divisor n) of the fitting rows. A feature whose deviation is at most 1e-12 max(1, |m_j|) is constant: s_j = 1,
 * so its standardised value is 0 on the fitting rows (scikit-learn's StandardScaler does the same).
 *
 * <p>A linear function w . z + b of the standardised features is w' . x + b' in the original space with
 * w'_j = w_j / s_j and b' = b - sum_j w_j m_j / s_j ({@link #toOriginal}).
 */
final class Standardizer {
    private static final double CONSTANT = 1e-12;
    final double[] mean;
    final double[] scale;

    private Standardizer(double[] mean, double[] scale) {
        this.mean = mean;
        this.scale = scale;
    }

    /** Fits on the rows of {@code x} (not modified). */
    static Standardizer fit(DMatrixRMaj x) {
        int n = x.numRows;
        int p = x.numCols;
        double[] mean = new double[p];
        double[] var = new double[p];
        double[] d = x.data;
        for (int i = 0; i < n; i++) {
            int r = i * p;
            for (int j = 0; j < p; j++) {
                mean[j] += d[r + j];
            }
        }
        for (int j = 0; j < p; j++) {
            mean[j] /= n;
        }
        for (int i = 0; i < n; i++) {
            int r = i * p;
            for (int j = 0; j < p; j++) {
                double e = d[r + j] - mean[j];
                var[j] += e * e;
            }
        }
        double[] scale = new double[p];
        for (int j = 0; j < p; j++) {
            double s = Math.sqrt(var[j] / n);
            scale[j] = s <= CONSTANT * Math.max(1, Math.abs(mean[j])) ? 1.0 : s;
        }
        return new Standardizer(mean, scale);
    }

    /** Centring only: the means of the rows of {@code x} (not modified), every scale 1. */
    static Standardizer centre(DMatrixRMaj x) {
        int n = x.numRows;
        int p = x.numCols;
        double[] mean = new double[p];
        for (int i = 0; i < n; i++) {
            int r = i * p;
            for (int j = 0; j < p; j++) {
                mean[j] += x.data[r + j];
            }
        }
        for (int j = 0; j < p; j++) {
            mean[j] /= n;
        }
        double[] scale = new double[p];
        java.util.Arrays.fill(scale, 1.0);
        return new Standardizer(mean, scale);
    }

    /** The standardised copy of {@code x} (not modified). */
    DMatrixRMaj apply(DMatrixRMaj x) {
        int p = mean.length;
        if (x.numCols != p) {
            throw new IllegalArgumentException("expected " + p + " features, got " + x.numCols);
        }
        DMatrixRMaj z = new DMatrixRMaj(x.numRows, p);
        for (int i = 0; i < x.numRows; i++) {
            int r = i * p;
            for (int j = 0; j < p; j++) {
                z.data[r + j] = (x.data[r + j] - mean[j]) / scale[j];
            }
        }
        return z;
    }

    /**
     * Maps k linear functions of the standardised features to the original space.
     *
     * @param w [k, p] weights on z; modified in place into the weights on x
     * @param b [k] intercepts on z; modified in place into the intercepts on x
     */
    void toOriginal(DMatrixRMaj w, double[] b) {
        int p = mean.length;
        for (int k = 0; k < w.numRows; k++) {
            double shift = 0;
            for (int j = 0; j < p; j++) {
                double wj = w.data[k * p + j] / scale[j];
                w.data[k * p + j] = wj;
                shift += wj * mean[j];
            }
            b[k] -= shift;
        }
    }
}
