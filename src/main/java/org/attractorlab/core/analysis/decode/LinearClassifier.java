package org.attractorlab.core.analysis.decode;

import org.ejml.data.DMatrixRMaj;

/**
 * What the fitted linear classifiers share: sorted class labels, weights and intercepts in the original feature
 * space, the regularisation they were fitted with, and prediction as the class of the largest decision value
 * (binary: the sign). Immutable; accessors return copies.
 */
public abstract sealed class LinearClassifier implements Decoder permits LogisticRegression, LinearSvm {
    private final double[] classes;
    private final DMatrixRMaj weights;
    private final double[] intercepts;
    private final double lambda;
    private final boolean converged;

    LinearClassifier(double[] classes, DMatrixRMaj weights, double[] intercepts, double lambda, boolean converged) {
        this.classes = classes;
        this.weights = weights;
        this.intercepts = intercepts;
        this.lambda = lambda;
        this.converged = converged;
    }

    @Override
    public final int features() {
        return weights.numCols;
    }

    /** The sorted class labels. A copy. */
    public final double[] classes() {
        return classes.clone();
    }

    /** The number of classes. */
    final int classCount() {
        return classes.length;
    }

    /** The regularisation strength the classifier was fitted with. */
    public final double lambda() {
        return lambda;
    }

    /** Whether the solver reached its tolerance. */
    public final boolean converged() {
        return converged;
    }

    /**
     * [1, p] for two classes, oriented towards {@code classes()[1]} (logistic: its log-odds; SVM: its side of the
     * margin), or [K, p] for more (logistic: multinomial scores; SVM: one-vs-rest normals). A copy.
     */
    @Override
    public final DMatrixRMaj weights() {
        return weights.copy();
    }

    @Override
    public final double[] intercepts() {
        return intercepts.clone();
    }

    @Override
    public final DMatrixRMaj decisionFunction(DMatrixRMaj x) {
        return LinearMap.apply(weights, intercepts, x);
    }

    @Override
    public final double[] predict(DMatrixRMaj x) {
        return LinearMap.classify(decisionFunction(x), classes);
    }

    /** Accuracy on (x, labels). */
    @Override
    public final double score(DMatrixRMaj x, double[] labels) {
        return Labels.accuracy(predict(x), labels);
    }
}
