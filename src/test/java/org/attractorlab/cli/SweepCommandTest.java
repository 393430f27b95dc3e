package org.attractorlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.attractorlab.cli.TrainCommandTest.Result;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.io.NdArray;
import org.attractorlab.core.io.Npz;
import org.attractorlab.core.run.RunDirectory;
import org.attractorlab.core.run.TrainedRun;
import org.attractorlab.core.run.TrainingLog;
import org.attractorlab.core.sweep.RunRecord;
import org.attractorlab.core.sweep.SweepDirectory;
import org.attractorlab.core.sweep.SweepPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {
    @TempDir
    Path tmp;

    /** Nine small flip-flop runs, each long enough (a second or two) that a kill lands in the middle of one. */
    static final String SPEC = "{\"base\": \"flipflop-3bit\", \"grid\": {\"model.hidden_size\": [12, 16, 20]}, "
            + "\"seeds\": 3, \"set\": {\"training.steps\": 400, \"training.checkpoint_every\": 50, "
            + "\"task.trial_steps\": 40, \"training.batch_size\": 16}}";

    private Path spec(String json) throws Exception {
        return Files.writeString(tmp.resolve("spec-" + json.hashCode() + ".json"), json);
    }

    @Test
    void sweepStatusAndCollectFromTheCommandLine() throws Exception {
        Path spec = spec(SPEC.replace("400", "20").replace("\"seeds\": 3", "\"seeds\": 2"));
        Path dir = tmp.resolve("sweep");
        Result r = TrainCommandTest.cli("sweep", spec.toString(), "--out", dir.toString(), "--quiet", "--workers", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Sweep of 6 runs in " + dir + ": 0 done, 6 to train, on 2 workers"), r.out());
        assertTrue(r.out().contains("Finished: 6 of 6 runs done, 0 failed, 6 trained here"), r.out());
        r = TrainCommandTest.cli("sweep", dir.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("6 done, 0 to train"), r.out());
        r = TrainCommandTest.cli("sweep", "status", dir.toString());
        assertEquals(dir + ": 6 runs: 6 done", r.out().trim());
        r = TrainCommandTest.cli("sweep", "collect", dir.toString(), "--group-by", "model.hidden_size");
        assertEquals(0, r.code(), r.err());
        List<String> grouped = Files.readAllLines(dir.resolve("summary_by_hidden_size.csv"));
        assertEquals(4, grouped.size());
        assertTrue(grouped.get(1).startsWith("12,2,"), grouped.get(1));
        // every run directory opens like one from train
        Result a = TrainCommandTest.cli("analyze", dir.resolve("runs").resolve("0000-hidden_size=12_seed=1").toString(),
                "--only", "pca", "--out", tmp.resolve("a").toString());
        assertEquals(0, a.code(), a.err());
    }

    @Test
    void aMalformedSpecIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path dir = tmp.resolve("never");
        Result r = TrainCommandTest.cli("sweep", spec("{\"base\": \"flipflop-3bit\", \"grid\": {\"model.cel\": "
                + "[\"gru\"]}}").toString(), "--out", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("grid axis model.cel, value gru: unknown field 'model.cel'"), r.err());
        assertFalse(Files.exists(dir));
        r = TrainCommandTest.cli("sweep", spec(SPEC).toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--out DIR is required"), r.err());
    }

    /**
     * Kills the sweep process (kill -9) at seeded random moments, checks after each kill that every file present is
     * complete (records name done runs that open, logs and archives parse), then finishes the sweep and checks that
     * each run equals the same run of an uninterrupted sweep.
     */
    @Test
    void killingTheSweepProcessLosesNoFinishedRunAndTheNextSweepCompletesTheRest() throws Exception {
        // each attempt resumes the sweep and may finish it: the runs are long enough (2000 steps each) for the kills
        // to land on a quiet machine too, where the 400-step runs of the other tests take under 2 s in all
        Path spec = spec(SPEC.replace("\"training.steps\": 400", "\"training.steps\": 2000"));
        Path dir = tmp.resolve("killed");
        SplittableRandom random = new SplittableRandom(20261206L);
        int kills = 0;
        for (int attempt = 0; attempt < 12 && kills < 5; attempt++) {
            Process p = child(spec, dir);
            long delay = 700 + random.nextLong(2500);
            if (p.waitFor(delay, TimeUnit.MILLISECONDS)) {
                break; // it finished before the kill: the sweep is done
            }
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            kills++;
            if (Files.isDirectory(dir)) {
                checkEveryFileIsComplete(dir);
            }
        }
        assertTrue(kills >= 3, "only " + kills + " kills landed");
        Result r = TrainCommandTest.cli("sweep", dir.toString(), "--quiet", "--workers", "2");
        assertEquals(0, r.code(), r.out() + r.err());
        Path reference = tmp.resolve("reference");
        r = TrainCommandTest.cli("sweep", spec.toString(), "--out", reference.toString(), "--quiet", "--workers", "2");
        assertEquals(0, r.code(), r.err());
        SweepDirectory killed = SweepDirectory.open(dir);
        for (SweepPoint pt : killed.plan().points()) {
            Map<String, NdArray> a = RunDirectory.open(killed.runDir(pt)).readModel();
            Map<String, NdArray> b = RunDirectory.open(reference.resolve("runs").resolve(pt.name())).readModel();
            for (String k : b.keySet()) {
                assertArrayEquals(b.get(k).floats(), a.get(k).floats(), pt.name() + " " + k);
            }
        }
    }

    private static Process child(Path spec, Path dir) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                "org.attractorlab.Launcher", "sweep", spec.toString(), "--out", dir.toString(), "--quiet",
                "--workers", "2"));
        if (Files.isDirectory(dir)) {
            cmd.subList(cmd.indexOf("sweep") + 1, cmd.indexOf("--quiet")).clear();
            cmd.add(cmd.indexOf("sweep") + 1, dir.toString());
        }
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(new File("/dev/null")).start();
    }

    private static void checkEveryFileIsComplete(Path dir) throws Exception {
        SweepDirectory sweep = SweepDirectory.open(dir);
        for (SweepPoint p : sweep.plan().points()) {
            Path run = sweep.runDir(p);
            if (!Files.isDirectory(run)) {
                continue;
            }
            RunRecord r = RunRecord.read(run);
            if (r != null) {
                assertEquals(RunRecord.State.DONE, r.state(), p.name());
                assertNotNull(TrainedRun.open(run, null));
            }
            if (Files.exists(run.resolve(RunDirectory.CONFIG_FILE))) {
                ConfigLoader.standard().load(run.resolve(RunDirectory.CONFIG_FILE));
            }
            if (Files.exists(run.resolve(RunDirectory.TRAINING_CSV))) {
                TrainingLog.read(run.resolve(RunDirectory.TRAINING_CSV));
            }
            try (Stream<Path> files = Files.walk(run)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".npz")).toList()) {
                    Npz.read(f);
                }
            }
        }
        if (Files.exists(dir.resolve(SweepDirectory.MANIFEST_FILE))) {
            assertTrue(Files.readAllLines(dir.resolve(SweepDirectory.MANIFEST_FILE)).get(0).startsWith("index,run,"));
        }
    }
}
