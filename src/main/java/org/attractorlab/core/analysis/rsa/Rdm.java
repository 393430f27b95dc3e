package org.attractorlab.core.analysis.rsa;

import java.util.List;
import java.util.Objects;

/**
 * A representational dissimilarity matrix: n conditions, an n x n symmetric matrix of dissimilarities, and the
 * distance that produced it. Immutable: the matrix is copied in and out. The matrix is n x n and exactly
 * symmetric (m[i][j] == m[j][i]); the diagonal is 0 for every distance here.
 */
public final class Rdm {
    private final List<String> labels;
    private final double[][] matrix;
    private final Distance distance;

    /** @throws IllegalArgumentException if the matrix is not n x n for n labels, or not exactly symmetric */
    public Rdm(List<String> labels, double[][] matrix, Distance distance) {
        this(labels, copy(matrix), distance, true);
    }

    /** An RDM that takes {@code rows} as its own (no copy); they are checked like the public constructor's. */
    private Rdm(List<String> labels, double[][] rows, Distance distance, boolean owned) {
        Objects.requireNonNull(labels, "labels");
        this.labels = List.copyOf(labels);
        int n = this.labels.size();
        if (rows.length != n) {
            throw new IllegalArgumentException("RDM has " + rows.length + " rows for " + n + " labels");
        }
        for (int i = 0; i < n; i++) {
            if (rows[i].length != n) {
                throw new IllegalArgumentException("RDM row " + i + " has " + rows[i].length + " entries, expected "
                        + n);
            }
        }
        final int tile = 64;    // compare in tiles: a column walk over n rows would miss the cache at every step
        for (int i0 = 0; i0 < n; i0 += tile) {
            for (int j0 = 0; j0 <= i0; j0 += tile) {
                for (int i = i0; i < Math.min(n, i0 + tile); i++) {
                    for (int j = j0; j < Math.min(i, j0 + tile); j++) {
                        if (Double.compare(rows[i][j], rows[j][i]) != 0) {
                            throw new IllegalArgumentException("RDM is not symmetric: [" + i + "][" + j + "] = "
                                    + rows[i][j] + " but [" + j + "][" + i + "] = " + rows[j][i]);
                        }
                    }
                }
            }
        }
        this.matrix = rows;
        this.distance = distance;
    }

    private static double[][] copy(double[][] matrix) {
        Objects.requireNonNull(matrix, "matrix");
        double[][] m = new double[matrix.length][];
        for (int i = 0; i < m.length; i++) {
            m[i] = Objects.requireNonNull(matrix[i], "matrix row").clone();
        }
        return m;
    }

    /** Builds an RDM from a row-major n x n array with one copy; {@code flat} is not modified. */
    static Rdm ofFlat(List<String> labels, double[] flat, Distance distance) {
        int n = labels.size();
        if (flat.length != (long) n * n) {
            throw new IllegalArgumentException("RDM of " + n + " labels needs " + (long) n * n + " entries, got "
                    + flat.length);
        }
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = java.util.Arrays.copyOfRange(flat, i * n, (i + 1) * n);
        }
        return new Rdm(labels, m, distance, true);
    }

    /** One label per condition, in matrix order (e.g. {@code "bit0=1,bit1=-1"}). */
    public List<String> labels() {
        return labels;
    }

    /** The distance of a data RDM, or null for a model RDM. */
    public Distance distance() {
        return distance;
    }

    /** @return a copy of the matrix */
    public double[][] matrix() {
        double[][] m = new double[matrix.length][];
        for (int i = 0; i < m.length; i++) {
            m[i] = matrix[i].clone();
        }
        return m;
    }

    /** Number of conditions n. */
    public int size() {
        return labels.size();
    }

    /** Dissimilarity between conditions i and j. */
    public double get(int i, int j) {
        return matrix[i][j];
    }

    /**
     * The n (n - 1) / 2 entries above the diagonal, row by row: (0,1), (0,2), ..., (0,n-1), (1,2), ... (the order
     * of rsatoolbox's and scipy's condensed vectors).
     */
    public double[] upperTriangle() {
        int n = matrix.length;
        double[] v = new double[n * (n - 1) / 2];
        int q = 0;
        for (int i = 0; i < n; i++) {
            System.arraycopy(matrix[i], i + 1, v, q, n - i - 1);
            q += n - i - 1;
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rdm r && r.labels.equals(labels) && r.distance == distance
                && java.util.Arrays.deepEquals(r.matrix, matrix);
    }

    @Override
    public int hashCode() {
        return labels.hashCode() * 31 + java.util.Arrays.deepHashCode(matrix);
    }

    @Override
    public String toString() {
        return "Rdm[" + (distance == null ? "model" : distance.key()) + ", " + labels.size() + " conditions]";
    }
}
