package org.attractorlab.core.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GramTest {
    /**
     * Error of an entry against the exact sum, relative to ||z_i|| ||z_j||: each chunk of KC products is summed in
     * float (about sqrt(KC) roundings of 6e-8 each), the chunks in double.
     */
    private static final double FLOAT_CHUNK_TOL = 5e-6;

    private static final ExecutorService THREADS = Executors.newFixedThreadPool(3);

    /** Runs the parts on threads of their own, all at once. */
    private static final Gram.Parts CONCURRENT = (parts, task) -> {
        Future<?>[] f = new Future<?>[parts];
        for (int p = 0; p < parts; p++) {
            int part = p;
            f[p] = THREADS.submit(() -> task.accept(part));
        }
        for (Future<?> x : f) {
            try {
                x.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    };

    @AfterAll
    static void stopThreads() {
        THREADS.shutdownNow();
    }

    /**
     * The upper triangle against a double sum of the same float products, on a sub-block of a larger C; shapes
     * cover one entry, rows not a multiple of the register block or of the panel, k not a multiple of the vector
     * length, and k over several chunks. Entries below the diagonal and outside the block keep their values.
     */
    @ParameterizedTest
    @CsvSource({"1,1", "2,3", "17,33", "5,100", "63,64", "65,7", "130,17", "97,1100", "40,1537"})
    void upperTriangleMatchesANaiveDoubleSumOnOddShapes(int n, int k) {
        SplittableRandom r = new SplittableRandom(n * 7919L + k);
        int ldz = k + 3;
        int zOff = 5;
        float[] z = random(r, zOff + n * ldz);
        float[] packed = new float[(int) Gram.packedLength(n, k)];
        Gram.pack(n, k, z, zOff, ldz, packed, 0);
        int ldc = n + 2;
        int cOff = 3;
        double[] c = new double[cOff + n * ldc + 1];
        Arrays.fill(c, -7.5);
        Gram.upper(n, k, packed, c, cOff, ldc, false, 1, Gram.Parts.SERIAL);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < ldc; j++) {
                int ci = cOff + i * ldc + j;
                if (j < i || j >= n) {
                    assertEquals(-7.5, c[ci], "C[" + i + "," + j + "] is not in the upper triangle");
                    continue;
                }
                double s = 0;
                double ni = 0;
                double nj = 0;
                for (int p = 0; p < k; p++) {
                    double a = z[zOff + i * ldz + p];
                    double b = z[zOff + j * ldz + p];
                    s += a * b;
                    ni += a * a;
                    nj += b * b;
                }
                assertEquals(s, c[ci], FLOAT_CHUNK_TOL * Math.sqrt(ni * nj), "C[" + i + "," + j + "]");
            }
        }
        assertEquals(-7.5, c[0]);
        assertEquals(-7.5, c[c.length - 1]);
    }

    /** The rectangular product of two different packed matrices against a naive double sum, with accumulation. */
    @ParameterizedTest
    @CsvSource({"1,1,1", "9,17,33", "50,3,700", "49,97,1030"})
    void crossProductMatchesANaiveDoubleSumOnOddShapes(int m, int n, int k) {
        SplittableRandom r = new SplittableRandom(m * 131L + n * 17L + k);
        float[] a = random(r, m * k);
        float[] b = random(r, n * k);
        int aBase = 3;
        int bBase = aBase + (int) Gram.packedLength(m, k) + 2;
        float[] packed = new float[bBase + (int) Gram.packedLength(n, k)];
        Gram.pack(m, k, a, 0, k, packed, aBase);
        Gram.pack(n, k, b, 0, k, packed, bBase);
        int ldc = n + 1;
        double[] c = new double[m * ldc];
        Arrays.fill(c, 0.5);
        Gram.cross(m, n, k, packed, aBase, bBase, c, 0, ldc, true);
        for (int i = 0; i < m; i++) {
            assertEquals(0.5, c[i * ldc + n], "outside the block");
            for (int j = 0; j < n; j++) {
                double s = 0.5;
                double ni = 0;
                double nj = 0;
                for (int p = 0; p < k; p++) {
                    s += (double) a[i * k + p] * b[j * k + p];
                    ni += (double) a[i * k + p] * a[i * k + p];
                    nj += (double) b[j * k + p] * b[j * k + p];
                }
                assertEquals(s, c[i * ldc + j], FLOAT_CHUNK_TOL * Math.sqrt(ni * nj), "C[" + i + "," + j + "]");
            }
        }
    }

    @Test
    void accumulateAddsTheProductToTheUpperTriangle() {
        int n = 70;
        int k = 600;
        SplittableRandom r = new SplittableRandom(3);
        float[] z = random(r, n * k);
        float[] packed = new float[(int) Gram.packedLength(n, k)];
        Gram.pack(n, k, z, 0, k, packed, 0);
        double[] once = new double[n * n];
        Gram.upper(n, k, packed, once, 0, n, false, 1, Gram.Parts.SERIAL);
        double[] twice = new double[n * n];
        Arrays.fill(twice, 1.25);
        Gram.upper(n, k, packed, twice, 0, n, true, 1, Gram.Parts.SERIAL);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(j >= i ? once[i * n + j] + 1.25 : 1.25, twice[i * n + j], 1e-12, "C[" + i + "," + j + "]");
            }
        }
    }

    /** Every entry is summed by one part in one order, so splitting the work changes no bit. */
    @ParameterizedTest
    @CsvSource({"2", "3", "7"})
    void anyNumberOfPartsGivesTheSameBitsAsOne(int parts) {
        int n = 150;
        int k = Gram.KC + 100;
        SplittableRandom r = new SplittableRandom(4);
        float[] z = random(r, n * k);
        float[] packed = new float[(int) Gram.packedLength(n, k)];
        Gram.pack(n, k, z, 0, k, packed, 0);
        double[] one = new double[n * n];
        Gram.upper(n, k, packed, one, 0, n, false, 1, Gram.Parts.SERIAL);
        double[] many = new double[n * n];
        Gram.upper(n, k, packed, many, 0, n, false, parts, CONCURRENT);
        assertArrayEquals(one, many);
        assertTrue(one[n * n - 1] > 0, "the last diagonal entry is filled");
    }

    @Test
    void packedRowsFollowTheDocumentedLayoutWithZeroPadding() {
        int n = Gram.PANEL + 3;
        int k = Gram.KC + 5;
        float[] z = new float[n * k];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < k; p++) {
                z[i * k + p] = i * 10000 + p + 1;
            }
        }
        float[] packed = new float[(int) Gram.packedLength(n, k)];
        Arrays.fill(packed, Float.NaN);
        Gram.pack(n, k, z, 0, k, packed, 0);
        for (int i = 0; i < 2 * Gram.PANEL; i++) {
            for (int p : new int[]{0, 1, Gram.KC - 1, Gram.KC, k - 1}) {
                int q = i / Gram.PANEL;
                int p0 = p - p % Gram.KC;
                float v = packed[Gram.panelOffset(n, k, q, p0) + (p - p0) * Gram.PANEL + i - q * Gram.PANEL];
                assertEquals(i < n ? z[i * k + p] : 0f, v, "element (" + i + ", " + p + ")");
            }
        }
        for (float v : packed) {
            assertTrue(!Float.isNaN(v), "every packed entry is written");
        }
    }

    @Test
    void aPackedBufferTooShortIsRejectedWithTheSizesItNeeds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gram.upper(10, 20, new float[5], new double[100], 0, 10, false, 1, Gram.Parts.SERIAL));
        assertTrue(e.getMessage().contains("10 x 20") && e.getMessage().contains("got 5"), e.getMessage());
    }

    private static float[] random(SplittableRandom r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (2 * r.nextDouble() - 1);
        }
        return v;
    }
}
