package org.attractorlab.sensory.cnn;

import java.util.List;

/**
 * What {@code extract-features} did (written as {@code sensory.json}).
 *
 * @param model        the model file
 * @param format       {@code dl4j-zip} or {@code keras-h5}
 * @param layer        the layer whose activations are the features
 * @param featureSize  features per image
 * @param images       images (rows of features.npy)
 * @param inputLayout  {@code nchw} or {@code nhwc}
 * @param pixelScale   value of a full-intensity pixel
 * @param layers       every layer of the model, {@code name (Type)}
 * @param seconds      wall time
 */
public record ExtractionReport(String model, String format, String layer, int featureSize, int images,
                               String inputLayout, double pixelScale, List<String> layers, double seconds) {
}
