package org.attractorlab.sensory.cnn;

import java.util.List;

/**
 * What training the sensory CNN produced (written as {@code sensory.json}).
 *
 * @param architecture   one line per layer, input to outputs
 * @param featureLayer   the layer whose activations are the features
 * @param featureSize    features per image
 * @param heads          per-head accuracies
 * @param seed           the training seed
 * @param epochs         epochs trained
 * @param heldOutViews   the view indices used for validation
 * @param trainImages    images trained on
 * @param heldOutImages  images held out
 * @param imageSize      {@code [height, width, channels]}
 * @param gate           the accuracy gate
 * @param gatePassed     whether every head reached the gate on the held-out views
 * @param seconds        wall time of training
 */
public record SensoryReport(List<String> architecture, String featureLayer, int featureSize, List<HeadAccuracy> heads,
                            long seed, int epochs, List<Integer> heldOutViews, int trainImages, int heldOutImages,
                            List<Integer> imageSize, double gate, boolean gatePassed, double seconds) {

    /**
     * Accuracy of one classification head.
     *
     * @param head     category, identity (global: category x identity) or location
     * @param classes  number of classes
     * @param train    accuracy on the training views
     * @param heldOut  accuracy on the held-out views
     */
    public record HeadAccuracy(String head, int classes, double train, double heldOut) {
    }

    /** The heads below the gate on held-out views, or an empty list. */
    public List<HeadAccuracy> failingHeads() {
        return heads.stream().filter(h -> h.heldOut() < gate).toList();
    }
}
