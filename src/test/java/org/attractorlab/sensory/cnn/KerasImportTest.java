package org.attractorlab.sensory.cnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.attractorlab.core.io.NdArray;
import org.attractorlab.core.io.Npy;
import org.attractorlab.core.io.Npz;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keras HDF5 import on a tiny Sequential model written by {@code src/test/python/make_keras_h5.py} (Conv2D 3x3x4 relu,
 * Flatten, Dense 5 relu "code", Dense 2 softmax; channels_last). The expected activations of "code" are computed here
 * by hand from the same weights (saved beside it as .npz), so the test checks DL4J's import, the NHWC input layout
 * and Keras's flatten order against an independent reference.
 */
class KerasImportTest {
    private static final Path MODEL = Path.of("src/test/resources/sensory/tiny_keras.h5");
    private static final Path WEIGHTS = Path.of("src/test/resources/sensory/tiny_keras_weights.npz");

    @TempDir
    Path tmp;

    @Test
    void kerasSequentialModelListsItsLayers() throws Exception {
        List<String> layers = SensoryFrontEnd.layers(MODEL);
        assertTrue(layers.stream().anyMatch(l -> l.startsWith("conv ")), layers.toString());
        assertTrue(layers.stream().anyMatch(l -> l.startsWith("code ")), layers.toString());
    }

    @Test
    void kerasDenseLayerActivationsMatchAHandComputedForwardPass() throws Exception {
        StimulusSet set = ToyStimuli.write(tmp.resolve("stimuli"), 2, 1, 2, 16);
        Path out = tmp.resolve("out");
        ExtractionReport r = SensoryFrontEnd.extract(MODEL, "code", set, null, 1.0, out, false, Progress.NONE);
        assertEquals("keras-h5", r.format());
        assertEquals("nhwc", r.inputLayout());
        NdArray features = Npy.read(out.resolve(SensoryFrontEnd.FEATURES));
        assertEquals(set.size(), features.shape()[0]);
        assertEquals(5, features.shape()[1]);

        Map<String, NdArray> w = Npz.read(WEIGHTS);
        float[] ck = w.get("conv_kernel").floats(); // [3, 3, 3, 4]
        float[] cb = w.get("conv_bias").floats();
        float[] dk = w.get("code_kernel").floats(); // [14*14*4, 5]
        float[] db = w.get("code_bias").floats();
        StimulusSet.Images im = set.pixels(1.0); // NCHW
        int s = 16;
        int o = 14;
        for (int n = 0; n < im.n(); n++) {
            float[] conv = new float[o * o * 4]; // HWC, Keras's flatten order
            for (int y = 0; y < o; y++) {
                for (int x = 0; x < o; x++) {
                    for (int f = 0; f < 4; f++) {
                        double acc = cb[f];
                        for (int dy = 0; dy < 3; dy++) {
                            for (int dx = 0; dx < 3; dx++) {
                                for (int c = 0; c < 3; c++) {
                                    float px = im.data()[((n * 3 + c) * s + y + dy) * s + x + dx];
                                    acc += px * ck[((dy * 3 + dx) * 3 + c) * 4 + f];
                                }
                            }
                        }
                        conv[(y * o + x) * 4 + f] = (float) Math.max(0, acc);
                    }
                }
            }
            for (int u = 0; u < 5; u++) {
                double acc = db[u];
                for (int i = 0; i < conv.length; i++) {
                    acc += conv[i] * dk[i * 5 + u];
                }
                assertEquals(Math.max(0, acc), features.floats()[n * 5 + u], 1e-4, "image " + n + " unit " + u);
            }
        }
    }
}
