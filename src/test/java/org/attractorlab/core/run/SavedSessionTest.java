package org.attractorlab.core.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.Experiment;
import org.attractorlab.core.config.ExperimentConfig;
import org.attractorlab.core.config.Samples;
import org.attractorlab.core.study.Probe;
import org.attractorlab.core.train.Trainer;
import org.attractorlab.core.train.TrainingStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedSessionTest {
    @TempDir
    Path tmp;

    static ExperimentConfig tinyFlipFlop(String cell, int steps) {
        return ConfigLoader.standard().parse(Samples.json("flipflop-3bit"), List.of("model.cell=" + cell,
                "model.hidden_size=12", "training.steps=" + steps, "training.batch_size=8",
                "training.checkpoint_every=10", "training.validation_every=5", "task.trial_steps=30",
                "training.threads=1"));
    }

    /** Trains and writes a run directory the way the train command does; returns the trained experiment. */
    static Experiment trainRun(Path dir, ExperimentConfig cfg, int stopAfter) throws IOException {
        RunDirectory run = RunDirectory.create(dir, false);
        run.writeConfig(cfg);
        Experiment e = Experiment.create(cfg);
        Trainer trainer = e.trainer();
        try (TrainingLog log = run.createTrainingLog()) {
            trainer.train(s -> {
                try {
                    log.write(new TrainingRow(s.step(), s.loss(), s.accuracy(), s.validationLoss(),
                            s.validationAccuracy(), s.gradNorm(), s.learningRate(), s.stepsPerSecond(),
                            s.elapsedSeconds()));
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            }, (step, arrays) -> {
                try {
                    run.writeCheckpoint(step, Experiment.toNdArrays(e.network(), arrays));
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            }, () -> trainer.stepsDone() >= stopAfter);
        }
        run.writeModel(e.modelArrays());
        return e;
    }

    static Map<String, String> hashes(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                byte[] d = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
                out.put(dir.relativize(p).toString(), HexFormat.of().formatHex(d));
            }
        }
        return out;
    }

    @Test
    void aTrainRunReopensWithItsConfigLogCheckpointsAndWeights() throws Exception {
        ExperimentConfig cfg = tinyFlipFlop("vanilla", 30);
        Path dir = tmp.resolve("run");
        Experiment trained = trainRun(dir, cfg, Integer.MAX_VALUE);

        SavedSession s = SavedSession.read(dir);
        assertEquals(cfg, s.experiment().config());
        assertEquals(30, s.step());
        assertEquals(RunDirectory.open(dir).readTrainingLog(), s.log());
        assertEquals(List.of(0, 10, 20, 30), List.copyOf(s.history().keySet()));
        assertArrayEquals(Experiment.create(cfg).network().parameters(), s.history().get(0),
                "step 0 is the initial network, rebuilt from the seed");
        assertArrayEquals(trained.network().parameters(), s.history().get(30));
        assertArrayEquals(trained.network().parameters(), s.experiment().network().parameters());
        assertEquals(SessionState.defaults(), s.state());
        assertTrue(s.notes().stream().anyMatch(n -> n.contains("session.json")), s.notes().toString());
    }

    @Test
    void reopeningAndRerunningTheProbeBatchGivesBitIdenticalHiddenStates() throws Exception {
        for (String cell : new String[] {"vanilla", "gru", "lstm"}) {
            Path dir = tmp.resolve(cell);
            Experiment trained = trainRun(dir, tinyFlipFlop(cell, 20), Integer.MAX_VALUE);
            HiddenStates before = Probe.states(trained.network(), Probe.batch(trained, 64));
            Experiment reopened = SavedSession.read(dir).experiment();
            HiddenStates after = Probe.states(reopened.network(), Probe.batch(reopened, 64));
            assertArrayEquals(before.states(), after.states(), cell + " hidden states");
            assertArrayEquals(before.outputs(), after.outputs(), cell + " outputs");
        }
    }

    @Test
    void trainingResumesFromTheSavedStepAndStopsAtTheConfiguredTotal() throws Exception {
        ExperimentConfig cfg = tinyFlipFlop("gru", 40);
        Path dir = tmp.resolve("paused");
        trainRun(dir, cfg, 20); // stop is checked before each step: the run stops after 20
        SavedSession s = SavedSession.read(dir);
        assertEquals(20, s.step());
        Trainer t = new Trainer(s.experiment().task(), s.experiment().network(), cfg.training(), cfg.seed(), s.step());
        float[] before = s.experiment().network().parameters().clone();
        TrainingStatus next = t.step();
        assertEquals(21, next.step());
        assertEquals(cfg.training().learningRateAt(20), next.learningRate());
        assertTrue(!java.util.Arrays.equals(before, s.experiment().network().parameters()), "the weights moved");
        TrainingStatus last = next;
        while (!last.state().finished()) {
            last = t.step();
        }
        assertEquals(40, last.step());
        assertEquals(TrainingStatus.State.COMPLETED, last.state());
    }

    @Test
    void eachCorruptOrTruncatedFileIsNamedAndNothingInTheSessionIsTouched() throws Exception {
        Path original = tmp.resolve("original");
        trainRun(original, tinyFlipFlop("vanilla", 20), Integer.MAX_VALUE);
        SessionState.defaults().write(original.resolve(SessionState.FILE));
        for (String name : new String[] {"config.json", "model.npz", "training.csv", "checkpoints/step-000010.npz",
                "session.json"}) {
            for (String damage : new String[] {"truncated", "corrupt"}) {
                Path dir = tmp.resolve(name.replace('/', '-') + "-" + damage);
                copy(original, dir);
                Path file = dir.resolve(name);
                byte[] bytes = Files.readAllBytes(file);
                if (damage.equals("truncated")) {
                    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2 + 1));
                } else {
                    for (int i = bytes.length / 3; i < bytes.length / 3 + 8 && i < bytes.length; i++) {
                        bytes[i] = (byte) (bytes[i] ^ 0x5a);
                    }
                    Files.write(file, bytes);
                }
                Map<String, String> before = hashes(dir);
                SessionException e = assertThrows(SessionException.class, () -> SavedSession.read(dir),
                        damage + " " + name);
                assertEquals(file, e.file(), damage + " " + name + ": " + e.getMessage());
                assertTrue(e.getMessage().contains(file.toString()), damage + " " + name + ": " + e.getMessage());
                assertEquals(before, hashes(dir), "nothing written after a " + damage + " " + name);
            }
        }
    }

    @Test
    void aSessionOfANewerFormatIsRefusedNamingSessionJson() throws Exception {
        Path dir = tmp.resolve("newer");
        trainRun(dir, tinyFlipFlop("vanilla", 10), Integer.MAX_VALUE);
        Files.writeString(dir.resolve(SessionState.FILE), "{\"format\": 99}");
        SessionException e = assertThrows(SessionException.class, () -> SavedSession.read(dir));
        assertEquals(dir.resolve(SessionState.FILE), e.file());
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
    }

    @Test
    void aMissingModelIsNamedAsTheMissingFile() throws Exception {
        Path dir = tmp.resolve("nomodel");
        trainRun(dir, tinyFlipFlop("vanilla", 10), Integer.MAX_VALUE);
        Files.delete(dir.resolve("model.npz"));
        SessionException e = assertThrows(SessionException.class, () -> SavedSession.read(dir));
        assertEquals(dir.resolve("model.npz"), e.file());
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
