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
}
