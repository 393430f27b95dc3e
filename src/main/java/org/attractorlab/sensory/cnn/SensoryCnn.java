package org.attractorlab.sensory.cnn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The sensory CNN: three convolution (5x5x16 with stride {@link #firstStride}, 3x3x32, 3x3x32; ReLU, same padding)
 * + 2x2 max-pool stages, a dense
 * ReLU layer {@value #FEATURES} whose activations are the features fed to the RNN, and three softmax heads
 * ({@value #CATEGORY}, {@value #IDENTITY} = global identity {@code category * identities + identity},
 * {@value #LOCATION}) trained together with summed cross-entropy.
 */
final class SensoryCnn {
    static final String INPUT = "image";
    static final String FEATURES = "features";
    static final String CATEGORY = "category";
    static final String IDENTITY = "identity";
    static final String LOCATION = "location";
    static final List<String> HEADS = List.of(CATEGORY, IDENTITY, LOCATION);

    private SensoryCnn() {
    }

    /** A fresh, initialised network for {@code height x width} RGB images. */
    static ComputationGraph build(int height, int width, int[] classes, SensoryOptions o) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(o.seed())
                .updater(new Adam(o.learningRate()))
                .weightInit(WeightInit.RELU)
                .l2(1e-4)
                .convolutionMode(ConvolutionMode.Same)
                .graphBuilder()
                .addInputs(INPUT)
                .setInputTypes(InputType.convolutional(height, width, 3))
                .addLayer("conv1", conv(5, 16, firstStride(height, width)), INPUT)
                .addLayer("pool1", pool(), "conv1")
                .addLayer("conv2", conv(3, 32, 1), "pool1")
                .addLayer("pool2", pool(), "conv2")
                .addLayer("conv3", conv(3, 32, 1), "pool2")
                .addLayer("pool3", pool(), "conv3")
                .addLayer(FEATURES, new DenseLayer.Builder().nOut(o.featureSize()).activation(Activation.RELU).build(),
                        "pool3")
                .addLayer(CATEGORY, head(classes[0]), FEATURES)
                .addLayer(IDENTITY, head(classes[1]), FEATURES)
                .addLayer(LOCATION, head(classes[2]), FEATURES)
                .setOutputs(CATEGORY, IDENTITY, LOCATION)
                .build();
        ComputationGraph g = new ComputationGraph(conf);
        g.init();
        return g;
    }

    private static ConvolutionLayer conv(int k, int channels, int stride) {
        return new ConvolutionLayer.Builder(k, k).nOut(channels).stride(stride, stride).activation(Activation.RELU)
                .build();
    }

    /**
     * Stride of the first convolution: the smallest that brings its output to at most 32 pixels on the longer side
     * (1 for 32x32 images, 2 for 64x64), so that a larger stimulus set costs no more per image after the first layer.
     */
    static int firstStride(int height, int width) {
        return Math.max(1, (Math.max(height, width) + 31) / 32);
    }

    private static SubsamplingLayer pool() {
        return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build();
    }

    private static OutputLayer head(int classes) {
        return new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes)
                .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build();
    }

    /** One line per layer: name, type and output shape, e.g. {@code conv1 ConvolutionLayer -> 16x64x64}. */
    static List<String> describe(ComputationGraph g, int height, int width) {
        var types = g.getConfiguration().getLayerActivationTypes(InputType.convolutional(height, width, 3));
        List<String> out = new ArrayList<>();
        for (String name : g.getConfiguration().getTopologicalOrderStr()) {
            var v = g.getVertex(name);
            String kind = v.hasLayer() ? v.getLayer().conf().getLayer().getClass().getSimpleName()
                    : v.getClass().getSimpleName().replace("Vertex", " input");
            out.add(String.format(Locale.ROOT, "%s %s -> %s", name, kind, shape(types.get(name))));
        }
        return out;
    }

    static String shape(InputType t) {
        if (t == null) {
            return "?";
        }
        long[] s = t.getShape(false);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length; i++) {
            b.append(i == 0 ? "" : "x").append(s[i]);
        }
        return b.toString();
    }
}
