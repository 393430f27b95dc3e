package org.attractorlab.core.analysis.fixedpoint;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * What kind of attractor the points of a search lie on (Vafidis et al.: a D-dimensional continuous attractor has D
 * eigenvalues near 1 and its slow points span D dimensions). The points are all those of the result, fixed points
 * (q &lt; tol_q) and slow points (q &lt; slow_q) alike.
 *
 * <p>Unit eigenvalues. A direction along a continuous attractor of the discrete-time map h -&gt; F(h, u*) has
 * eigenvalue lambda = 1 of J = dF/dh. At point i, n_i = #{k : |lambda_k - 1| &lt; tolerance} (the complex modulus,
 * so a slowly turning pair counts as two). The summary is the <em>median</em> of n_i over the points (for an even
 * number of points the mean of the two middle values): 1 for a line attractor, 2 for a plane. The default tolerance
 * {@value #DEFAULT_TOLERANCE} keeps real modes with time constants of at least dt / |ln 0.95|, about 19.5 steps.
 *
 * <p>Manifold dimension. PCA of the points, centred on their mean: with s_1 &gt;= s_2 &gt;= ... the singular values
 * of the centred [n, S] matrix, the explained-variance ratios are r_k = s_k^2 / sum_j s_j^2, and the dimension is
 * the smallest k with r_1 + ... + r_k &gt;= varianceShare (default {@value #DEFAULT_VARIANCE_SHARE}); 0 with fewer
 * than two points or when they all coincide.
 *
 * @param tolerance             |lambda - 1| below which an eigenvalue counts as unit
 * @param varianceShare         the share of the points' variance the dimension must explain, in (0, 1]
 * @param unitEigenvalues       n_i per point, in result order (not to be modified)
 * @param medianUnitEigenvalues the median of n_i; NaN with no points
 * @param manifoldDimension     components to {@code varianceShare} of the points' variance
 * @param varianceRatio         r_k, k = 1..min(n, S), descending (not to be modified); empty below two points
 */
public record AttractorSummary(double tolerance, double varianceShare, int[] unitEigenvalues,
                               double medianUnitEigenvalues, int manifoldDimension, double[] varianceRatio) {
    /** |lambda - 1| &lt; 0.05 counts as a unit eigenvalue of the discrete-time map. */
    public static final double DEFAULT_TOLERANCE = 0.05;
    /** The manifold dimension explains 90% of the points' variance. */
    public static final double DEFAULT_VARIANCE_SHARE = 0.9;

    public AttractorSummary {
        Objects.requireNonNull(unitEigenvalues, "unitEigenvalues");
        Objects.requireNonNull(varianceRatio, "varianceRatio");
    }

    /** The summary of {@code r} with the default tolerance and variance share. */
    public static AttractorSummary of(FixedPointResult r) {
        return of(r, DEFAULT_TOLERANCE, DEFAULT_VARIANCE_SHARE);
    }

    /**
     * The summary of the points of {@code r} (not modified).
     *
     * @param tolerance     finite, &gt; 0
     * @param varianceShare in (0, 1]
     */
    public static AttractorSummary of(FixedPointResult r, double tolerance, double varianceShare) {
        Objects.requireNonNull(r, "result");
        if (!(tolerance > 0 && Double.isFinite(tolerance))) {
            throw new IllegalArgumentException("fixedpoint.unit_tolerance = " + tolerance
                    + " is not allowed: use a finite value > 0");
        }
        if (!(varianceShare > 0 && varianceShare <= 1)) {
            throw new IllegalArgumentException("fixedpoint.variance_share = " + varianceShare
                    + " is not allowed: use a share in (0, 1]");
        }
        int n = r.count();
        int[] counts = new int[n];
        for (int i = 0; i < n; i++) {
            counts[i] = unitCount(r.eigenReal()[i], r.eigenImag()[i], tolerance);
        }
        double[] ratio = varianceRatio(r.points());
        int dim = 0;
        double cumulative = 0;
        while (dim < ratio.length && cumulative < varianceShare) {
            cumulative += ratio[dim++];
        }
        return new AttractorSummary(tolerance, varianceShare, counts, median(counts), dim, ratio);
    }

    /** #{k : |lambda_k - 1| &lt; tolerance} for eigenvalues (re[k], im[k]) (not modified). */
    public static int unitCount(double[] re, double[] im, double tolerance) {
        int c = 0;
        for (int k = 0; k < re.length; k++) {
            if (Math.hypot(re[k] - 1, im[k]) < tolerance) {
                c++;
            }
        }
        return c;
    }

    /**
     * r_k = s_k^2 / sum s_j^2 of the centred points [n][S] (not modified), descending; empty for fewer than two
     * points or points that all coincide.
     */
    static double[] varianceRatio(float[][] points) {
        int n = points.length;
        if (n < 2) {
            return new double[0];
        }
        int s = points[0].length;
        double[] mean = new double[s];
        for (float[] p : points) {
            for (int j = 0; j < s; j++) {
                mean[j] += p[j];
            }
        }
        for (int j = 0; j < s; j++) {
            mean[j] /= n;
        }
        DMatrixRMaj x = new DMatrixRMaj(n, s);
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < s; j++) {
                double v = points[i][j] - mean[j];
                x.data[i * s + j] = v;
                total += v * v;
            }
        }
        if (total == 0) {
            return new double[0];
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, s, false, false, true);
        if (!svd.decompose(x)) {
            throw new IllegalStateException("the SVD of the " + n + " points did not converge");
        }
        double[] sv = svd.getSingularValues();
        int k = Math.min(n, s);
        double[] ratio = new double[k];
        double sum = 0;
        for (int i = 0; i < k; i++) {
            ratio[i] = sv[i] * sv[i];
            sum += ratio[i];
        }
        for (int i = 0; i < k; i++) {
            ratio[i] /= sum;
        }
        Arrays.sort(ratio);
        for (int i = 0; i < k / 2; i++) {
            double t = ratio[i];
            ratio[i] = ratio[k - 1 - i];
            ratio[k - 1 - i] = t;
        }
        return ratio;
    }

    private static double median(int[] counts) {
        if (counts.length == 0) {
            return Double.NaN;
        }
        int[] sorted = counts.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    /** Number of points summarised. */
    public int points() {
        return unitEigenvalues.length;
    }

    /**
     * One line: "2 eigenvalues within 0.05 of 1 (median over 37 points); the points span 2 dimensions (90% of their
     * variance)".
     */
    public String summary() {
        if (points() == 0) {
            return "no points to summarise";
        }
        String median = medianUnitEigenvalues == Math.rint(medianUnitEigenvalues)
                ? String.format(Locale.ROOT, "%.0f", medianUnitEigenvalues)
                : String.format(Locale.ROOT, "%.1f", medianUnitEigenvalues);
        return String.format(Locale.ROOT, "%s eigenvalue%s within %s of 1 (median over %d point%s); the points span"
                        + " %d dimension%s (%.0f%% of their variance)", median,
                medianUnitEigenvalues == 1 ? "" : "s", trim(tolerance), points(), points() == 1 ? "" : "s",
                manifoldDimension, manifoldDimension == 1 ? "" : "s", 100 * varianceShare);
    }

    /** A short line for a narrow pane: "1 unit eigenvalue, 1-D manifold (5 points)". */
    public String compact() {
        if (points() == 0) {
            return "no points";
        }
        String median = medianUnitEigenvalues == Math.rint(medianUnitEigenvalues)
                ? String.format(Locale.ROOT, "%.0f", medianUnitEigenvalues)
                : String.format(Locale.ROOT, "%.1f", medianUnitEigenvalues);
        return String.format(Locale.ROOT, "%s unit eigenvalue%s, %d-D manifold (%d point%s)", median,
                medianUnitEigenvalues == 1 ? "" : "s", manifoldDimension, points(), points() == 1 ? "" : "s");
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.4g", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AttractorSummary a && Double.compare(a.tolerance, tolerance) == 0
                && Double.compare(a.varianceShare, varianceShare) == 0
                && Arrays.equals(a.unitEigenvalues, unitEigenvalues)
                && Double.compare(a.medianUnitEigenvalues, medianUnitEigenvalues) == 0
                && a.manifoldDimension == manifoldDimension && Arrays.equals(a.varianceRatio, varianceRatio);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tolerance, varianceShare, Arrays.hashCode(unitEigenvalues), medianUnitEigenvalues,
                manifoldDimension, Arrays.hashCode(varianceRatio));
    }

    @Override
    public String toString() {
        return "AttractorSummary[" + summary() + "]";
    }
}
