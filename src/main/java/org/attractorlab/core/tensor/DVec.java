package org.attractorlab.core.tensor;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Kernels on {@code double[]} ranges with the Vector API, for the analyses' iterative solvers (decoders) and the
 * packing of RDM rows. Each takes
 * (array, offset) pairs and a length n; only the output argument is modified. Nothing is allocated. The summation
 * order is fixed by n and the machine's vector width, so results are deterministic on a machine.
 */
public final class DVec {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private DVec() {
    }

    /** sum_i a_i b_i. */
    public static double dot(int n, double[] a, int aOff, double[] b, int bOff) {
        int i = 0;
        int nv = n - n % L;
        double s = 0;
        if (nv > 0) {
            DoubleVector acc = DoubleVector.zero(S);
            for (; i < nv; i += L) {
                acc = DoubleVector.fromArray(S, a, aOff + i).fma(DoubleVector.fromArray(S, b, bOff + i), acc);
            }
            s = acc.reduceLanes(VectorOperators.ADD);
        }
        for (; i < n; i++) {
            s += a[aOff + i] * b[bOff + i];
        }
        return s;
    }

    /** y = y + s x. */
    public static void axpy(int n, double s, double[] x, int xOff, double[] y, int yOff) {
        int i = 0;
        int nv = n - n % L;
        DoubleVector sv = DoubleVector.broadcast(S, s);
        for (; i < nv; i += L) {
            DoubleVector.fromArray(S, x, xOff + i).fma(sv, DoubleVector.fromArray(S, y, yOff + i))
                    .intoArray(y, yOff + i);
        }
        for (; i < n; i++) {
            y[yOff + i] += s * x[xOff + i];
        }
    }

    /**
     * y_i = (x_i - s) c - m_i for i &lt; n; returns sum_i y_i^2 (a row moved and scaled, then centred, with its
     * squared norm). Only y is modified.
     */
    public static double shiftScaleSub(int n, double[] x, int xOff, double s, double c, double[] m, int mOff,
                                       double[] y, int yOff) {
        int i = 0;
        int nv = n - n % L;
        double sum = 0;
        if (nv > 0) {
            DoubleVector acc = DoubleVector.zero(S);
            for (; i < nv; i += L) {
                DoubleVector v = DoubleVector.fromArray(S, x, xOff + i).sub(s).mul(c)
                        .sub(DoubleVector.fromArray(S, m, mOff + i));
                v.intoArray(y, yOff + i);
                acc = v.fma(v, acc);
            }
            sum = acc.reduceLanes(VectorOperators.ADD);
        }
        for (; i < n; i++) {
            double v = (x[xOff + i] - s) * c - m[mOff + i];
            y[yOff + i] = v;
            sum += v * v;
        }
        return sum;
    }

    /**
     * out[i] = A x[i] for the count rows x[i] of x from xOff (each n long), into out from outOff, A symmetric [n, n]
     * row-major (the block product of {@code BlockLanczos}). A is symmetric, so
     * (A x)_r = A[r, :] . x: row r of A is read once (it stays in cache) for all count vectors, four at a time.
     * Only out is modified.
     */
    public static void symmetricTimesRows(int n, double[] a, double[] x, int xOff, int count, double[] out,
                                          int outOff) {
        int nv = n - n % L;
        for (int row = 0; row < n; row++) {
            int ro = row * n;
            int i = 0;
            for (; i + 4 <= count; i += 4) {
                int x0 = xOff + i * n;
                int x1 = x0 + n;
                int x2 = x1 + n;
                int x3 = x2 + n;
                DoubleVector s0 = DoubleVector.zero(S);
                DoubleVector s1 = DoubleVector.zero(S);
                DoubleVector s2 = DoubleVector.zero(S);
                DoubleVector s3 = DoubleVector.zero(S);
                int c = 0;
                for (; c < nv; c += L) {
                    DoubleVector av = DoubleVector.fromArray(S, a, ro + c);
                    s0 = av.fma(DoubleVector.fromArray(S, x, x0 + c), s0);
                    s1 = av.fma(DoubleVector.fromArray(S, x, x1 + c), s1);
                    s2 = av.fma(DoubleVector.fromArray(S, x, x2 + c), s2);
                    s3 = av.fma(DoubleVector.fromArray(S, x, x3 + c), s3);
                }
                double t0 = s0.reduceLanes(VectorOperators.ADD);
                double t1 = s1.reduceLanes(VectorOperators.ADD);
                double t2 = s2.reduceLanes(VectorOperators.ADD);
                double t3 = s3.reduceLanes(VectorOperators.ADD);
                for (; c < n; c++) {
                    double av = a[ro + c];
                    t0 += av * x[x0 + c];
                    t1 += av * x[x1 + c];
                    t2 += av * x[x2 + c];
                    t3 += av * x[x3 + c];
                }
                int o = outOff + i * n + row;
                out[o] = t0;
                out[o + n] = t1;
                out[o + 2 * n] = t2;
                out[o + 3 * n] = t3;
            }
            for (; i < count; i++) {
                out[outOff + i * n + row] = dot(n, a, ro, x, xOff + i * n);
            }
        }
    }
}
