package org.attractorlab.core.analysis.pca;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Keeps PCA bases comparable across training checkpoints, so that trajectories and fixed points of successive
 * checkpoints are drawn in matching axes. Three ways:
 * <ul>
 *   <li>{@link #fixed}: every checkpoint is projected onto one chosen checkpoint's basis (its components and its
 *   mean). Axes are identical across checkpoints; the explained variances become the current data's variances
 *   along the reference axes (their sum can fall below what the current data's own top k would explain).</li>
 *   <li>{@link #procrustes}: the current top-k basis B_cur [H, k] (columns = components) is rotated within its own
 *   span by R = argmin over orthogonal R of ||B_cur R - B_prev||_F = U V^T, from the SVD
 *   B_cur^T B_prev = U S V^T; then any aligned axis whose dot product with the previous axis is negative is
 *   flipped. (At the optimum (B_cur R)^T B_prev = V S V^T has a non-negative diagonal, so the flip only acts
 *   when that diagonal has zeros.) The subspace, the mean and the total explained variance of the current
 *   checkpoint are kept; the axes are no longer eigenvectors, so per-axis variances need not be descending.</li>
 *   <li>{@link #signs}: only flips each current component whose dot product with the same component of the
 *   previous basis is negative; axes stay eigenvectors. Enough while components do not swap order.</li>
 * </ul>
 * Chained over a sequence ({@link #alignAll}), each checkpoint is aligned to its already aligned neighbour nearer
 * to the reference checkpoint, so the rotation accumulates along the training run.
 */
public final class PcaAlignment {

    /** How a basis was obtained. */
    public enum Kind {
        /** the data's own PCA */
        OWN,
        /** a reference checkpoint's components and mean */
        FIXED,
        /** the own top-k basis rotated onto the previous basis by orthogonal Procrustes, then sign fixes */
        PROCRUSTES,
        /** the own components with signs matched to the previous basis */
        SIGNS
    }

    private PcaAlignment() {
    }

    /**
     * The reference basis (components and mean) with the current data's variances along its axes.
     *
     * @param reference the chosen checkpoint's PCA
     * @param current   the PCA of the checkpoint to show in the reference axes (its covariance is used)
     */
    public static PcaResult fixed(PcaResult reference, PcaResult current) {
        check(reference, current, false);
        double[] w = reference.componentsView();
        return rescored(current, reference.meanView(), w, Kind.FIXED);
    }

    /**
     * The current basis rotated onto the previous one by orthogonal Procrustes, then sign fixes (see the class
     * documentation).
     */
    public static PcaResult procrustes(PcaResult previous, PcaResult current) {
        check(previous, current, true);
        DMatrixRMaj bCur = current.basis();
        DMatrixRMaj bPrev = previous.basis();
        DMatrixRMaj r = procrustesRotation(bCur, bPrev);
        DMatrixRMaj aligned = new DMatrixRMaj(bCur.numRows, bCur.numCols);
        CommonOps_DDRM.mult(bCur, r, aligned);
        int units = current.units();
        int k = current.k();
        double[] w = new double[k * units];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < units; j++) {
                w[c * units + j] = aligned.data[j * k + c];
            }
        }
        matchSigns(previous.componentsView(), w, k, units);
        return rescored(current, current.meanView(), w, Kind.PROCRUSTES);
    }

    /** The current components with each sign matched to the same component of the previous basis. */
    public static PcaResult signs(PcaResult previous, PcaResult current) {
        check(previous, current, true);
        double[] w = current.components();
        matchSigns(previous.componentsView(), w, current.k(), current.units());
        return rescored(current, current.meanView(), w, Kind.SIGNS);
    }

    /**
     * Aligns a sequence of PCA results (checkpoints in training order). The reference keeps its own basis; with
     * {@link Kind#FIXED} every other one takes the reference basis; with {@link Kind#PROCRUSTES} or
     * {@link Kind#SIGNS} each is aligned to its aligned neighbour on the side of the reference. {@link Kind#OWN}
     * returns the sequence unchanged.
     *
     * @param sequence       not modified
     * @param referenceIndex the checkpoint whose basis is kept
     */
    public static List<PcaResult> alignAll(List<PcaResult> sequence, Kind kind, int referenceIndex) {
        Objects.requireNonNull(kind, "kind");
        if (referenceIndex < 0 || referenceIndex >= sequence.size()) {
            throw new IllegalArgumentException("pca.alignment reference = " + referenceIndex
                    + " is not allowed: use a checkpoint index in 0.." + (sequence.size() - 1));
        }
        List<PcaResult> out = new ArrayList<>(sequence);
        if (kind == Kind.OWN) {
            return out;
        }
        PcaResult ref = sequence.get(referenceIndex);
        if (kind == Kind.FIXED) {
            for (int i = 0; i < out.size(); i++) {
                if (i != referenceIndex) {
                    out.set(i, fixed(ref, sequence.get(i)));
                }
            }
            return out;
        }
        for (int i = referenceIndex + 1; i < out.size(); i++) {
            out.set(i, align(kind, out.get(i - 1), sequence.get(i)));
        }
        for (int i = referenceIndex - 1; i >= 0; i--) {
            out.set(i, align(kind, out.get(i + 1), sequence.get(i)));
        }
        return out;
    }

    private static PcaResult align(Kind kind, PcaResult previous, PcaResult current) {
        return kind == Kind.PROCRUSTES ? procrustes(previous, current) : signs(previous, current);
    }

    /** Flips every row c of w [k, units] whose dot product with row c of prev is negative. w is modified. */
    private static void matchSigns(double[] prev, double[] w, int k, int units) {
        for (int c = 0; c < k; c++) {
            double d = 0;
            for (int j = 0; j < units; j++) {
                d += prev[c * units + j] * w[c * units + j];
            }
            if (d < 0) {
                for (int j = 0; j < units; j++) {
                    w[c * units + j] = -w[c * units + j];
                }
            }
        }
    }

    /** A result with the given mean and axes, scored on {@code data}'s covariance. */
    private static PcaResult rescored(PcaResult data, double[] mean, double[] w, Kind kind) {
        int units = data.units();
        int k = w.length / units;
        double divisor = data.divisor();
        double total = data.totalVariance();
        double[] variance = new double[k];
        double[] ratio = new double[k];
        double[] singular = new double[k];
        for (int c = 0; c < k; c++) {
            variance[c] = Math.max(0, data.varianceAlong(w, c * units));
            ratio[c] = total > 0 ? variance[c] / total : 0;
            singular[c] = Math.sqrt(variance[c] * divisor);
        }
        return new PcaResult(data.options(), units, data.samples(), mean, w, variance, ratio, singular, total,
                data.covarianceView(), data.conditionValues(), kind);
    }

    private static void check(PcaResult a, PcaResult b, boolean sameK) {
        Objects.requireNonNull(a, "reference");
        Objects.requireNonNull(b, "current");
        if (a.units() != b.units()) {
            throw new IllegalArgumentException("PCA bases to align need the same units, got " + a.units() + " and "
                    + b.units());
        }
        if (sameK && a.k() != b.k()) {
            throw new IllegalArgumentException("PCA bases to align need the same number of components, got "
                    + a.k() + " and " + b.k());
        }
    }

    /**
     * R = U V^T from the SVD B_cur^T B_prev = U S V^T, the orthogonal R minimising ||B_cur R - B_prev||_F (the same
     * as {@code similarity.OrthogonalProcrustes.solve}, computed here so that {@code pca} depends on no other
     * analysis package: {@code similarity} builds on {@code pca}). Neither argument is modified.
     */
    private static DMatrixRMaj procrustesRotation(DMatrixRMaj bCur, DMatrixRMaj bPrev) {
        DMatrixRMaj m = new DMatrixRMaj(bCur.numCols, bPrev.numCols);
        CommonOps_DDRM.multTransA(bCur, bPrev, m);
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(m.numRows, m.numCols, true, true, true);
        if (!svd.decompose(m)) {
            throw new IllegalStateException("SVD did not converge in the Procrustes alignment of PCA bases");
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj v = svd.getV(null, false);
        DMatrixRMaj r = new DMatrixRMaj(m.numRows, m.numCols);
        CommonOps_DDRM.multTransB(u, v, r);
        return r;
    }
}
