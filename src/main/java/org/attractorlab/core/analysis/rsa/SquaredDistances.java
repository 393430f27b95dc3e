package org.attractorlab.core.analysis.rsa;

import org.attractorlab.core.model.WorkerPool;
import org.attractorlab.core.tensor.DVec;
import org.attractorlab.core.tensor.Gram;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * All pairwise squared Euclidean distances between n rows through one Gram matrix, the kernel behind every
 * non-cross-validated RDM.
 *
 * <p>Rows are y_i = (x_i - shift_i) scale_i (so the same kernel serves cosine and correlation distances on
 * normalised rows without a copy). Because distances do not change when every row moves by the same vector, the rows
 * are first centred, z_i = y_i - c with c the mean of up to {@value #CENTRE_ROWS} evenly spaced rows (as good as
 * the full mean at keeping the Gram entries small, for a fraction of a pass over x). Then
 * <pre>
 *     D_ij = ||z_i||^2 + ||z_j||^2 - 2 z_i . z_j,     G = Z Z^T
 * </pre>
 * with the norms summed in double precision. G comes from EJML in double precision for small problems
 * (n^2 p &lt;= {@value #DOUBLE_PATH_MAX}), and otherwise from {@link Gram#upper} on all cores: z rounded to float,
 * products summed in float over chunks of {@link Gram#KC} features, the chunks summed in double, upper triangle only.
 * The centred rows are rounded and packed 4 chunks at a time (each row's features read once, in order), so the
 * float copy never exceeds n x 4 KC. The Gram form loses relative accuracy when two rows are close (D_ij much
 * smaller than ||z_i||^2 + ||z_j||^2); every such pair
 * (below {@value #REFINE_FLOAT} of the summed norms on the float path, {@value #REFINE_DOUBLE} on the double path)
 * is recomputed directly in double precision. On the float path the distances of normal patterns over 10000
 * features are within 1e-8 of the double path's, relative (RdmDistancesTest; NumPy's float32 Gram formula is off by
 * 2e-7 of the largest distance there), and within about 1e-6 for any data; on the double path within 1e-9. Both
 * paths give the same result on any number of cores.
 */
final class SquaredDistances {
    /** Largest n^2 p computed in double precision with EJML. */
    static final long DOUBLE_PATH_MAX = 1L << 24;
    /** Rows per part of the row-wise passes (the fewest worth a thread of their own). */
    private static final int MIN_ROWS_PER_PART = 64;
    /**
     * Features packed per pass of the float path: 4 chunks, so that each row is read in runs of 16 KB (at 1000 x
     * 10000, 5-13 ms faster than one chunk per pass in side-by-side benchmarks; 8 chunks were no faster).
     */
    private static final int BLOCK = 4 * Gram.KC;
    /** Rows whose mean centres the data. */
    static final int CENTRE_ROWS = 64;
    static final double REFINE_FLOAT = 1e-2;
    static final double REFINE_DOUBLE = 1e-6;

    /** Which Gram product to use; AUTO chooses by size. */
    enum Path { AUTO, DOUBLE, FLOAT }

    private SquaredDistances() {
    }

    /**
     * D[i n + j] = f(sum_k (y_ik - y_jk)^2) with y_ik = (x[i p + k] - shift[i]) scale[i], and f(v) = sqrt(v) if
     * {@code sqrt}, else factor v.
     *
     * @param x     [n, p] row-major; not modified
     * @param shift per-row offset, or null for 0; not modified
     * @param scale per-row factor, or null for 1; not modified
     * @return a new row-major n x n array, exactly symmetric, zero diagonal
     */
    static double[] compute(double[] x, int n, int p, double[] shift, double[] scale, Path path, boolean sqrt,
                            double factor) {
        if (path == Path.AUTO) {
            path = (long) n * n * p <= DOUBLE_PATH_MAX ? Path.DOUBLE : Path.FLOAT;
        }
        int parts = path == Path.DOUBLE ? 1 : WorkerPool.parts(n, 0, MIN_ROWS_PER_PART);
        double[] mean = centre(x, n, p, shift, scale);
        double[] norm = new double[n];
        // d is first the Gram matrix (upper triangle), then the distances in place
        double[] d = path == Path.DOUBLE ? gramDouble(x, n, p, shift, scale, mean, norm)
                : gramFloat(x, n, p, shift, scale, mean, norm, parts);
        double refine = path == Path.DOUBLE ? REFINE_DOUBLE : REFINE_FLOAT;
        WorkerPool.run(parts, part -> {
            for (int i = triangleStart(n, parts, part); i < triangleStart(n, parts, part + 1); i++) {
                int r = i * n;
                for (int j = i + 1; j < n; j++) {
                    double sum = norm[i] + norm[j];
                    double v = sum - 2 * d[r + j];
                    if (v < refine * sum) {
                        v = direct(x, p, i, j, shift, scale);
                    }
                    v = Math.max(v, 0);
                    d[r + j] = sqrt ? Math.sqrt(v) : factor * v;
                }
                d[r + i] = 0;
            }
        });
        // the lower triangle, in tiles so that the column walk stays in cache
        final int tile = 64;
        int tiles = (n + tile - 1) / tile;
        WorkerPool.run(parts, part -> {
            for (int b = triangleStart(tiles, parts, part); b < triangleStart(tiles, parts, part + 1); b++) {
                int i0 = tiles - 1 - b;   // tile rows from the bottom: the longest first
                int i1 = Math.min(n, (i0 + 1) * tile);
                for (int j0 = 0; j0 <= i0 * tile; j0 += tile) {
                    for (int i = i0 * tile; i < i1; i++) {
                        int r = i * n;
                        for (int j = j0, j1 = Math.min(i, j0 + tile); j < j1; j++) {
                            d[r + j] = d[j * n + i];
                        }
                    }
                }
            }
        });
        return d;
    }

    /**
     * First of the rows given to {@code part} of {@code parts} when row i costs n - i: equal shares of the upper
     * triangle (part == parts gives n).
     */
    static int triangleStart(int n, int parts, int part) {
        // rows [0, s) cost s n - s (s - 1) / 2; solve for the share part / parts of n (n + 1) / 2
        double share = (double) n * (n + 1) / 2 * part / parts;
        double s = n + 0.5 - Math.sqrt((n + 0.5) * (n + 0.5) - 2 * share);
        return part >= parts ? n : Math.min(n, Math.max(0, (int) Math.round(s)));
    }

    /**
     * The vector every row is moved by before the Gram product: the mean of up to {@value #CENTRE_ROWS} evenly spaced
     * rows, c_k = mean_{i in S} y_ik. Any shift leaves the distances unchanged; this one is as good as the full mean
     * at keeping the Gram entries small (its own error is about the rows' spread over sqrt(|S|)) for 1/|S| of a
     * pass over x instead of a whole one.
     */
    static double[] centre(double[] x, int n, int p, double[] shift, double[] scale) {
        int rows = Math.min(n, CENTRE_ROWS);
        double[] mean = new double[p];
        for (int s = 0; s < rows; s++) {
            int i = (int) ((long) s * n / rows);
            double s0 = shift == null ? 0 : shift[i];
            double c = scale == null ? 1 : scale[i];
            int r = i * p;
            for (int k = 0; k < p; k++) {
                mean[k] += (x[r + k] - s0) * c;
            }
        }
        for (int k = 0; k < p; k++) {
            mean[k] /= rows;
        }
        return mean;
    }

    /** sum_k (y_ik - y_jk)^2 in double precision. */
    private static double direct(double[] x, int p, int i, int j, double[] shift, double[] scale) {
        double si = shift == null ? 0 : shift[i];
        double sj = shift == null ? 0 : shift[j];
        double ci = scale == null ? 1 : scale[i];
        double cj = scale == null ? 1 : scale[j];
        int ri = i * p;
        int rj = j * p;
        double s = 0;
        for (int k = 0; k < p; k++) {
            double a = (x[ri + k] - si) * ci - (x[rj + k] - sj) * cj;
            s += a * a;
        }
        return s;
    }

    /** G = Z Z^T in double precision (EJML), the full matrix; {@code norm} (modified) receives ||z_i||^2. */
    private static double[] gramDouble(double[] x, int n, int p, double[] shift, double[] scale, double[] mean,
                                       double[] norm) {
        DMatrixRMaj z = new DMatrixRMaj(n, p);
        for (int i = 0; i < n; i++) {
            double s0 = shift == null ? 0 : shift[i];
            double c = scale == null ? 1 : scale[i];
            int r = i * p;
            double sq = 0;
            for (int k = 0; k < p; k++) {
                double v = (x[r + k] - s0) * c - mean[k];
                z.data[r + k] = v;
                sq += v * v;
            }
            norm[i] = sq;
        }
        DMatrixRMaj g = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multOuter(z, g);
        return g.data;
    }

    /**
     * G = Z Z^T, entries with j &gt;= i only, by {@link Gram#upper} on float copies of the centred rows, packed
     * {@link #BLOCK} features at a time. {@code norm} (modified) receives ||z_i||^2 summed in double
     * precision from the double values.
     */
    private static double[] gramFloat(double[] x, int n, int p, double[] shift, double[] scale, double[] mean,
                                      double[] norm, int parts) {
        double[] g = new double[n * n];
        int panels = Gram.panels(n);
        float[] packed = new float[(int) Gram.packedLength(n, Math.min(p, BLOCK))];
        int panelParts = Math.min(parts, panels);
        // per part: one centred chunk of a row, in double, before it is rounded into its panel
        double[][] rowBuffer = new double[panelParts][Gram.KC];
        for (int b0 = 0; b0 < p; b0 += BLOCK) {
            int block = b0;
            int kb = Math.min(BLOCK, p - b0);
            WorkerPool.run(panelParts, part -> {
                double[] row = rowBuffer[part];
                for (int q = WorkerPool.partStart(panels, panelParts, part);
                     q < WorkerPool.partStart(panels, panelParts, part + 1); q++) {
                    int rows = Math.min(Gram.PANEL, n - q * Gram.PANEL);
                    for (int r = 0; r < Gram.PANEL; r++) {
                        int i = q * Gram.PANEL + r;
                        double s0 = shift == null || r >= rows ? 0 : shift[i];
                        double c = scale == null || r >= rows ? 1 : scale[i];
                        // the row's features of this block are read once, in order; each chunk of them goes down
                        // column r of its panel
                        for (int c0 = 0; c0 < kb; c0 += Gram.KC) {
                            int kc = Math.min(Gram.KC, kb - c0);
                            int o = Gram.panelOffset(n, kb, q, c0) + r;
                            if (r >= rows) {
                                for (int k = 0; k < kc; k++, o += Gram.PANEL) {
                                    packed[o] = 0f;
                                }
                                continue;
                            }
                            norm[i] += DVec.shiftScaleSub(kc, x, i * p + block + c0, s0, c, mean, block + c0, row, 0);
                            for (int k = 0; k < kc; k++, o += Gram.PANEL) {
                                packed[o] = (float) row[k];
                            }
                        }
                    }
                }
            });
            Gram.upper(n, kb, packed, g, 0, n, b0 > 0, parts, WorkerPool::run);
        }
        return g;
    }
}
