package org.attractorlab.sensory.cnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.attractorlab.core.io.NdArray;
import org.attractorlab.core.io.Npy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SensoryTrainingTest {
    @TempDir
    Path tmp;

    @Test
    void cnnPassesTheGateOnHeldOutViewsAndWritesFeaturesAlignedWithTheIndex() throws Exception {
        StimulusSet set = ToyStimuli.write(tmp.resolve("stimuli"), 4, 2, 8, 32);
        Path out = tmp.resolve("out");
        long t0 = System.nanoTime();
        SensoryReport r = SensoryFrontEnd.train(set, SensoryOptions.DEFAULTS.withEpochs(15), out, false,
                (d, n, m) -> System.out.println("epoch " + d + "/" + n + " " + m));
        System.out.println(SensoryFrontEnd.summary(r) + " " + (System.nanoTime() - t0) / 1e9 + " s");
        assertTrue(r.gatePassed(), SensoryFrontEnd.summary(r));
        NdArray f = Npy.read(out.resolve(SensoryFrontEnd.FEATURES));
        assertArrayEquals(new int[]{set.size(), 128}, f.shape());
        assertEquals(Files.readString(set.index()), Files.readString(out.resolve(StimulusSet.INDEX)));
    }
}
