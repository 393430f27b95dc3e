package org.attractorlab.core.tensor;

import java.util.function.IntConsumer;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Gram matrix of the rows of a float matrix (a symmetric rank-k product), upper triangle, summed in double
 * precision across chunks:
 * <pre>
 *     C[i, j] = sum_t  fl( sum_{p in chunk t} z[i, p] z[j, p] )        0 &lt;= i &lt;= j &lt; n,
 * </pre>
 * every chunk t of {@value #KC} consecutive features summed in float (fused multiply-adds, in order), the chunks'
 * sums added in double. For rows of k features with entries of one magnitude the error of C[i, j] against the
 * exact sum is then about 1e-7 sqrt(KC) relative to ||z_i|| ||z_j|| (GramTest allows 5e-6), independent of k.
 *
 * <p>The rows are first packed ({@link #pack}, or by the caller through {@link #panelOffset}) into panels of
 * {@link #PANEL} rows, chunk by chunk: in chunk t (features p0 = t KC .. p0 + kc), panel q (rows q PANEL ..) holds
 * the kc x PANEL block of z^T, so element (i, p) is at
 * <pre>
 *     panelOffset(n, k, q, p0) + (p - p0) PANEL + (i - q PANEL),      q = i / PANEL,  p0 = p - p % KC
 * </pre>
 * with rows beyond n zero. One packed copy serves both operands: the kernel broadcasts 8 entries of a row panel and
 * multiplies them with 3 vectors of a column panel (an 8 x 3-vector register block of 24 accumulators on the
 * preferred species; a panel of 48 rows is one such block with 512-bit vectors), so every operand is read
 * contiguously. The tiles of the upper triangle are split into
 * {@code parts} runs of equal work; each entry of C is computed by one part in the same order of operations, so
 * the result does not depend on the number of parts.
 */
public final class Gram {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    /** Vectors per register block. */
    private static final int NR = 3;
    /** Rows per register block. */
    private static final int MR = 8;
    /** Columns of one register block. */
    private static final int NRL = NR * L;
    /**
     * Rows per packed panel: a multiple of both the rows and the columns of a register block (48 for 512-bit vectors,
     * 24 for 256- and 128-bit ones), so that a tile of MR rows x PANEL columns is PANEL / (NR L) register blocks.
     */
    public static final int PANEL = lcm(MR, NRL);
    /** Features per chunk summed in float. */
    public static final int KC = 512;

    /** Runs {@code task} for parts 0 .. parts-1 (in any order or concurrently) and returns when all are done. */
    @FunctionalInterface
    public interface Parts {
        /** Runs every part on the calling thread, one after the other. */
        Parts SERIAL = (parts, task) -> {
            for (int p = 0; p < parts; p++) {
                task.accept(p);
            }
        };

        void run(int parts, IntConsumer task);
    }

    private Gram() {
    }

    private static int lcm(int a, int b) {
        int x = a;
        int y = b;
        while (y != 0) {
            int t = x % y;
            x = y;
            y = t;
        }
        return a / x * b;
    }

    /** Panels of n rows. */
    public static int panels(int n) {
        return (n + PANEL - 1) / PANEL;
    }

    /** Length of the packed form of n rows of k features. */
    public static long packedLength(int n, int k) {
        return (long) panels(n) * PANEL * k;
    }

    /** Offset of panel q in the chunk starting at feature p0 (a multiple of {@link #KC}). */
    public static int panelOffset(int n, int k, int q, int p0) {
        int kc = Math.min(KC, k - p0);
        return p0 * panels(n) * PANEL + q * kc * PANEL;
    }

    /**
     * Packs the [n, k] row-major matrix z into the layout above, at {@code packedOff}.
     *
     * @param z      not modified
     * @param packed modified: {@link #packedLength} entries from packedOff
     */
    public static void pack(int n, int k, float[] z, int zOff, int ldz, float[] packed, int packedOff) {
        checkPacked(n, k, packed, packedOff);
        int np = panels(n);
        for (int p0 = 0; p0 < k; p0 += KC) {
            int kc = Math.min(KC, k - p0);
            for (int q = 0; q < np; q++) {
                int base = packedOff + panelOffset(n, k, q, p0);
                int rows = Math.min(PANEL, n - q * PANEL);
                for (int r = 0; r < rows; r++) {
                    int src = zOff + (q * PANEL + r) * ldz + p0;
                    for (int p = 0; p < kc; p++) {
                        packed[base + p * PANEL + r] = z[src + p];
                    }
                }
                for (int r = rows; r < PANEL; r++) {
                    for (int p = 0; p < kc; p++) {
                        packed[base + p * PANEL + r] = 0f;
                    }
                }
            }
        }
    }

    /**
     * C[i, j] (+)= the formula above for 0 &lt;= i &lt;= j &lt; n, from the packed rows; entries below the
     * diagonal are not touched.
     *
     * @param accumulate false: C = Z Z^T (C's old upper triangle ignored); true: C += Z Z^T
     * @param packed the packed rows (see {@link #pack}), from index 0; not modified
     * @param c      modified: the upper triangle of the [n, n] block at cOff with leading dimension ldc
     * @param parts  how many runs of tiles to split the work into (1 = the calling thread only)
     * @param runner runs the parts, e.g. on a pool of threads
     */
    public static void upper(int n, int k, float[] packed, double[] c, int cOff, int ldc, boolean accumulate,
                             int parts, Parts runner) {
        if (n == 0) {
            return;
        }
        checkPacked(n, k, packed, 0);
        if (k == 0) {
            if (accumulate) {
                return;
            }
            for (int i = 0; i < n; i++) {
                java.util.Arrays.fill(c, cOff + i * ldc + i, cOff + i * ldc + n, 0);
            }
            return;
        }
        int np = panels(n);
        // work units: (column panel q, row block b) with b covering rows below (q + 1) PANEL, in column-major order
        long units = 0;
        for (int q = 0; q < np; q++) {
            units += rowBlocks(n, q);
        }
        int nParts = (int) Math.max(1, Math.min(parts, units));
        long total = units;
        runner.run(nParts, part -> {
            long from = total * part / nParts;
            long to = total * (part + 1) / nParts;
            float[] tile = new float[MR * PANEL];
            for (int p0 = 0; p0 < k; p0 += KC) {
                int kc = Math.min(KC, k - p0);
                long u = 0;
                for (int q = 0; q < np && u < to; q++) {
                    int blocks = rowBlocks(n, q);
                    if (u + blocks <= from) {
                        u += blocks;
                        continue;
                    }
                    int bOff = panelOffset(n, k, q, p0);
                    int b0 = (int) Math.max(0, from - u);
                    int b1 = (int) Math.min(blocks, to - u);
                    for (int b = b0; b < b1; b++) {
                        int i0 = b * MR;                      // first row of the block
                        int aOff = panelOffset(n, k, i0 / PANEL, p0) + i0 % PANEL;
                        for (int j = 0; j < PANEL; j += NRL) {
                            kernel(kc, packed, aOff, bOff + j, tile, j);
                        }
                        store(n, n, true, tile, i0, q * PANEL, c, cOff, ldc, !accumulate && p0 == 0);
                    }
                    u += blocks;
                }
            }
        });
    }

    /**
     * The cross-product of two packed matrices A [m, k] and B [n, k] (the same features), summed as in the class
     * comment, on the calling thread:
     * <pre>
     *     C[i, j] (+)= sum_t fl( sum_{p in chunk t} a[i, p] b[j, p] )        i &lt; m, j &lt; n
     * </pre>
     *
     * @param packed     A packed by {@link #pack} at {@code aBase} and B at {@code bBase}; not modified
     * @param c          modified: the [m, n] block at cOff with leading dimension ldc
     * @param accumulate false: C = A B^T (C's old block ignored); true: C += A B^T
     */
    public static void cross(int m, int n, int k, float[] packed, int aBase, int bBase, double[] c, int cOff, int ldc,
                             boolean accumulate) {
        if (m == 0 || n == 0) {
            return;
        }
        checkPacked(m, k, packed, aBase);
        checkPacked(n, k, packed, bBase);
        if (k == 0) {
            if (!accumulate) {
                for (int i = 0; i < m; i++) {
                    java.util.Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0);
                }
            }
            return;
        }
        float[] tile = new float[MR * PANEL];
        int np = panels(n);
        int blocks = (m + MR - 1) / MR;
        for (int p0 = 0; p0 < k; p0 += KC) {
            int kc = Math.min(KC, k - p0);
            for (int q = 0; q < np; q++) {
                int bOff = bBase + panelOffset(n, k, q, p0);
                for (int b = 0; b < blocks; b++) {
                    int i0 = b * MR;
                    int aOff = aBase + panelOffset(m, k, i0 / PANEL, p0) + i0 % PANEL;
                    for (int j = 0; j < PANEL; j += NRL) {
                        kernel(kc, packed, aOff, bOff + j, tile, j);
                    }
                    store(m, n, false, tile, i0, q * PANEL, c, cOff, ldc, !accumulate && p0 == 0);
                }
            }
        }
    }

    /** Row blocks of MR rows in column panel q: those with a row at or above the panel's last column. */
    private static int rowBlocks(int n, int q) {
        int lastCol = Math.min(n, (q + 1) * PANEL) - 1;
        return Math.min(lastCol / MR + 1, (n + MR - 1) / MR);
    }

    /**
     * tile[t + r PANEL + j] = sum_p pk[aOff + p PANEL + r] pk[bOff + p PANEL + j], r &lt; 8, j &lt; 3 L. tile is
     * modified. Both
     * operands come from one packed array (for {@link #cross}, A and B packed side by side).
     */
    private static void kernel(int kc, float[] pk, int aOff, int bOff, float[] tile, int t) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00;
        FloatVector c10 = c00, c11 = c00, c12 = c00;
        FloatVector c20 = c00, c21 = c00, c22 = c00;
        FloatVector c30 = c00, c31 = c00, c32 = c00;
        FloatVector c40 = c00, c41 = c00, c42 = c00;
        FloatVector c50 = c00, c51 = c00, c52 = c00;
        FloatVector c60 = c00, c61 = c00, c62 = c00;
        FloatVector c70 = c00, c71 = c00, c72 = c00;
        int ap = aOff;
        int bp = bOff;
        for (int p = 0; p < kc; p++, ap += PANEL, bp += PANEL) {
            FloatVector b0 = FloatVector.fromArray(S, pk, bp);
            FloatVector b1 = FloatVector.fromArray(S, pk, bp + L);
            FloatVector b2 = FloatVector.fromArray(S, pk, bp + 2 * L);
            FloatVector x = FloatVector.broadcast(S, pk[ap]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            x = FloatVector.broadcast(S, pk[ap + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            x = FloatVector.broadcast(S, pk[ap + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            x = FloatVector.broadcast(S, pk[ap + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
            x = FloatVector.broadcast(S, pk[ap + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            c42 = x.fma(b2, c42);
            x = FloatVector.broadcast(S, pk[ap + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            c52 = x.fma(b2, c52);
            x = FloatVector.broadcast(S, pk[ap + 6]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            c62 = x.fma(b2, c62);
            x = FloatVector.broadcast(S, pk[ap + 7]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
            c72 = x.fma(b2, c72);
        }
        c00.intoArray(tile, t);
        c01.intoArray(tile, t + L);
        c02.intoArray(tile, t + 2 * L);
        c10.intoArray(tile, t + PANEL);
        c11.intoArray(tile, t + PANEL + L);
        c12.intoArray(tile, t + PANEL + 2 * L);
        c20.intoArray(tile, t + 2 * PANEL);
        c21.intoArray(tile, t + 2 * PANEL + L);
        c22.intoArray(tile, t + 2 * PANEL + 2 * L);
        c30.intoArray(tile, t + 3 * PANEL);
        c31.intoArray(tile, t + 3 * PANEL + L);
        c32.intoArray(tile, t + 3 * PANEL + 2 * L);
        c40.intoArray(tile, t + 4 * PANEL);
        c41.intoArray(tile, t + 4 * PANEL + L);
        c42.intoArray(tile, t + 4 * PANEL + 2 * L);
        c50.intoArray(tile, t + 5 * PANEL);
        c51.intoArray(tile, t + 5 * PANEL + L);
        c52.intoArray(tile, t + 5 * PANEL + 2 * L);
        c60.intoArray(tile, t + 6 * PANEL);
        c61.intoArray(tile, t + 6 * PANEL + L);
        c62.intoArray(tile, t + 6 * PANEL + 2 * L);
        c70.intoArray(tile, t + 7 * PANEL);
        c71.intoArray(tile, t + 7 * PANEL + L);
        c72.intoArray(tile, t + 7 * PANEL + 2 * L);
    }

    /**
     * C[i0 + r, j0 + j] (+)= tile[r PANEL + j] for the entries of the tile with i &lt; m, j &lt; n, and i &lt;= j if
     * {@code upper}. Scalar: in JDK 17 a float-to-double vector cast here can leave the whole product compiled many
     * times slower.
     */
    private static void store(int m, int n, boolean upper, float[] tile, int i0, int j0, double[] c, int cOff,
                              int ldc, boolean first) {
        int rows = Math.min(MR, m - i0);
        int cols = Math.min(PANEL, n - j0);
        for (int r = 0; r < rows; r++) {
            int i = i0 + r;
            int from = upper ? Math.max(0, i - j0) : 0;
            int row = cOff + i * ldc + j0;
            int t = r * PANEL;
            if (first) {
                for (int j = from; j < cols; j++) {
                    c[row + j] = tile[t + j];
                }
            } else {
                for (int j = from; j < cols; j++) {
                    c[row + j] += tile[t + j];
                }
            }
        }
    }

    private static void checkPacked(int n, int k, float[] packed, int off) {
        if (n < 0 || k < 0 || off < 0 || packed.length - (long) off < packedLength(n, k)) {
            throw new IllegalArgumentException("packed rows of " + n + " x " + k + " need " + packedLength(n, k)
                    + " floats, got " + (packed.length - (long) off));
        }
    }
}
