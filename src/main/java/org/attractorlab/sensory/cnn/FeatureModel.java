package org.attractorlab.sensory.cnn;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.modelimport.keras.KerasModelImport;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained network whose layer activations serve as features: a DL4J model zip (ComputationGraph or
 * MultiLayerNetwork, written by {@link ModelSerializer}) or a Keras HDF5 file (imported by
 * {@link KerasModelImport}; functional models become ComputationGraphs, Sequential ones MultiLayerNetworks).
 */
final class FeatureModel {
    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    private final Path file;
    private final ComputationGraph graph;
    private final MultiLayerNetwork network;

    private FeatureModel(Path file, ComputationGraph graph, MultiLayerNetwork network) {
        this.file = file;
        this.graph = graph;
        this.network = network;
    }

    static FeatureModel of(ComputationGraph g) {
        return new FeatureModel(null, g, null);
    }

    /** Whether the file is Keras HDF5 (by name) rather than a DL4J zip. */
    static boolean isKeras(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".h5") || n.endsWith(".hdf5") || n.endsWith(".keras");
    }

    /** Loads a model file, with a message naming the file and the problem when it is missing or not a model. */
    static FeatureModel load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file + ": model file not found");
        }
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (isKeras(file)) {
            return loadKeras(file);
        }
        if (n.endsWith(".zip")) {
            return loadZip(file);
        }
        throw new SensoryException(file + ": unknown model format; expected a DL4J model .zip or a Keras .h5 file");
    }

    private static FeatureModel loadZip(Path file) throws IOException {
        String config;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry conf = zip.getEntry(ModelSerializer.CONFIGURATION_JSON);
            if (conf == null || zip.getEntry(ModelSerializer.COEFFICIENTS_BIN) == null) {
                throw new SensoryException(file + ": a zip file but not a DL4J model (no "
                        + ModelSerializer.CONFIGURATION_JSON + " and " + ModelSerializer.COEFFICIENTS_BIN + ")");
            }
            try (InputStream in = zip.getInputStream(conf)) {
                config = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        } catch (ZipException e) {
            throw new SensoryException(file + ": not a readable zip file (" + e.getMessage()
                    + "); expected a DL4J model zip", e);
        }
        Nd4jRuntime.start();
        try {
            if (config.contains("\"vertices\"")) {
                return new FeatureModel(file, ModelSerializer.restoreComputationGraph(file.toFile(), false), null);
            }
            return new FeatureModel(file, null, ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false));
        } catch (IOException | RuntimeException e) {
            throw new SensoryException(file + ": corrupt DL4J model zip (" + rootMessage(e) + ")", e);
        }
    }

    private static FeatureModel loadKeras(Path file) throws IOException {
        byte[] head = new byte[HDF5_SIGNATURE.length];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, head.length) != head.length || !Arrays.equals(head, HDF5_SIGNATURE)) {
                throw new SensoryException(file + ": not an HDF5 file (bad signature); expected a Keras model saved "
                        + "with model.save('model.h5')");
            }
        }
        Nd4jRuntime.start();
        String path = file.toAbsolutePath().toString();
        try {
            return new FeatureModel(file, KerasModelImport.importKerasModelAndWeights(path, false), null);
        } catch (Exception functional) {
            try {
                return new FeatureModel(file, null, KerasModelImport.importKerasSequentialModelAndWeights(path, false));
            } catch (Exception sequential) {
                sequential.addSuppressed(functional);
                throw new SensoryException(file + ": could not import the Keras model (" + rootMessage(functional)
                        + "; as Sequential: " + rootMessage(sequential) + ")", sequential);
            }
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }

    Path file() {
        return file;
    }

    /** The model's layers and vertices in feed-forward order (inputs excluded), as {@code name (Type)}. */
    List<String> layers() {
        List<String> out = new ArrayList<>();
        for (String name : layerNames()) {
            out.add(name + " (" + layerType(name) + ")");
        }
        return out;
    }

    List<String> layerNames() {
        List<String> out = new ArrayList<>();
        if (graph != null) {
            for (String name : graph.getConfiguration().getTopologicalOrderStr()) {
                if (!graph.getConfiguration().getNetworkInputs().contains(name)) {
                    out.add(name);
                }
            }
        } else {
            out.addAll(network.getLayerNames());
        }
        return out;
    }

    private String layerType(String name) {
        if (graph != null) {
            var v = graph.getVertex(name);
            return v.hasLayer() ? v.getLayer().conf().getLayer().getClass().getSimpleName()
                    : v.getClass().getSimpleName();
        }
        return network.getLayer(name).conf().getLayer().getClass().getSimpleName();
    }

    /**
     * Activations of {@code layer} for a batch of inputs, flattened to {@code [batch, features]} in C order.
     *
     * @throws SensoryException naming the layer and listing the model's layers when it does not exist
     */
    float[][] activations(String layer, INDArray input) {
        List<String> names = layerNames();
        if (!names.contains(layer)) {
            throw new SensoryException("no layer '" + layer + "' in " + describe() + "; its layers are:\n  "
                    + String.join("\n  ", layers()));
        }
        INDArray a;
        if (graph != null) {
            a = graph.feedForward(input, false).get(layer);
        } else {
            int i = names.indexOf(layer);
            a = network.feedForwardToLayer(i, input, false).get(i + 1);
        }
        long n = a.size(0);
        INDArray flat = a.dup('c').reshape('c', n, a.length() / n);
        return flat.toFloatMatrix();
    }

    String describe() {
        return file == null ? "the model" : file.toString();
    }

    /** Feeds one dummy batch to check that the model takes inputs of this shape; the error names the shape. */
    void checkInput(long[] shape, String layout) {
        try {
            INDArray x = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, shape);
            if (graph != null) {
                graph.feedForward(x, false);
            } else {
                network.feedForward(x, false);
            }
        } catch (RuntimeException e) {
            throw new SensoryException(describe() + " does not take the stimuli as input (shape "
                    + Arrays.toString(shape) + ", layout " + layout + "): " + rootMessage(e)
                    + "; try --input-layout " + (layout.equals("nchw") ? "nhwc" : "nchw")
                    + " or stimuli of the size the model was trained on", e);
        }
    }
}
