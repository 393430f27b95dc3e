package org.attractorlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attractorlab.cli.TrainCommandTest.Result;
import org.attractorlab.core.io.NdArray;
import org.attractorlab.core.io.Npz;
import org.attractorlab.core.run.RunDirectory;
import org.attractorlab.core.run.TrainingRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DivergenceTest {
    @TempDir
    Path tmp;

    /**
     * Learning rate 1e6 and gain 50 (ReLU, short trials, so that the first step is still finite) blow the network up
     * after its first update: train exits 1 with the message, and
     * model.npz holds finite parameters equal to the checkpoint of the last good step, which is also the last row of
     * training.csv.
     */
    @Test
    void aRunThatDivergesMidwayExits1AndKeepsTheLastGoodStepsParameters() throws Exception {
        Path dir = tmp.resolve("diverged");
        Result r = TrainCommandTest.cli("train", "flipflop-3bit", "--out", dir.toString(), "--quiet",
                "--set", "training.learning_rate=1e6", "--set", "model.gain=50", "--set", "model.hidden_size=16",
                "--set", "model.activation=relu", "--set", "training.batch_size=12", "--set", "task.trial_steps=5", "--set", "training.steps=40",
                "--set", "training.checkpoint_every=1");
        assertEquals(1, r.code(), r.out() + r.err());
        Matcher m = Pattern.compile("error: training diverged at step (\\d+): .*parameters were restored to step (\\d+)")
                .matcher(r.err());
        assertTrue(m.find(), r.err());
        int bad = Integer.parseInt(m.group(1));
        int good = Integer.parseInt(m.group(2));
        assertEquals(bad - 1, good);
        assertTrue(good >= 1 && bad < 40, "diverged at step " + bad + ", not mid-run");
        assertFalse(r.err().contains("\tat "), r.err());

        RunDirectory run = RunDirectory.open(dir);
        Map<String, NdArray> model = run.readModel();
        for (Map.Entry<String, NdArray> e : model.entrySet()) {
            for (float v : e.getValue().floats()) {
                assertTrue(Float.isFinite(v), e.getKey() + " holds " + v);
            }
        }
        Map<String, NdArray> checkpoint = Npz.read(run.checkpointFile(good));
        assertEquals(checkpoint.keySet(), model.keySet());
        for (String k : model.keySet()) {
            assertArrayEquals(checkpoint.get(k).floats(), model.get(k).floats(), k);
        }
        assertEquals(good, run.checkpoints().lastKey(), "no checkpoint after the last good step");
        List<TrainingRow> log = run.readTrainingLog();
        assertEquals(good, log.get(log.size() - 1).step());
        // the kept model is an ordinary run: analyze opens it
        Result a = TrainCommandTest.cli("analyze", dir.toString(), "--only", "pca", "--out", tmp.resolve("a").toString());
        assertEquals(0, a.code(), a.err());
    }
}
