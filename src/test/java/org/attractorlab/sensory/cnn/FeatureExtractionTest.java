package org.attractorlab.sensory.cnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.attractorlab.core.io.NdArray;
import org.attractorlab.core.io.Npy;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class FeatureExtractionTest {
    private static final float TOLERANCE = 1e-5f;

    @TempDir
    static Path shared;
    @TempDir
    Path tmp;

    static StimulusSet set;

    @BeforeAll
    static void stimuli() throws IOException {
        set = ToyStimuli.write(shared.resolve("stimuli"), 2, 2, 3, 24);
    }

    private static INDArray allImages() throws IOException {
        StimulusSet.Images im = set.pixels(1.0);
        return Nd4j.create(im.data(), new long[]{im.n(), 3, im.height(), im.width()}, 'c');
    }

    private static float[][] direct(INDArray a) {
        long n = a.size(0);
        return a.dup('c').reshape('c', n, a.length() / n).toFloatMatrix();
    }

    private static void assertRowsEqual(float[][] expected, NdArray actual) {
        assertEquals(expected.length, actual.shape()[0]);
        assertEquals(expected[0].length, actual.shape()[1]);
        float[] a = actual.floats();
        int f = expected[0].length;
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < f; j++) {
                assertEquals(expected[i][j], a[i * f + j], TOLERANCE, "row " + i + " feature " + j);
            }
        }
    }

    @Test
    void extractFromADl4jGraphZipReturnsTheChosenLayersFeedForwardActivations() throws IOException {
        Nd4jRuntime.start();
        ComputationGraph g = SensoryCnn.build(24, 24, new int[]{2, 4, 4}, SensoryOptions.DEFAULTS.withFeatureSize(16));
        Path zip = tmp.resolve("graph.zip");
        ModelSerializer.writeModel(g, zip.toFile(), false);
        var acts = g.feedForward(allImages(), false);
        for (String layer : List.of("conv2", "features")) {
            Path out = tmp.resolve("out-" + layer);
            ExtractionReport r = SensoryFrontEnd.extract(zip, layer, set, null, 1.0, out, false, Progress.NONE);
            NdArray f = Npy.read(out.resolve(SensoryFrontEnd.FEATURES));
            assertRowsEqual(direct(acts.get(layer)), f);
            assertEquals(set.size(), r.images());
            assertEquals("dl4j-zip", r.format());
            assertEquals(Files.readString(set.index()), Files.readString(out.resolve(StimulusSet.INDEX)));
        }
        assertEquals(32 * 12 * 12, Npy.read(tmp.resolve("out-conv2").resolve("features.npy")).shape()[1]);
    }

    @Test
    void extractFromAMultiLayerNetworkZipUsesItsLayerNames() throws IOException {
        Nd4jRuntime.start();
        var conf = new NeuralNetConfiguration.Builder().seed(3).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.TANH).name("edges").build())
                .layer(new DenseLayer.Builder().nOut(7).activation(Activation.SIGMOID).name("code").build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2)
                        .activation(Activation.SOFTMAX).name("out").build())
                .setInputType(InputType.convolutional(24, 24, 3)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        Path zip = tmp.resolve("mln.zip");
        ModelSerializer.writeModel(net, zip.toFile(), false);
        assertEquals(List.of("edges (ConvolutionLayer)", "code (DenseLayer)", "out (OutputLayer)"),
                SensoryFrontEnd.layers(zip));
        Path out = tmp.resolve("out");
        SensoryFrontEnd.extract(zip, "code", set, "nchw", 1.0, out, false, Progress.NONE);
        INDArray expected = net.feedForward(allImages(), false).get(2);
        assertRowsEqual(direct(expected), Npy.read(out.resolve(SensoryFrontEnd.FEATURES)));
    }

    @Test
    void aWrongLayerNameIsNamedAndTheLayersAreListed() throws IOException {
        Nd4jRuntime.start();
        ComputationGraph g = SensoryCnn.build(24, 24, new int[]{2, 4, 4}, SensoryOptions.DEFAULTS.withFeatureSize(8));
        Path zip = tmp.resolve("graph.zip");
        ModelSerializer.writeModel(g, zip.toFile(), false);
        SensoryException e = assertThrows(SensoryException.class, () -> SensoryFrontEnd.extract(zip, "fc7", set, null,
                1.0, tmp.resolve("out"), false, Progress.NONE));
        assertTrue(e.getMessage().contains("no layer 'fc7'"), e.getMessage());
        assertTrue(e.getMessage().contains("features (DenseLayer)"), e.getMessage());
        assertTrue(e.getMessage().contains("conv1 (ConvolutionLayer)"), e.getMessage());
        assertTrue(Files.notExists(tmp.resolve("out").resolve(SensoryFrontEnd.FEATURES)));
    }

    @Test
    void missingCorruptAndForeignModelFilesGetMessagesNamingTheFile() throws IOException {
        Path missing = tmp.resolve("nope.zip");
        var e1 = assertThrows(NoSuchFileException.class, () -> SensoryFrontEnd.layers(missing));
        assertTrue(e1.getMessage().contains("nope.zip: model file not found"), e1.getMessage());

        Path garbage = tmp.resolve("garbage.zip");
        Files.write(garbage, new byte[]{1, 2, 3, 4, 5, 6, 7, 8, 9});
        var e2 = assertThrows(SensoryException.class, () -> SensoryFrontEnd.layers(garbage));
        assertTrue(e2.getMessage().contains("garbage.zip: not a readable zip file"), e2.getMessage());

        Path other = tmp.resolve("other.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(other))) {
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.write("hello".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        var e3 = assertThrows(SensoryException.class, () -> SensoryFrontEnd.layers(other));
        assertTrue(e3.getMessage().contains("other.zip: a zip file but not a DL4J model"), e3.getMessage());

        Path broken = tmp.resolve("broken.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(broken))) {
            z.putNextEntry(new ZipEntry("configuration.json"));
            z.write("{\"vertices\": [not json".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("coefficients.bin"));
            z.write(new byte[16]);
        }
        var e4 = assertThrows(SensoryException.class, () -> SensoryFrontEnd.layers(broken));
        assertTrue(e4.getMessage().contains("broken.zip: corrupt DL4J model zip"), e4.getMessage());

        Path notH5 = tmp.resolve("model.h5");
        Files.writeString(notH5, "not hdf5 at all");
        var e5 = assertThrows(SensoryException.class, () -> SensoryFrontEnd.layers(notH5));
        assertTrue(e5.getMessage().contains("model.h5: not an HDF5 file"), e5.getMessage());

        Path pickle = tmp.resolve("model.pt");
        Files.writeString(pickle, "x");
        var e6 = assertThrows(SensoryException.class, () -> SensoryFrontEnd.layers(pickle));
        assertTrue(e6.getMessage().contains("model.pt: unknown model format"), e6.getMessage());
    }

    @Test
    void stimuliOfAnotherSizeThanTheModelTakesAreRefusedWithTheShape() throws IOException {
        Nd4jRuntime.start();
        var conf = new NeuralNetConfiguration.Builder().list()
                .layer(new DenseLayer.Builder().nIn(10).nOut(3).name("d").build())
                .layer(new OutputLayer.Builder().nIn(3).nOut(2).name("o").build()).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        Path zip = tmp.resolve("dense.zip");
        ModelSerializer.writeModel(net, zip.toFile(), false);
        var e = assertThrows(SensoryException.class, () -> SensoryFrontEnd.extract(zip, "d", set, null, 1.0,
                tmp.resolve("out"), false, Progress.NONE));
        assertTrue(e.getMessage().contains("does not take the stimuli as input (shape [1, 3, 24, 24]"), e.getMessage());
    }

    @Test
    void nd4jRunsOnOneThread() {
        assertArrayEquals(new int[]{1, 1, 1}, SensoryFrontEnd.threadLimits());
    }
}
