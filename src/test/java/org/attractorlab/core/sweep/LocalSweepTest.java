package org.attractorlab.core.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.attractorlab.core.config.ExperimentConfig;
import org.attractorlab.core.io.NdArray;
import org.attractorlab.core.run.RunDirectory;
import org.attractorlab.core.run.RunTraining;
import org.attractorlab.core.run.TrainedRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSweepTest {
    @TempDir
    Path dir;

    /** Four tiny flip-flop runs; the second learning rate makes its runs diverge. */
    static final String SPEC = "{\"base\": \"flipflop-3bit\", \"grid\": {\"training.batch_size\": [8, 12]}, "
            + "\"zip\": {\"training.learning_rate\": [0.01, 1e6], \"model.gain\": [1.0, 50.0], "
            + "\"model.hidden_size\": [8, 64]}, \"set\": {\"training.steps\": 25, \"training.checkpoint_every\": 0, "
            + "\"task.trial_steps\": 30}, \"analyses\": [\"pca\", \"fixed-points\"]}";

    private static SweepPlan plan(String json) {
        return SweepPlan.of(SweepSpec.parse(json, null));
    }

    @Test
    void aSweepTrainsEveryRunIntoAnOrdinaryRunDirectoryAndRecordsDivergenceAsFailure() throws Exception {
        SweepDirectory sweep = SweepDirectory.prepare(dir.resolve("s"), plan(SPEC));
        LocalSweep.Outcome out = LocalSweep.run(sweep, 2, p -> { }, new AtomicBoolean());
        assertEquals(4, out.progress().ranHere());
        assertEquals(2, out.progress().done());
        assertEquals(2, out.progress().failed(), "the runs with learning rate 1e6 and gain 50 diverge");
        for (SweepPoint p : sweep.plan().points()) {
            RunRecord r = sweep.record(p);
            assertNotNull(r, p.name());
            boolean diverging = p.axes().get("training.learning_rate").equals("1000000.0");
            assertEquals(diverging ? RunRecord.State.FAILED : RunRecord.State.DONE, r.state(), p.name());
            if (diverging) {
                assertFalse(r.message().isEmpty());
            } else {
                assertEquals(25.0, r.summary().get("steps"));
                assertTrue(r.summary().containsKey("fp_stable") && r.summary().containsKey("pca_dim_90"),
                        r.summary().toString());
                // an ordinary run directory: analyze and the app open it
                TrainedRun run = TrainedRun.open(sweep.runDir(p), null);
                assertEquals(Integer.parseInt(p.axes().get("model.hidden_size")),
                        run.experiment().network().hiddenSize());
            }
        }
        List<String> manifest = Files.readAllLines(sweep.dir().resolve(SweepDirectory.MANIFEST_FILE));
        assertEquals("index,run,state,message,training.batch_size,training.learning_rate,model.gain,model.hidden_size",
                manifest.get(0));
        assertEquals(2, manifest.stream().filter(l -> l.contains(",failed,")).count());
    }

    @Test
    void aRunOfASweepEqualsTheSameConfigTrainedAlone() throws Exception {
        SweepDirectory sweep = SweepDirectory.prepare(dir.resolve("s"), plan(SPEC));
        SweepPoint p = sweep.plan().points().get(0);
        assertEquals(RunRecord.State.DONE, SweepRun.execute(sweep, p, () -> false).state());
        ExperimentConfig config = sweep.plan().config(p);
        RunDirectory alone = RunDirectory.create(dir.resolve("alone"), false);
        new RunTraining(config, alone).train(s -> { }, () -> false);
        Map<String, NdArray> a = RunDirectory.open(sweep.runDir(p)).readModel();
        Map<String, NdArray> b = alone.readModel();
        assertEquals(a.keySet(), b.keySet());
        for (String k : a.keySet()) {
            assertArrayEquals(b.get(k).floats(), a.get(k).floats(), k);
        }
    }

    @Test
    void runningASweepAgainSkipsTheRunsThatAreDoneAndRedoesTheOthers() throws Exception {
        SweepDirectory sweep = SweepDirectory.prepare(dir.resolve("s"), plan(SPEC));
        LocalSweep.run(sweep, 2, p -> { }, new AtomicBoolean());
        SweepPoint done = sweep.plan().points().get(0);
        Path record = sweep.runDir(done).resolve(RunRecord.FILE);
        FileTime before = Files.getLastModifiedTime(record);
        // an unfinished run: its directory is there but it has no record
        SweepPoint unfinished = sweep.plan().points().get(2);
        Files.delete(sweep.runDir(unfinished).resolve(RunRecord.FILE));
        SweepDirectory again = SweepDirectory.prepare(dir.resolve("s"), plan(SPEC));
        assertEquals(SweepDirectory.RunState.UNFINISHED, again.state(unfinished, again.record(unfinished)));
        LocalSweep.Outcome out = LocalSweep.run(again, 2, p -> { }, new AtomicBoolean());
        assertEquals(3, out.progress().ranHere(), "the unfinished run and the two failed ones");
        assertEquals(before, Files.getLastModifiedTime(record), "a done run is not trained again");
        assertEquals(RunRecord.State.DONE, again.record(unfinished).state());
    }

    @Test
    void aSecondProcessOnTheSameDirectoryIsRefusedAndAnotherSpecToo() throws Exception {
        SweepDirectory sweep = SweepDirectory.prepare(dir.resolve("s"), plan(SPEC));
        try (AutoCloseable held = sweep.lock()) {
            SweepException e = assertThrows(SweepException.class, sweep::lock);
            assertTrue(e.getMessage().startsWith("another sweep process is working on"), e.getMessage());
        }
        sweep.lock().close();
        String other = SPEC.replace("[8, 12]", "[8, 16]");
        assertFalse(other.equals(SPEC));
        SweepException e = assertThrows(SweepException.class, () -> SweepDirectory.prepare(dir.resolve("s"),
                plan(other)));
        assertTrue(e.getMessage().contains("holds another sweep"), e.getMessage());
        Files.writeString(Files.createDirectories(dir.resolve("user")).resolve("notes.txt"), "mine");
        e = assertThrows(SweepException.class, () -> SweepDirectory.prepare(dir.resolve("user"), plan(SPEC)));
        assertTrue(e.getMessage().contains("is not empty and holds no sweep"), e.getMessage());
        assertEquals("mine", Files.readString(dir.resolve("user").resolve("notes.txt")));
    }

    @Test
    void anUnwritableDirectoryIsAMessageNotAStackTrace() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        SweepException e = assertThrows(SweepException.class, () -> SweepDirectory.prepare(file.resolve("sub"),
                plan(SPEC)));
        assertTrue(e.getMessage().startsWith("cannot write the sweep directory"), e.getMessage());
    }

    @Test
    void stoppingLeavesRunsUnfinishedWithoutARecord() throws Exception {
        SweepDirectory sweep = SweepDirectory.prepare(dir.resolve("s"), plan(SPEC));
        AtomicBoolean stop = new AtomicBoolean(true);
        LocalSweep.Outcome out = LocalSweep.run(sweep, 1, p -> { }, stop);
        assertTrue(out.cancelled());
        assertEquals(0, out.progress().ranHere());
        for (SweepPoint p : sweep.plan().points()) {
            assertEquals(null, sweep.record(p));
        }
    }
}
