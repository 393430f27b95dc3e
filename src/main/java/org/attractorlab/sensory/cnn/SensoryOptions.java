package org.attractorlab.sensory.cnn;

import java.util.List;

/**
 * How the sensory CNN is trained.
 *
 * @param epochs        passes over the training images (>= 1)
 * @param seed          seed of weight initialisation, mini-batch order and dropout
 * @param batchSize     images per mini-batch (>= 1)
 * @param learningRate  Adam learning rate (> 0)
 * @param featureSize   units of the dense penultimate layer whose activations are the features (>= 2)
 * @param heldOutViews  view indices held out for validation; empty = every view with {@code view % 4 == 2} (interior views: 2, 6, 10, ...)
 * @param gate          accuracy every head must reach on the held-out views, in (0, 1]
 */
public record SensoryOptions(int epochs, long seed, int batchSize, double learningRate, int featureSize,
                             List<Integer> heldOutViews, double gate) {
    /** 20 epochs, seed 1, batches of 16, Adam 2e-3, 128 features, views 2, 6, ... held out, gate 0.9. */
    public static final SensoryOptions DEFAULTS = new SensoryOptions(20, 1, 16, 2e-3, 128, List.of(), 0.9);

    public SensoryOptions {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
        }
        if (featureSize < 2) {
            throw new IllegalArgumentException("feature size must be >= 2, got " + featureSize);
        }
        heldOutViews = List.copyOf(heldOutViews);
        for (int v : heldOutViews) {
            if (v < 0) {
                throw new IllegalArgumentException("held-out view " + v + " is negative; views are 0-based");
            }
        }
        if (!(gate > 0 && gate <= 1)) {
            throw new IllegalArgumentException("accuracy gate must be in (0, 1], got " + gate);
        }
    }

    public SensoryOptions withEpochs(int e) {
        return new SensoryOptions(e, seed, batchSize, learningRate, featureSize, heldOutViews, gate);
    }

    public SensoryOptions withSeed(long s) {
        return new SensoryOptions(epochs, s, batchSize, learningRate, featureSize, heldOutViews, gate);
    }

    public SensoryOptions withBatchSize(int b) {
        return new SensoryOptions(epochs, seed, b, learningRate, featureSize, heldOutViews, gate);
    }

    public SensoryOptions withFeatureSize(int f) {
        return new SensoryOptions(epochs, seed, batchSize, learningRate, f, heldOutViews, gate);
    }

    public SensoryOptions withHeldOutViews(List<Integer> views) {
        return new SensoryOptions(epochs, seed, batchSize, learningRate, featureSize, views, gate);
    }

    public SensoryOptions withGate(double g) {
        return new SensoryOptions(epochs, seed, batchSize, learningRate, featureSize, heldOutViews, g);
    }

    /** Whether {@code view} is held out under these options. */
    public boolean isHeldOut(int view) {
        return heldOutViews.isEmpty() ? view % 4 == 2 : heldOutViews.contains(view);
    }
}
