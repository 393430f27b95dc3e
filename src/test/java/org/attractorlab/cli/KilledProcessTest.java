package org.attractorlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.attractorlab.cli.TrainCommandTest.Result;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.io.Npy;
import org.attractorlab.core.io.Npz;
import org.attractorlab.core.run.RunDirectory;
import org.attractorlab.core.run.TrainedRun;
import org.attractorlab.core.run.TrainingLog;
import org.attractorlab.core.sweep.RunRecord;
import org.attractorlab.core.sweep.SweepDirectory;
import org.attractorlab.core.sweep.SweepPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 of {@code train} and of a local {@code sweep} at seeded random moments, 30 kills each, in a JVM of its
 * own: afterwards every file present is complete and loadable (by our readers, and by NumPy when python3 has it;
 * under CI=true it must), {@code analyze} works on every killed run that has a model or a checkpoint, and the next
 * {@code sweep} of each killed sweep directory completes it.
 */
class KilledProcessTest {
    private static final int KILLS = 30;
    private static final String PYTHON = System.getenv().getOrDefault("PYTHON", "python3");

    /** Longer than any kill's moment, so every kill lands in training (a checkpoint every 5 steps). */
    private static final String[] TRAIN = {"--set", "model.hidden_size=8", "--set", "task.trial_steps=20",
            "--set", "training.batch_size=8", "--set", "training.steps=100000", "--set", "training.checkpoint_every=5",
            "--set", "training.validation_every=10", "--set", "training.threads=1"};

    /** Twelve tiny runs: when kills finish a sweep, the next one starts. */
    private static final String SPEC = "{\"base\": \"flipflop-3bit\", \"grid\": {\"model.hidden_size\": [6, 8]}, "
            + "\"seeds\": 6, \"set\": {\"training.steps\": 300, \"training.checkpoint_every\": 50, "
            + "\"task.trial_steps\": 20, \"training.batch_size\": 8, \"training.threads\": 1}}";

    @TempDir
    Path tmp;

    private int npz;

    @Test
    void killingTrainOrASweepAtRandomMomentsLeavesOnlyCompleteFilesAndTheNextRunSucceeds() throws Exception {
        SplittableRandom random = new SplittableRandom(20261207L);
        int analysed = 0;
        int withModel = 0;
        int trainKills = 0;
        for (int k = 0; trainKills < KILLS && k < 2 * KILLS; k++) {
            Path dir = tmp.resolve("train-" + k);
            if (!kill(child("train", "flipflop-3bit", "--out", dir.toString(), "--quiet"),
                    random.nextLong(1000))) {
                trainKills++;
            }
            if (!Files.isDirectory(dir)) {
                continue;
            }
            checkRun(dir);
            if (!Files.exists(dir.resolve(RunDirectory.CONFIG_FILE))) {
                try (Stream<Path> left = Files.list(dir)) { // killed before config.json was in place
                    assertTrue(left.allMatch(f -> f.getFileName().toString().endsWith(".tmp")), dir + " holds files");
                }
                continue;
            }
            RunDirectory run = RunDirectory.open(dir);
            NavigableMap<Integer, Path> checkpoints = run.checkpoints();
            boolean model = Files.exists(run.modelFile());
            if (model || !checkpoints.isEmpty()) {
                List<String> args = new ArrayList<>(List.of("analyze", dir.toString(), "--only", "pca", "--trials",
                        "16", "--out", tmp.resolve("analysis-" + k).toString()));
                if (!model) {
                    args.addAll(List.of("--checkpoint", checkpoints.lastKey().toString()));
                }
                Result r = TrainCommandTest.cli(args.toArray(String[]::new));
                assertEquals(0, r.code(), dir + ": " + r.err());
                analysed++;
                withModel += model ? 1 : 0;
            }
        }
        assertTrue(analysed >= 1, "no killed run had a checkpoint to analyse");

        Path spec = Files.writeString(tmp.resolve("spec.json"), SPEC);
        List<Path> sweeps = new ArrayList<>();
        Path dir = null;
        int sweepKills = 0;
        for (int k = 0; sweepKills < KILLS && k < 2 * KILLS; k++) {
            if (dir == null) {
                dir = tmp.resolve("sweep-" + sweeps.size());
                sweeps.add(dir);
            }
            boolean started = Files.isDirectory(dir);
            Process p = started ? child("sweep", dir.toString(), "--quiet", "--workers", "2")
                    : child("sweep", spec.toString(), "--out", dir.toString(), "--quiet", "--workers", "2");
            boolean finished = kill(p, random.nextLong(1000));
            if (Files.isDirectory(dir)) {
                checkSweep(dir);
            }
            if (finished) {
                dir = null; // done before the kill: the next kill goes to a new sweep
            } else {
                sweepKills++;
            }
        }
        assertEquals(KILLS, trainKills, "kills of train that landed");
        assertEquals(KILLS, sweepKills, "kills of sweep that landed");
        for (Path s : sweeps) {
            Result r = TrainCommandTest.cli("sweep", s.toString(), "--quiet", "--workers", "2");
            assertEquals(0, r.code(), s + ": " + r.out() + r.err());
            assertTrue(r.out().contains("Finished: 12 of 12 runs done, 0 failed"), r.out());
        }
        // a finished run of a killed sweep is an ordinary run: analyze opens it
        SweepDirectory last = SweepDirectory.open(sweeps.get(sweeps.size() - 1));
        Result a = TrainCommandTest.cli("analyze", last.runDir(last.plan().points().get(0)).toString(), "--only", "pca",
                "--trials", "16", "--out", tmp.resolve("analysis-sweep").toString());
        assertEquals(0, a.code(), a.err());
        String numpy = checkWithNumpy();
        System.out.printf("kill -9: %d kills of train (%d runs analysed afterwards, %d of them with model.npz), %d of "
                + "sweep over %d sweep directories, each resumed to the end; %d .npz archives read%s%n", trainKills,
                analysed, withModel, sweepKills, sweeps.size(), npz, numpy);
    }

