package org.attractorlab.core.task;

/** How an N-back stimulus reaches the network. */
public enum StimulusEncoding {
    /** One-hot category, identity-within-category and location, concatenated: fast, exact, no views. */
    SYMBOLIC,
    /**
     * A row of a precomputed feature table (the frozen convolutional front end's features of one rendered image):
     * {@code features.npy} with rows aligned to {@code stimuli.csv}.
     */
    CNN
}
