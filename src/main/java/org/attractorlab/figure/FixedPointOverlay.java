package org.attractorlab.figure;

import org.attractorlab.core.analysis.fixedpoint.FixedPointResult;
import org.attractorlab.core.analysis.pca.PcaResult;

/**
 * The fixed points of a search in the PCA space of the 3D pane, for drawing them over the trajectories.
 * Immutable by convention: the arrays are shared, callers must not modify them.
 *
 * @param step      the training step of the analysis frame the search ran on
 * @param projected per point, its h part projected on the frame's PCA basis, [n][3] (zeros past the basis' k)
 * @param stable    per point, whether it is stable (max |lambda| &lt; 1)
 * @param modes     per point, one segment per unstable mode, [n][m][2][3]: the point -/+ half a segment along the
 *                  projected mode direction (real part of the unit eigenvector, h part), scaled by
 *                  {@link #MODE_SCALE} times the largest extent of the frame's projections, so that a mode lying in
 *                  the PC space gets a segment that length and a mode orthogonal to it shrinks to a dot
 */
public record FixedPointOverlay(int step, float[][] projected, boolean[] stable, float[][][][] modes) {

    /** Length of the segment of a mode in the PC space, as a fraction of the projections' largest extent. */
    public static final double MODE_SCALE = 0.2;

    /** No points. */
    public static final FixedPointOverlay EMPTY = new FixedPointOverlay(-1, new float[0][], new boolean[0],
            new float[0][][][]);

    /** Number of points. */
    public int count() {
        return projected.length;
    }

    /** The segments of every point's unstable modes in one array, [total][2][3], points in order. */
    public float[][][] segments() {
        int total = 0;
        for (float[][][] m : modes) {
            total += m.length;
        }
        float[][][] out = new float[total][][];
        int k = 0;
        for (float[][][] m : modes) {
            for (float[][] s : m) {
                out[k++] = s;
            }
        }
        return out;
    }

    /**
     * Projects every point of {@code r} with {@code pca}.
     *
     * @param projections the frame's projections [trials, steps, k], for the scale of the mode segments
     */
    public static FixedPointOverlay of(int step, FixedPointResult r, PcaResult pca, float[] projections) {
        int n = r.count();
        int units = pca.units();
        int k = Math.min(3, pca.k());
        double length = MODE_SCALE * extent(projections, pca.k());
        double[] components = pca.components();
        float[][] projected = new float[n][];
        boolean[] stable = r.stable().clone();
        float[][][][] modes = new float[n][][][];
        for (int i = 0; i < n; i++) {
            double[] h = new double[units];
            for (int j = 0; j < units; j++) {
                h[j] = r.points()[i][j];
            }
            double[] p = pca.project(h);
            projected[i] = new float[3];
            for (int c = 0; c < k; c++) {
                projected[i][c] = (float) p[c];
            }
            var unstable = r.unstableModes().get(i);
            modes[i] = new float[unstable.size()][2][3];
            for (int m = 0; m < unstable.size(); m++) {
                double[] v = unstable.get(m).real();
                for (int c = 0; c < k; c++) {
                    double d = 0;
                    for (int j = 0; j < units; j++) {
                        d += components[c * units + j] * v[j];
                    }
                    modes[i][m][0][c] = (float) (p[c] - 0.5 * length * d);
                    modes[i][m][1][c] = (float) (p[c] + 0.5 * length * d);
                }
            }
        }
        return new FixedPointOverlay(step, projected, stable, modes);
    }

    /** The largest range (max - min) of any coordinate of [.., k] projections; 1 if there is none. */
    public static double extent(float[] projections, int k) {
        if (projections == null || k < 1 || projections.length < k) {
            return 1;
        }
        double e = 0;
        for (int c = 0; c < k; c++) {
            float lo = Float.POSITIVE_INFINITY;
            float hi = Float.NEGATIVE_INFINITY;
            for (int i = c; i < projections.length; i += k) {
                lo = Math.min(lo, projections[i]);
                hi = Math.max(hi, projections[i]);
            }
            e = Math.max(e, hi - lo);
        }
        return e > 0 && Double.isFinite(e) ? e : 1;
    }
}
