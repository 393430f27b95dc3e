package org.attractorlab.sensory.cnn;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.attractorlab.core.io.AtomicFiles;
import org.attractorlab.core.io.NdArray;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The sensory front end's entry points: train the CNN on a stimulus set, and extract a layer's activations of any
 * DL4J or Keras model as features. Signatures use plain Java types only, so callers (the CLI) load no ND4J class
 * until one of these methods runs; each starts ND4J through {@link Nd4jRuntime} (one thread).
 *
 * <p>Outputs, all in one directory: {@value #MODEL} (DL4J ModelSerializer, no updater state), {@value #FEATURES}
 * (float32 {@code [images, features]}, rows in the order of {@code stimuli.csv}), a copy of {@code stimuli.csv} and
 * {@value #REPORT}. They are plain files: the N-back task reads the features without DL4J.
 */
public final class SensoryFrontEnd {
    public static final String MODEL = "cnn.zip";
    public static final String FEATURES = "features.npy";
    public static final String REPORT = "sensory.json";
    /** The layer of the trained CNN whose activations are the features. */
    public static final String FEATURE_LAYER = SensoryCnn.FEATURES;

    private static final int BATCH = 64;

    private SensoryFrontEnd() {
    }

    /**
     * Trains the sensory CNN on {@code set} (views chosen by {@code options} held out), measures every head, and
     * writes {@value #REPORT}; when every head reaches the gate on the held-out views it also writes the frozen
     * model, the features of every stimulus and a copy of the index. A failed gate leaves only the report (and
     * removes a model and features an earlier run left in {@code out}, which {@code force} allowed to replace).
     *
     * @throws SensoryException when {@code out} already holds outputs and {@code force} is false, or the set has no
     *                          held-out (or no training) views
     */
    public static SensoryReport train(StimulusSet set, SensoryOptions options, Path out, boolean force,
                                      Progress progress) throws IOException {
        refuseOverwrite(out, force, MODEL, FEATURES, REPORT, StimulusSet.INDEX);
        long t0 = System.nanoTime();
        StimulusSet.Images images = set.pixels(1.0);
        Nd4jRuntime.start();
        CnnTrainer trainer = new CnnTrainer(set, images, options);
        ComputationGraph g = trainer.train(progress);
        double[][] acc = trainer.accuracy(g);
        List<SensoryReport.HeadAccuracy> heads = new java.util.ArrayList<>();
        for (int h = 0; h < 3; h++) {
            heads.add(new SensoryReport.HeadAccuracy(SensoryCnn.HEADS.get(h), trainer.classes()[h], acc[h][0],
                    acc[h][1]));
        }
        List<Integer> heldOut = set.viewValues().stream().filter(options::isHeldOut).toList();
        boolean passed = heads.stream().allMatch(h -> h.heldOut() >= options.gate());
        SensoryReport report = new SensoryReport(SensoryCnn.describe(g, images.height(), images.width()),
                FEATURE_LAYER, options.featureSize(), heads, options.seed(), options.epochs(), heldOut,
                trainer.trainCount(), trainer.heldOutCount(), List.of(images.height(), images.width(), 3),
                options.gate(), passed, (System.nanoTime() - t0) / 1e9);
        Files.createDirectories(out);
        if (passed) {
            AtomicFiles.write(out.resolve(MODEL), os -> ModelSerializer.writeModel(g, os, false));
            NdArray features = features(FeatureModel.of(g), FEATURE_LAYER, images, "nchw", Progress.NONE);
            AtomicFiles.writeNpy(out.resolve(FEATURES), features);
            copyIndex(set, out);
        } else {
            // with --force, a model and features left by an earlier run must not sit beside a failed report
            Files.deleteIfExists(out.resolve(MODEL));
            Files.deleteIfExists(out.resolve(FEATURES));
        }
        AtomicFiles.writeString(out.resolve(REPORT), json().writeValueAsString(report));
        return report;
    }

    /**
     * Loads a DL4J model zip or Keras HDF5 file and writes the activations of {@code layer} for every stimulus as
     * {@value #FEATURES}, with a copy of the index and {@value #REPORT}.
     *
     * @param layout      {@code nchw}, {@code nhwc}, or {@code null} for the format's usual layout (DL4J: nchw,
     *                    Keras: nhwc)
     * @param pixelScale  value of a full-intensity pixel (1 for [0, 1] inputs, 255 for raw bytes)
     * @throws SensoryException naming the file or layer when the model is missing, corrupt, has no such layer
     *                          (the message lists its layers) or rejects the stimuli's shape
     */
    public static ExtractionReport extract(Path modelFile, String layer, StimulusSet set, String layout,
                                           double pixelScale, Path out, boolean force, Progress progress)
            throws IOException {
        refuseOverwrite(out, force, FEATURES, REPORT, StimulusSet.INDEX);
        long t0 = System.nanoTime();
        FeatureModel model = FeatureModel.load(modelFile);
        String lay = layout != null ? layout : FeatureModel.isKeras(modelFile) ? "nhwc" : "nchw";
        if (!lay.equals("nchw") && !lay.equals("nhwc")) {
            throw new SensoryException("input layout must be nchw or nhwc, got '" + layout + "'");
        }
        if (layer == null || !model.layerNames().contains(layer)) {
            throw new SensoryException((layer == null ? "no --layer given" : "no layer '" + layer + "' in " + modelFile)
                    + "; the layers of " + modelFile + " are:\n  " + String.join("\n  ", model.layers()));
        }
        StimulusSet.Images images = set.pixels(pixelScale);
        int[] shape = batchShape(images, 1, lay);
        model.checkInput(Arrays.stream(shape).asLongStream().toArray(), lay);
        NdArray features = features(model, layer, images, lay, progress);
        Files.createDirectories(out);
        AtomicFiles.writeNpy(out.resolve(FEATURES), features);
        copyIndex(set, out);
        ExtractionReport report = new ExtractionReport(modelFile.toString(),
                FeatureModel.isKeras(modelFile) ? "keras-h5" : "dl4j-zip", layer, features.shape()[1], set.size(), lay,
                pixelScale, model.layers(), (System.nanoTime() - t0) / 1e9);
        AtomicFiles.writeString(out.resolve(REPORT), json().writeValueAsString(report));
        return report;
    }

    /** The layers of a model file ({@code name (Type)}, feed-forward order). */
    public static List<String> layers(Path modelFile) throws IOException {
        return FeatureModel.load(modelFile).layers();
    }

    /** Threads ND4J runs on once started: libnd4j, OpenMP, BLAS (each should be 1). Starts ND4J. */
    public static int[] threadLimits() {
        return Nd4jRuntime.threadLimits();
    }

    static NdArray features(FeatureModel model, String layer, StimulusSet.Images images, String layout,
                            Progress progress) {
        int n = images.n();
        float[] data = null;
        int f = -1;
        for (int b = 0; b < n; b += BATCH) {
            int m = Math.min(BATCH, n - b);
            float[][] a = model.activations(layer, batch(images, b, m, layout));
            if (data == null) {
                f = a[0].length;
                data = new float[Math.multiplyExact(n, f)];
            }
            for (int i = 0; i < m; i++) {
                System.arraycopy(a[i], 0, data, (b + i) * f, f);
            }
            progress.step(b + m, n, "");
        }
        return NdArray.of(new int[]{n, f}, data);
    }

    private static int[] batchShape(StimulusSet.Images im, int m, String layout) {
        return layout.equals("nchw") ? new int[]{m, im.channels(), im.height(), im.width()}
                : new int[]{m, im.height(), im.width(), im.channels()};
    }

    private static INDArray batch(StimulusSet.Images im, int from, int m, String layout) {
        int c = im.channels();
        int plane = im.height() * im.width();
        int per = c * plane;
        float[] x = new float[m * per];
        if (layout.equals("nchw")) {
            System.arraycopy(im.data(), from * per, x, 0, m * per);
        } else {
            for (int i = 0; i < m; i++) {
                int src = (from + i) * per;
                for (int p = 0; p < plane; p++) {
                    for (int k = 0; k < c; k++) {
                        x[i * per + p * c + k] = im.data()[src + k * plane + p];
                    }
                }
            }
        }
        int[] s = batchShape(im, m, layout);
        return Nd4j.create(x, new long[]{s[0], s[1], s[2], s[3]}, 'c');
    }

    private static void copyIndex(StimulusSet set, Path out) throws IOException {
        Path target = out.resolve(StimulusSet.INDEX);
        if (!Files.exists(target) || !Files.isSameFile(set.index(), target)) {
            AtomicFiles.write(target, Files.readAllBytes(set.index()));
        }
    }

    private static void refuseOverwrite(Path out, boolean force, String... names) {
        if (force) {
            return;
        }
        for (String n : names) {
            if (Files.exists(out.resolve(n))) {
                throw new SensoryException(out.resolve(n) + " already exists; use --force to overwrite the outputs in "
                        + out);
            }
        }
    }

    static ObjectMapper json() {
        return new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** One line per head, e.g. {@code category  train 1.000  held-out 0.984}. */
    public static String summary(SensoryReport r) {
        StringBuilder b = new StringBuilder();
        for (SensoryReport.HeadAccuracy h : r.heads()) {
            b.append(String.format(Locale.ROOT, "%-9s %3d classes  train %.3f  held-out %.3f%s%n", h.head(),
                    h.classes(), h.train(), h.heldOut(), h.heldOut() < r.gate() ? "  (below the gate)" : ""));
        }
        return b.toString();
    }
}
