package org.attractorlab.core.analysis.decode;

import org.ejml.data.DMatrixRMaj;

/**
 * A fitted linear decoder: k linear functions f(x) = W x + b of the features, with W and b in the original feature
 * space (the standardisation used while fitting is folded in). Immutable; accessors return copies.
 */
public sealed interface Decoder permits RidgeRegression, LinearClassifier {

    DecoderType type();

    /** Number of features p. */
    int features();

    /**
     * The weight vectors in the original feature space, one per row, [k, p]: ridge, one per output; logistic, one
     * (binary: the log-odds of the second class) or one per class (multinomial); SVM, one (binary) or one per class
     * (one-vs-rest). A copy.
     */
    DMatrixRMaj weights();

    /** The intercepts b, [k]. A copy. */
    double[] intercepts();

    /** f(x) = x W^T + b for every row of {@code x} (not modified), [n, k]. */
    DMatrixRMaj decisionFunction(DMatrixRMaj x);

    /** Predicted class labels (classifiers) or estimates of the single output (ridge), one per row of x. */
    double[] predict(DMatrixRMaj x);

    /** Accuracy (classifiers) or r^2 = 1 - SS_res / SS_tot about the mean of {@code target} (ridge, one output). */
    double score(DMatrixRMaj x, double[] target);

    /**
     * Fits a decoder of the given type to one target column.
     *
     * @param x              [n, p] features, not modified
     * @param target         [n] labels (classifiers) or values (ridge), not modified
     * @param regularization lambda of the shared objective (see the package documentation)
     * @param seed           used by the SVM's visiting order; ignored by the others
     */
    static Decoder fit(DecoderType type, DMatrixRMaj x, double[] target, double regularization, long seed) {
        return switch (type) {
            case RIDGE -> RidgeRegression.fit(x, target, regularization);
            case LOGISTIC -> LogisticRegression.fit(x, target, regularization);
            case SVM -> LinearSvm.fit(x, target, regularization, seed);
        };
    }
}
