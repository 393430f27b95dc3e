package org.attractorlab.core.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DVecTest {

    /** dot and axpy against plain loops, at offsets, for lengths below, at and around multiples of the vector width. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 7, 8, 9, 16, 17, 64, 65, 131})
    void matchesPlainLoops(int n) {
        SplittableRandom r = new SplittableRandom(n);
        double[] a = new double[n + 5];
        double[] b = new double[n + 9];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextDouble(-1, 1);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = r.nextDouble(-1, 1);
        }
        double expected = 0;
        for (int i = 0; i < n; i++) {
            expected += a[3 + i] * b[6 + i];
        }
        assertEquals(expected, DVec.dot(n, a, 3, b, 6), 1e-12 * Math.max(1, n));

        double[] y = b.clone();
        DVec.axpy(n, -0.75, a, 3, y, 6);
        for (int i = 0; i < b.length; i++) {
            boolean inside = i >= 6 && i < 6 + n;
            double want = inside ? b[i] - 0.75 * a[3 + i - 6] : b[i];
            assertEquals(want, y[i], 1e-15, "element " + i + (inside ? "" : " (outside the range: untouched)"));
        }
    }

    /** shiftScaleSub against a plain loop: every y inside the range, nothing outside, and the squared norm. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8, 9, 17, 64, 131})
    void shiftScaleSubMatchesAPlainLoop(int n) {
        SplittableRandom r = new SplittableRandom(100 + n);
        double[] x = new double[n + 4];
        double[] m = new double[n + 2];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble(-3, 3);
        }
        for (int i = 0; i < m.length; i++) {
            m[i] = r.nextDouble(-1, 1);
        }
        double[] y = new double[n + 6];
        java.util.Arrays.fill(y, 7);
        double norm = DVec.shiftScaleSub(n, x, 4 - 2, 0.5, -1.5, m, 1, y, 3);
        double want = 0;
        for (int i = 0; i < y.length; i++) {
            boolean inside = i >= 3 && i < 3 + n;
            double v = inside ? (x[2 + i - 3] - 0.5) * -1.5 - m[1 + i - 3] : 7;
            assertEquals(v, y[i], 1e-14, "element " + i + (inside ? "" : " (outside the range: untouched)"));
            want += inside ? v * v : 0;
        }
        assertEquals(want, norm, 1e-12 * Math.max(1, want));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 7, 17, 64})
    void symmetricTimesRowsIsTheProductOfTheMatrixWithEachRowAndWritesOnlyItsOutput(int n) {
        SplittableRandom r = new SplittableRandom(300 + n);
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i * n + j] = r.nextGaussian();
                a[j * n + i] = a[i * n + j];
            }
        }
        int count = 6; // four at a time, then two one by one
        int off = 5;
        double[] x = new double[off + count * n];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
        }
        double[] out = new double[2 + count * n + 3];
        java.util.Arrays.fill(out, -7);
        double[] before = x.clone();
        DVec.symmetricTimesRows(n, a, x, off, count, out, 2);
        for (int v = 0; v < count; v++) {
            for (int row = 0; row < n; row++) {
                double e = 0;
                for (int c = 0; c < n; c++) {
                    e += a[row * n + c] * x[off + v * n + c];
                }
                assertEquals(e, out[2 + v * n + row], 1e-12 * n, "vector " + v + ", row " + row);
            }
        }
        assertEquals(-7, out[0]);
        assertEquals(-7, out[1]);
        assertEquals(-7, out[out.length - 1]);
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, x, "x is not modified");
    }
}
