/**
 * The sensory front end: stimulus sets on disk, a small CNN trained on them (category, identity and location heads,
 * gated on held-out views) and feature extraction from it or from a user's DL4J / Keras model. The only package that
 * uses DL4J and ND4J; its public API takes plain Java types, and ND4J starts (on one thread) only when one of
 * {@link org.attractorlab.sensory.cnn.SensoryFrontEnd}'s methods runs.
 */
package org.attractorlab.sensory.cnn;
