package org.attractorlab.core.analysis.similarity;

import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Orthogonal Procrustes problem (Schoenemann 1966): the orthogonal R minimising ||A R - B||_F.
 *
 * <p>With the thin SVD A^T B = U S V^T, the minimiser is R = U V^T, and ||A R - B||_F^2 = ||A||_F^2 + ||B||_F^2
 * - 2 trace(S). For A [n, p] and B [n, q] with p != q, R = U V^T is the [p, q] matrix with orthonormal columns
 * (p > q) or rows (p < q) that solves the same problem (the narrower matrix padded with zero columns). R may be
 * a reflection (det R = -1); {@link #solveRotation} restricts it to rotations.
 *
 * <p>Used by the decoders (encoding versus memory subspaces); PCA basis alignment across checkpoints computes the
 * same rotation in its own package (pca sits below similarity).
 * Neither input is modified.
 */
public final class OrthogonalProcrustes {

    private OrthogonalProcrustes() {
    }

    /**
     * R = argmin over R^T R = I (or R R^T = I if p < q) of ||A R - B||_F.
     *
     * @param a [n, p], not modified
     * @param b [n, q], not modified
     * @return R [p, q], R = U V^T from the thin SVD of A^T B
     */
    public static DMatrixRMaj solve(DMatrixRMaj a, DMatrixRMaj b) {
        check(a, b);
        DMatrixRMaj m = new DMatrixRMaj(a.numCols, b.numCols);
        CommonOps_DDRM.multTransA(a, b, m);
        return polar(m, false);
    }

    /**
     * The proper rotation (det R = +1) minimising ||A R - B||_F (Kabsch): with A^T B = U S V^T, R = U D V^T, where
     * D = diag(1, ..., 1, sign det(U V^T)) flips the direction of the smallest singular value if needed.
     *
     * @param a [n, p], not modified
     * @param b [n, p], not modified
     * @return R [p, p] with R^T R = I and det R = +1
     */
    public static DMatrixRMaj solveRotation(DMatrixRMaj a, DMatrixRMaj b) {
        check(a, b);
        if (a.numCols != b.numCols) {
            throw new IllegalArgumentException("a rotation needs as many columns in a as in b, got " + a.numCols
                    + " and " + b.numCols);
        }
        DMatrixRMaj m = new DMatrixRMaj(a.numCols, b.numCols);
        CommonOps_DDRM.multTransA(a, b, m);
        return polar(m, true);
    }

    /** ||A R - B||_F. None of the arguments is modified. */
    public static double residual(DMatrixRMaj a, DMatrixRMaj r, DMatrixRMaj b) {
        DMatrixRMaj ar = new DMatrixRMaj(a.numRows, r.numCols);
        CommonOps_DDRM.mult(a, r, ar);
        CommonOps_DDRM.subtractEquals(ar, b);
        return NormOps_DDRM.normF(ar);
    }

    /**
     * The orthogonal polar factor U V^T of m = U S V^T (thin SVD): the (semi-)orthogonal matrix closest to m and
     * the maximiser of trace(R^T m). With {@code proper}, the sign of the column of U belonging to the smallest
     * singular value is flipped when det(U V^T) < 0.
     *
     * @param m [p, q], not modified
     */
    static DMatrixRMaj polar(DMatrixRMaj m, boolean proper) {
        int p = m.numRows;
        int q = m.numCols;
        int r = Math.min(p, q);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(p, q, true, true, true);
        if (!svd.decompose(m.copy())) {
            throw new IllegalStateException("SVD did not converge in orthogonal Procrustes");
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj v = svd.getV(null, false);
        if (proper) {
            DMatrixRMaj rot = new DMatrixRMaj(p, q);
            CommonOps_DDRM.multTransB(u, v, rot);
            if (CommonOps_DDRM.det(rot) < 0) {
                double[] s = svd.getSingularValues();
                int smallest = 0;
                for (int i = 1; i < r; i++) {
                    if (s[i] < s[smallest]) {
                        smallest = i;
                    }
                }
                for (int i = 0; i < p; i++) {
                    u.set(i, smallest, -u.get(i, smallest));
                }
            } else {
                return rot;
            }
        }
        DMatrixRMaj rot = new DMatrixRMaj(p, q);
        CommonOps_DDRM.multTransB(u, v, rot);
        return rot;
    }

    private static void check(DMatrixRMaj a, DMatrixRMaj b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (a.numRows != b.numRows) {
            throw new IllegalArgumentException("orthogonal Procrustes needs matrices with the same number of rows, got "
                    + a.numRows + " and " + b.numRows);
        }
        if (a.numCols == 0 || b.numCols == 0 || a.numRows == 0) {
            throw new IllegalArgumentException("orthogonal Procrustes needs non-empty matrices, got " + a.numRows
                    + " x " + a.numCols + " and " + b.numRows + " x " + b.numCols);
        }
    }

    /** Weight of the tie-break of {@link #solveNearestIdentity}. */
    public static final double TIE_BREAK = 1e-8;

    /**
     * Like {@link #solve}, but when A^T B is rank-deficient (fewer than p + 1 centred points) and R is not unique on
     * the orthogonal complement, takes among the minimisers the one closest to the identity: the polar factor of
     * A^T B + eps I with eps = {@value #TIE_BREAK} ||A^T B||_F, which minimises ||A R - B||^2 + eps ||R - I||^2, so R
     * is the identity on directions that neither configuration uses. Reflections are allowed.
     *
     * @param a [m, p], not modified
     * @param b [m, p], not modified
     * @return R, [p, p] orthogonal
     */
    public static DMatrixRMaj solveNearestIdentity(DMatrixRMaj a, DMatrixRMaj b) {

        if (a.numRows != b.numRows || a.numCols != b.numCols) {
            throw new IllegalArgumentException("Procrustes needs matrices of the same shape, got " + a.numRows + "x"
                    + a.numCols + " and " + b.numRows + "x" + b.numCols);
        }
        int p = a.numCols;
        DMatrixRMaj m = new DMatrixRMaj(p, p);
        CommonOps_DDRM.multTransA(a, b, m);
        double scale = NormOps_DDRM.normF(m);
        if (scale == 0) {
            return CommonOps_DDRM.identity(p);
        }
        for (int i = 0; i < p; i++) {
            m.data[i * p + i] += TIE_BREAK * scale;
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(p, p, true, true, false);
        if (!svd.decompose(m)) {
            throw new IllegalStateException("Procrustes: SVD failed");
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj vt = svd.getV(null, true);
        DMatrixRMaj r = new DMatrixRMaj(p, p);
        CommonOps_DDRM.mult(u, vt, r);
        return r;
    }
}
