package org.attractorlab.core.analysis.decode;

import java.util.Objects;
import org.attractorlab.core.analysis.HiddenStates;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * Rotation between the encoding and memory subspaces of a feature across time (Lei, Ito &amp; Bashivan 2024,
 * Fig. 4): does the code of an item at time t2 equal its code at t1 up to a rotation?
 *
 * <p>For the same trials at steps t1 and t2 and a categorical feature with K classes:
 * <ol>
 *   <li>Class means at each time, centred over classes: A (t1) and B (t2), both [K, H], with centres c1, c2.</li>
 *   <li>R = argmin over orthogonal R of ||A R - B||_F (orthogonal Procrustes: R = U V^T from the SVD
 *   A^T B = U S V^T; see {@link org.attractorlab.core.analysis.similarity.OrthogonalProcrustes#solveNearestIdentity} for the tie-break when K - 1 &lt; H).</li>
 *   <li>A decoder of the feature at t1 is applied to the t2 states as they are ("before") and after mapping them
 *   back into the t1 frame, x -&gt; (x - c2) R^T + c1 ("after"). A code that rotated gives low accuracy before and
 *   high after; a stable code gives high accuracy both times.</li>
 * </ol>
 * The accuracies are k-fold cross-validated (folds stratified by class): decoders, class means and R come from
 * the training folds, accuracies from the held-out fold. The reported R and residual use all trials.
 */
public final class CrossTimeProcrustes {
    private CrossTimeProcrustes() {
    }

    /** The analysis on the hidden states at steps t1 and t2 for the classes of {@code column}. */
    public static CrossTimeProcrustesResult compute(HiddenStates states, String column, int t1, int t2,
                                                    CrossTimeProcrustesOptions options) {
        Objects.requireNonNull(states, "states");
        for (int t : new int[]{t1, t2}) {
            if (t < 0 || t >= states.steps()) {
                throw Checks.notAllowed("step", t, "use 0.." + (states.steps() - 1));
            }
        }
        return compute(states.atStep(t1), states.atStep(t2), states.conditions().column(column), options);
    }

    /**
     * @param x1     [n, H] states at t1, not modified
     * @param x2     [n, H] states of the same trials at t2, not modified
     * @param labels [n] class labels, not modified
     */
    public static CrossTimeProcrustesResult compute(DMatrixRMaj x1, DMatrixRMaj x2, double[] labels,
                                                    CrossTimeProcrustesOptions options) {
        Rows.checkTargets(x1, labels);
        Rows.checkTargets(x2, labels);
        if (x1.numCols != x2.numCols) {
            throw new IllegalArgumentException("states have " + x1.numCols + " units at t1 and " + x2.numCols
                    + " at t2");
        }
        Labels lab = Labels.of(labels);
        if (lab.size() < 2) {
            throw new IllegalArgumentException("cross-time Procrustes needs at least two classes");
        }
        Frame all = Frame.fit(x1, x2, lab);
        int[] assignment = CrossValidation.stratifiedFolds(labels, options.folds(), options.seed());
        double acc1 = 0;
        double acc2 = 0;
        double before = 0;
        double after = 0;
        for (int f = 0; f < options.folds(); f++) {
            int[] train = CrossValidation.trainTrials(assignment, f);
            int[] test = CrossValidation.testTrials(assignment, f);
            double[] yTrain = Rows.select(labels, train);
            double[] yTest = Rows.select(labels, test);
            DMatrixRMaj train1 = Rows.select(x1, train);
            DMatrixRMaj train2 = Rows.select(x2, train);
            DMatrixRMaj test1 = Rows.select(x1, test);
            DMatrixRMaj test2 = Rows.select(x2, test);
            Decoder d1 = Decoder.fit(options.type(), train1, yTrain, options.regularization(), options.seed());
            Decoder d2 = Decoder.fit(options.type(), train2, yTrain, options.regularization(), options.seed());
            Frame frame = Frame.fit(train1, train2, Labels.of(yTrain));
            acc1 += d1.score(test1, yTest);
            acc2 += d2.score(test2, yTest);
            before += d1.score(test2, yTest);
            after += d1.score(frame.backToT1(test2), yTest);
        }
        int k = options.folds();
        return new CrossTimeProcrustesResult(x1.numCols, lab.classes, all.rotation.data, all.residual, acc1 / k,
                acc2 / k, before / k, after / k);
    }

    /**
     * The swap test: does the rotation of another pair carry this pair's code? For the same n trials seen in pair
     * A (states a1, a2 of one item at two times, labels aLabels) and pair B (b1, b2, bLabels), k-fold over the
     * trials (stratified by bLabels): R_A is fitted on A's training trials as in {@link #compute}; a decoder of B's
     * labels is fitted on B's training states at its first time; it is scored on B's held-out states at its
     * second time mapped back with A's rotation and B's own centres, (x - c2_B) R_A^T + c1_B (the translation is
     * B's: the question is whether the rotation transfers). When A = B this is the "after" accuracy of
     * {@link #compute}.
     *
     * @param a1      [n, H], not modified
     * @param a2      [n, H], not modified
     * @param aLabels [n], not modified
     * @param b1      [n, H], not modified
     * @param b2      [n, H], not modified
     * @param bLabels [n], not modified
     * @return the mean held-out accuracy over folds
     */
    public static double swap(DMatrixRMaj a1, DMatrixRMaj a2, double[] aLabels, DMatrixRMaj b1, DMatrixRMaj b2,
                              double[] bLabels, CrossTimeProcrustesOptions options) {
        for (DMatrixRMaj x : new DMatrixRMaj[]{a1, a2}) {
            Rows.checkTargets(x, aLabels);
        }
        for (DMatrixRMaj x : new DMatrixRMaj[]{b1, b2}) {
            Rows.checkTargets(x, bLabels);
        }
        if (a1.numRows != b1.numRows || a1.numCols != b1.numCols || a2.numCols != a1.numCols
                || b2.numCols != b1.numCols) {
            throw new IllegalArgumentException("the swap needs both pairs on the same trials and units, got "
                    + a1.numRows + " x " + a1.numCols + " and " + b1.numRows + " x " + b1.numCols);
        }
        if (Labels.of(aLabels).size() < 2 || Labels.of(bLabels).size() < 2) {
            throw new IllegalArgumentException("cross-time Procrustes needs at least two classes");
        }
        int[] assignment = CrossValidation.stratifiedFolds(bLabels, options.folds(), options.seed());
        double acc = 0;
        for (int f = 0; f < options.folds(); f++) {
            int[] train = CrossValidation.trainTrials(assignment, f);
            int[] test = CrossValidation.testTrials(assignment, f);
            double[] aTrain = Rows.select(aLabels, train);
            Labels aLab = Labels.of(aTrain);
            if (aLab.size() < 2) {
                throw new IllegalArgumentException("pair A has one class in the training folds");
            }
            Frame a = Frame.fit(Rows.select(a1, train), Rows.select(a2, train), aLab);
            double[] bTrain = Rows.select(bLabels, train);
            DMatrixRMaj bTrain1 = Rows.select(b1, train);
            Frame b = Frame.fit(bTrain1, Rows.select(b2, train), Labels.of(bTrain));
            Decoder d = Decoder.fit(options.type(), bTrain1, bTrain, options.regularization(), options.seed());
            Frame swapped = new Frame(b.c1, b.c2, a.rotation, a.residual);
            acc += d.score(swapped.backToT1(Rows.select(b2, test)), Rows.select(bLabels, test));
        }
        return acc / options.folds();
    }

    /** Centres and rotation between the class-mean configurations at t1 and t2. */
    private record Frame(double[] c1, double[] c2, DMatrixRMaj rotation, double residual) {

        static Frame fit(DMatrixRMaj x1, DMatrixRMaj x2, Labels lab) {
            DMatrixRMaj a = classMeans(x1, lab);
            DMatrixRMaj b = classMeans(x2, lab);
            double[] c1 = centre(a);
            double[] c2 = centre(b);
            DMatrixRMaj r = org.attractorlab.core.analysis.similarity.OrthogonalProcrustes.solveNearestIdentity(a, b);
            DMatrixRMaj ar = new DMatrixRMaj(a.numRows, a.numCols);
            CommonOps_DDRM.mult(a, r, ar);
            CommonOps_DDRM.subtractEquals(ar, b);
            double nb = NormOps_DDRM.normF(b);
            return new Frame(c1, c2, r, nb == 0 ? 0 : NormOps_DDRM.normF(ar) / nb);
        }

        /** (x - c2) R^T + c1 for every row of x (not modified). */
        DMatrixRMaj backToT1(DMatrixRMaj x) {
            int h = x.numCols;
            DMatrixRMaj centred = x.copy();
            for (int i = 0; i < x.numRows; i++) {
                for (int j = 0; j < h; j++) {
                    centred.data[i * h + j] -= c2[j];
                }
            }
            DMatrixRMaj out = new DMatrixRMaj(x.numRows, h);
            CommonOps_DDRM.multTransB(centred, rotation, out);
            for (int i = 0; i < x.numRows; i++) {
                for (int j = 0; j < h; j++) {
                    out.data[i * h + j] += c1[j];
                }
            }
            return out;
        }

        /** [K, H] mean of each class of {@code lab} (every class has trials: the folds are stratified). */
        private static DMatrixRMaj classMeans(DMatrixRMaj x, Labels lab) {
            int h = x.numCols;
            DMatrixRMaj m = new DMatrixRMaj(lab.size(), h);
            for (int i = 0; i < x.numRows; i++) {
                int c = lab.index[i];
                for (int j = 0; j < h; j++) {
                    m.data[c * h + j] += x.data[i * h + j];
                }
            }
            for (int c = 0; c < lab.size(); c++) {
                for (int j = 0; j < h; j++) {
                    m.data[c * h + j] /= lab.counts[c];
                }
            }
            return m;
        }

        /** Subtracts the mean row in place and returns it. */
        private static double[] centre(DMatrixRMaj m) {
            int h = m.numCols;
            double[] c = new double[h];
            for (int r = 0; r < m.numRows; r++) {
                for (int j = 0; j < h; j++) {
                    c[j] += m.data[r * h + j] / m.numRows;
                }
            }
            for (int r = 0; r < m.numRows; r++) {
                for (int j = 0; j < h; j++) {
                    m.data[r * h + j] -= c[j];
                }
            }
            return c;
        }
    }
}