    /**
     * Waits until the child has begun its work (its first line of output), then {@code millis}, then kill -9
     * unless it has ended; true when it ended by itself. Timed from the start of the work, not of the JVM, so that
     * the kills land in the same places however loaded the machine is.
     */
    private boolean kill(Process p, long millis) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (Files.size(log) == 0 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        if (p.waitFor(millis, TimeUnit.MILLISECONDS)) {
            assertEquals(0, p.exitValue(), "the child failed");
            return true;
        }
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return false;
    }

    /** Where the current child writes its output. */
    private Path log;

    private Process child(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), "org.attractorlab.Launcher"));
        cmd.addAll(List.of(args));
        if (args[0].equals("train")) {
            cmd.addAll(List.of(TRAIN));
        }
        log = Files.write(tmp.resolve("child.log"), new byte[0]);
        return new ProcessBuilder(cmd).redirectErrorStream(false).redirectError(new File("/dev/null"))
                .redirectOutput(log.toFile()).start();
    }

    /** Every file of a run directory is complete: config, log and archives load; temporaries are never read. */
    private void checkRun(Path run) throws Exception {
        try (Stream<Path> files = Files.walk(run)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(".tmp")) {
                    continue; // an interrupted atomic write: never renamed into place, never read
                }
                switch (name.substring(name.lastIndexOf('.') + 1)) {
                    case "json" -> {
                        if (name.equals(RunDirectory.CONFIG_FILE)) {
                            ConfigLoader.standard().load(f);
                        } else {
                            assertTrue(RunRecord.read(run) != null, f + " unreadable");
                        }
                    }
                    case "csv" -> TrainingLog.read(f);
                    case "npz" -> {
                        Npz.read(f);
                        keep(f);
                    }
                    case "npy" -> Npy.read(f);
                    default -> { }
                }
            }
        }
        if (Files.exists(run.resolve(RunDirectory.MODEL_FILE))) {
            TrainedRun.open(run, null);
        }
    }

    private void checkSweep(Path dir) throws Exception {
        SweepDirectory sweep = SweepDirectory.open(dir);
        for (SweepPoint p : sweep.plan().points()) {
            Path run = sweep.runDir(p);
            if (!Files.isDirectory(run)) {
                continue;
            }
            RunRecord r = RunRecord.read(run);
            if (r != null) {
                assertEquals(RunRecord.State.DONE, r.state(), p.name());
                TrainedRun.open(run, null);
            }
            checkRun(run);
        }
        if (Files.exists(dir.resolve(SweepDirectory.MANIFEST_FILE))) {
            assertTrue(Files.readAllLines(dir.resolve(SweepDirectory.MANIFEST_FILE)).get(0).startsWith("index,run,"));
        }
    }

    /** A copy of the archive as it was after this kill, for NumPy at the end. */
    private void keep(Path f) throws Exception {
        Path copy = Files.createDirectories(tmp.resolve("archives")).resolve((npz++) + ".npz");
        Files.copy(f, copy);
    }

    /** Loads every kept archive in NumPy; returns what was checked, or why NumPy was not there. */
    private String checkWithNumpy() throws Exception {
        Process probe;
        try {
            probe = new ProcessBuilder(PYTHON, "-c", "import numpy").redirectErrorStream(true).start();
        } catch (java.io.IOException none) {
            return requireUnlessCi(PYTHON + " is not installed");
        }
        if (!probe.waitFor(120, TimeUnit.SECONDS) || probe.exitValue() != 0) {
            return requireUnlessCi("numpy is not importable in " + PYTHON);
        }
        String script = "import sys, glob, numpy as np\n"
                + "n = 0\n"
                + "for f in sorted(glob.glob(sys.argv[1] + '/*.npz')):\n"
                + "    with np.load(f, allow_pickle=False) as z:\n"
                + "        for k in z.files:\n"
                + "            a = z[k]\n"
                + "            assert a.dtype == np.float32 and np.isfinite(a).all(), (f, k)\n"
                + "            n += 1\n"
                + "print(n)\n";
        Process p = new ProcessBuilder(PYTHON, "-c", script, tmp.resolve("archives").toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "NumPy could not load a file left by a kill: " + out);
        return ", all loaded by NumPy (" + out + " arrays)";
    }

    private static String requireUnlessCi(String why) {
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI must check the files with NumPy, but " + why);
        }
        return "; NumPy not checked: " + why;
    }
}
