package org.attractorlab.sensory.cnn;

/**
 * One row of a stimulus index: the image file (relative to the set's directory) and its latent variables, all
 * 0-based.
 *
 * @param file     image path relative to the stimulus directory
 * @param category object category (shape family)
 * @param identity identity within its category
 * @param location screen location (quadrant)
 * @param view     viewing-angle index
 */
public record Stimulus(String file, int category, int identity, int location, int view) {
}
