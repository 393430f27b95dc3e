package org.attractorlab.core.analysis.similarity;

/**
 * The distance between two networks' behaviour: their outputs y_a, y_b [B, T, O] on the same trials (after the
 * readout's nonlinearity), over the elements where the batch's loss mask m is non-zero (all elements without a
 * mask):
 * <pre>
 *   d(a, b) = mean_m (y_a - y_b)^2 / var_m(y_a u y_b)
 * </pre>
 * the mean squared difference normalised by the variance of the outputs pooled over both networks (the variance of
 * the 2 |m| values y_a and y_b together, over trials, steps and output channels, about their one common mean). So
 * d = 0 for identical outputs, d is blind to a common scale and offset of both networks' outputs, and two
 * independent networks with the same output distribution have d about 2. If the pooled variance is zero the two
 * outputs are one constant and d = 0.
 */
public final class BehaviourDistance {

    private BehaviourDistance() {
    }

    /**
     * @param a    [B, T, O] outputs of network a, not modified
     * @param b    [B, T, O] outputs of network b, not modified
     * @param mask [B, T, O] weights, an element counts where mask != 0; or null for all; not modified
     * @return d &gt;= 0, or NaN if the mask selects nothing
     */
    public static double compute(float[] a, float[] b, float[] mask) {
        if (a == null || b == null || a.length != b.length || (mask != null && mask.length != a.length)) {
            throw new IllegalArgumentException("behaviour compares outputs of the same shape, got "
                    + (a == null ? "none" : a.length) + " and " + (b == null ? "none" : b.length) + " values"
                    + (mask == null ? "" : " with a mask of " + mask.length));
        }
        long count = 0;
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            if (mask == null || mask[i] != 0) {
                count++;
                sum += (double) a[i] + b[i];
            }
        }
        if (count == 0) {
            return Double.NaN;
        }
        double mu = sum / (2.0 * count);
        double diff = 0;
        double var = 0;
        for (int i = 0; i < a.length; i++) {
            if (mask == null || mask[i] != 0) {
                double x = a[i];
                double y = b[i];
                diff += (x - y) * (x - y);
                var += (x - mu) * (x - mu) + (y - mu) * (y - mu);
            }
        }
        if (diff == 0) {
            return 0;
        }
        var /= 2.0 * count;
        return var > 0 ? (diff / count) / var : 0;
    }
}
