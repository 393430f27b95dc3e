package org.attractorlab.core.analysis.rsa;

import java.util.List;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;

/**
 * RDMs of condition patterns for the distances that need no repeated trials (every {@link Distance} except
 * {@link Distance#CROSSNOBIS}, which is {@link Crossnobis}). For patterns x_i of H units:
 * <pre>
 *     EUCLIDEAN                    d_ij = ||x_i - x_j||
 *     SQUARED_EUCLIDEAN_PER_UNIT   d_ij = ||x_i - x_j||^2 / H                     (rsatoolbox 'euclidean')
 *     COSINE                       d_ij = 1 - x_i.x_j / (||x_i|| ||x_j||)  = ||u_i - u_j||^2 / 2, u = x / ||x||
 *     CORRELATION                  d_ij = 1 - r(x_i, x_j)                  = ||u_i - u_j||^2 / 2,
 *                                         u = (x - mean(x)) / ||x - mean(x)||     (rsatoolbox 'correlation')
 * </pre>
 * All four are computed from squared Euclidean distances through one Gram matrix (see {@link SquaredDistances}),
 * never by a loop over pairs and features, except for pairs so close that the Gram form would lose digits. The
 * form ||u_i - u_j||^2 / 2 keeps correlation and cosine distances near 0 accurate (1 - r would cancel).
 */
public final class Rdms {
    private Rdms() {
    }

    /** The RDM of {@code patterns} under {@code distance}. */
    public static Rdm compute(ConditionPatterns patterns, Distance distance) {
        return compute(patterns.patterns(), patterns.labels(), distance);
    }

    /**
     * The RDM of the rows of {@code patterns} under {@code distance}.
     *
     * @param patterns [n, H], one pattern per row; not modified
     * @param labels   n labels
     * @throws IllegalArgumentException for {@link Distance#CROSSNOBIS} (it needs trials: use {@link Crossnobis}), or
     *                                  for a cosine (correlation) distance when a pattern is zero (constant)
     */
    public static Rdm compute(DMatrixRMaj patterns, List<String> labels, Distance distance) {
        return compute(patterns, labels, distance, SquaredDistances.Path.AUTO);
    }

    static Rdm compute(DMatrixRMaj patterns, List<String> labels, Distance distance, SquaredDistances.Path path) {
        Objects.requireNonNull(patterns, "patterns");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(distance, "distance");
        int n = patterns.numRows;
        int p = patterns.numCols;
        if (labels.size() != n) {
            throw new IllegalArgumentException(n + " patterns but " + labels.size() + " labels");
        }
        double[] x = patterns.data;
        double[] d;
        switch (distance) {
            case EUCLIDEAN -> d = SquaredDistances.compute(x, n, p, null, null, path, true, 1);
            case SQUARED_EUCLIDEAN_PER_UNIT -> d = SquaredDistances.compute(x, n, p, null, null, path, false, 1.0 / p);
            case COSINE, CORRELATION -> {
                boolean centre = distance == Distance.CORRELATION;
                double[] shift = new double[n];
                double[] inv = new double[n];
                for (int i = 0; i < n; i++) {
                    int r = i * p;
                    double m = 0;
                    if (centre) {
                        for (int k = 0; k < p; k++) {
                            m += x[r + k];
                        }
                        m /= p;
                    }
                    double s = 0;
                    for (int k = 0; k < p; k++) {
                        double v = x[r + k] - m;
                        s += v * v;
                    }
                    if (!(s > 0)) {
                        throw new IllegalArgumentException("the pattern of condition '" + labels.get(i) + "' is "
                                + (centre ? "constant" : "zero") + ", so its " + distance.key()
                                + " distance is undefined");
                    }
                    shift[i] = m;
                    inv[i] = 1 / Math.sqrt(s);
                }
                d = SquaredDistances.compute(x, n, p, shift, inv, path, false, 0.5);
            }
            case CROSSNOBIS -> throw new IllegalArgumentException("the crossnobis distance needs repeated trials of "
                    + "each condition, not condition means: use Crossnobis.compute or Rsa.compute");
            default -> throw new AssertionError(distance);
        }
        return Rdm.ofFlat(labels, d, distance);
    }
}
