package org.attractorlab.core.analysis.similarity;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Classical (Torgerson) multidimensional scaling: points whose Euclidean distances approximate a given distance
 * matrix. With D [n, n] the distances, J = I - 1 1^T / n the centring matrix,
 * <pre>
 *   B = -1/2 J D^(2) J            (D^(2): the element-wise squares, B the Gram matrix of the centred points)
 *   B = V diag(lambda) V^T,  lambda_1 &gt;= lambda_2 &gt;= ...
 *   x_i = (sqrt(max(lambda_1, 0)) V[i, 1], ..., sqrt(max(lambda_k, 0)) V[i, k])
 * </pre>
 * When D is Euclidean in k or fewer dimensions the embedding reproduces it exactly (up to a rotation and a
 * reflection); otherwise the negative eigenvalues measure how far it is from Euclidean. Each eigenvector's sign is
 * fixed so that its entry of largest magnitude is positive (the first such on ties), so the embedding is
 * deterministic. The centroid of the points is the origin.
 *
 * @param points      n
 * @param dims        k
 * @param coordinates [n, k] row-major, point i at {@code coordinates[i * k ...]}; not copied, do not modify
 * @param eigenvalues all n eigenvalues of B, descending; not copied, do not modify
 */
public record ClassicalMds(int points, int dims, double[] coordinates, double[] eigenvalues) {

    /** Coordinate {@code d} of point {@code i}. */
    public double coordinate(int i, int d) {
        return coordinates[i * dims + d];
    }

    /**
     * @param n         points, &gt;= 1
     * @param distances [n, n] row-major, symmetric, zero diagonal, finite; not modified
     * @param dims      embedding dimensions, 1 &lt;= dims &lt;= n (dimensions beyond the rank are zero)
     */
    public static ClassicalMds compute(int n, double[] distances, int dims) {
        if (n < 1 || distances == null || distances.length != (long) n * n) {
            throw new IllegalArgumentException("MDS needs an n x n distance matrix with n >= 1, got n = " + n + " and "
                    + (distances == null ? "no" : distances.length) + " distances");
        }
        if (dims < 1) {
            throw new IllegalArgumentException("MDS needs at least one dimension, got " + dims);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double d = distances[i * n + j];
                if (!Double.isFinite(d)) {
                    throw new IllegalArgumentException("MDS needs finite distances, got " + d + " between points " + i
                            + " and " + j);
                }
                if (Math.abs(d - distances[j * n + i]) > 1e-9 * (1 + Math.abs(d))) {
                    throw new IllegalArgumentException("MDS needs a symmetric distance matrix, got " + d + " from " + i
                            + " to " + j + " and " + distances[j * n + i] + " back");
                }
            }
        }
        DMatrixRMaj b = new DMatrixRMaj(n, n);
        double[] rowMean = new double[n];
        double all = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double d = distances[i * n + j];
                double sq = d * d;
                b.data[i * n + j] = sq;
                rowMean[i] += sq / n;
            }
            all += rowMean[i] / n;
        }
        // double centring of the squared distances; the column means equal the row means of a symmetric matrix
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b.data[i * n + j] = -0.5 * (b.data[i * n + j] - rowMean[i] - rowMean[j] + all);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(b)) {
            throw new IllegalStateException("the eigen-decomposition of MDS did not converge");
        }
        Integer[] order = new Integer[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            values[i] = eig.getEigenvalue(i).getReal();
        }
        java.util.Arrays.sort(order, (p, q) -> Double.compare(values[q], values[p]));
        double[] sorted = new double[n];
        int k = dims;
        double[] coords = new double[n * k];
        for (int r = 0; r < n; r++) {
            sorted[r] = values[order[r]];
        }
        for (int d = 0; d < Math.min(k, n); d++) {
            DMatrixRMaj v = eig.getEigenVector(order[d]);
            double scale = Math.sqrt(Math.max(sorted[d], 0));
            int big = 0;
            for (int i = 1; i < n; i++) {
                if (Math.abs(v.data[i]) > Math.abs(v.data[big]) + 1e-12) {
                    big = i;
                }
            }
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += v.data[i] * v.data[i];
            }
            double sign = v.data[big] < 0 ? -1 : 1;
            double f = norm > 0 ? sign * scale / Math.sqrt(norm) : 0;
            for (int i = 0; i < n; i++) {
                coords[i * k + d] = f * v.data[i];
            }
        }
        return new ClassicalMds(n, k, coords, sorted);
    }
}
