package org.attractorlab.sensory.cnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.attractorlab.core.io.NdArray;
import org.attractorlab.core.io.Npy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SensoryTrainingTest {
    @TempDir
    Path tmp;

    @Test
    void aSetWithoutHeldOutViewsIsRefusedBeforeTraining() throws Exception {
        StimulusSet set = ToyStimuli.write(tmp.resolve("two-views"), 2, 1, 2, 16);
        SensoryException e = org.junit.jupiter.api.Assertions.assertThrows(SensoryException.class,
                () -> SensoryFrontEnd.train(set, SensoryOptions.DEFAULTS, tmp.resolve("o"), false, Progress.NONE));
        assertTrue(e.getMessage().contains("no stimulus has a held-out view"), e.getMessage());
        assertTrue(e.getMessage().contains("views present: [0, 1]"), e.getMessage());
    }

    @Test
    void cnnPassesTheGateOnHeldOutViewsAndWritesFeaturesAlignedWithTheIndex() throws Exception {
        StimulusSet set = ToyStimuli.write(tmp.resolve("stimuli"), 4, 2, 12, 32);
        Path out = tmp.resolve("out");
        SensoryReport r = SensoryFrontEnd.train(set, SensoryOptions.DEFAULTS.withEpochs(12).withBatchSize(8), out, false,
                Progress.NONE);
        assertTrue(r.gatePassed(), SensoryFrontEnd.summary(r));
        NdArray f = Npy.read(out.resolve(SensoryFrontEnd.FEATURES));
        assertArrayEquals(new int[]{set.size(), 128}, f.shape());
        assertEquals(Files.readString(set.index()), Files.readString(out.resolve(StimulusSet.INDEX)));
        assertEquals(List.of(2, 6, 10), r.heldOutViews());
        assertEquals(96, r.heldOutImages());
        assertTrue(Files.size(out.resolve(SensoryFrontEnd.MODEL)) > 0);
        // the saved model is the frozen network: its features layer reproduces features.npy
        Path again = tmp.resolve("again");
        SensoryFrontEnd.extract(out.resolve(SensoryFrontEnd.MODEL), SensoryFrontEnd.FEATURE_LAYER, set, null, 1.0,
                again, false, Progress.NONE);
        assertArrayEquals(f.floats(), Npy.read(again.resolve(SensoryFrontEnd.FEATURES)).floats(), 1e-5f);
        var json = SensoryFrontEnd.json().readTree(out.resolve(SensoryFrontEnd.REPORT).toFile());
        assertEquals("features", json.get("feature_layer").asText());
        assertEquals(3, json.get("heads").size());
        assertEquals(1, json.get("seed").asLong());
    }
}
