package org.attractorlab.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.ExperimentConfig;
import org.attractorlab.core.config.TestTasks;
import org.attractorlab.core.io.Csv;
import org.attractorlab.core.io.NdArray;
import org.attractorlab.core.io.Npz;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {

    @TempDir
    Path tmp;

    private List<String> tree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    @Test
    void createMakesAMissingDirectoryAndAcceptsAnEmptyOne() throws IOException {
        RunDirectory run = RunDirectory.create(tmp.resolve("runs/a"), false);
        assertTrue(Files.isDirectory(run.dir()));
        RunDirectory.create(run.dir(), false);
    }

    @Test
    void aNonEmptyDirectoryIsRefusedWithoutForceAndLeftAlone() throws IOException {
        Path dir = tmp.resolve("run");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("notes.txt"), "mine");
        Files.writeString(dir.resolve("model.npz"), "old");
        RunDirectoryException e = assertThrows(RunDirectoryException.class, () -> RunDirectory.create(dir, false));
        assertTrue(e.getMessage().startsWith("run directory '" + dir + "' is not empty (it holds model.npz, "
                + "notes.txt); choose a new directory, or force (--force)"), e.getMessage());
        assertEquals(List.of("model.npz", "notes.txt"), tree(dir));
        assertEquals("old", Files.readString(dir.resolve("model.npz")));
    }

    @Test
    void forceRemovesOnlyTheFilesOfARun() throws IOException {
        Path dir = tmp.resolve("run");
        Files.createDirectories(dir.resolve("checkpoints"));
        for (String name : List.of("config.json", "training.csv", "model.npz", "results.txt",
                ".model.npz.0123456789abcdef.tmp", "checkpoints/step-000500.npz", "checkpoints/step-1000000.npz",
                "checkpoints/.step-000600.npz.0123456789abcdef.tmp", "checkpoints/best.npz")) {
            Files.writeString(dir.resolve(name), "x");
        }
        RunDirectory.create(dir, true);
        assertEquals(List.of("checkpoints", "checkpoints/best.npz", "results.txt"), tree(dir));

        Files.delete(dir.resolve("checkpoints/best.npz"));
        Files.writeString(dir.resolve("checkpoints/step-000001.npz"), "x");
        RunDirectory.create(dir, true);
        assertEquals(List.of("results.txt"), tree(dir));
    }

    @Test
    void aFileIsNotARunDirectory() throws IOException {
        Path file = Files.writeString(tmp.resolve("f"), "x");
        assertTrue(assertThrows(RunDirectoryException.class, () -> RunDirectory.create(file, true)).getMessage()
                .contains("is a file, not a directory"));
        assertTrue(assertThrows(RunDirectoryException.class, () -> RunDirectory.open(tmp.resolve("none")))
                .getMessage().contains("does not exist"));
        assertTrue(assertThrows(RunDirectoryException.class, () -> RunDirectory.open(tmp)).getMessage()
                .contains("has no config.json"));
    }

    @Test
    void filesGetTheirFixedNamesAndRoundTrip() throws IOException {
        RunDirectory run = RunDirectory.create(tmp.resolve("run"), false);
        ConfigLoader loader = new ConfigLoader(TestTasks.RESOLVER);
        ExperimentConfig config = loader.fromOverrides(List.of("model.cell=gru", "seed=7"));
        run.writeConfig(config);
        assertEquals(config, RunDirectory.open(run.dir()).readConfig(loader));

        Map<String, NdArray> params = Map.of("w_rec", NdArray.of(new int[] {2, 2}, new float[] {1, 2, 3, 4}));
        run.writeModel(params);
        assertEquals(params, run.readModel());
        run.writeCheckpoint(1000, params);
        assertEquals(run.dir().resolve("checkpoints/step-000500.npz"), run.writeCheckpoint(500, params));
        run.writeCheckpoint(1234567, params);
        assertEquals(List.of(500, 1000, 1234567), List.copyOf(run.checkpoints().keySet()));
        assertEquals(params, Npz.read(run.checkpoints().lastEntry().getValue()));
        assertEquals("step-1234567.npz", RunDirectory.checkpointName(1234567));
        assertEquals(List.of("checkpoints", "checkpoints/step-000500.npz", "checkpoints/step-001000.npz",
                "checkpoints/step-1234567.npz", "config.json", "model.npz"), tree(run.dir()));
    }

    @Test
    void trainingCsvHasTheHeaderAndWritesNanAsNan() throws IOException {
        RunDirectory run = RunDirectory.create(tmp.resolve("run"), false);
        TrainingRow first = new TrainingRow(1, 0.5, Double.NaN, Double.NaN, Double.NaN, 2.0, 1e-3, 10.5, 0.1);
        TrainingRow second = new TrainingRow(100, 0.25, 0.75, 0.3, 0.7, 1.5, 1e-3, 11, 9.5);
        try (TrainingLog log = run.createTrainingLog()) {
            log.write(first);
            log.write(second);
        }
        assertEquals("step,loss,accuracy,validation_loss,validation_accuracy,grad_norm,learning_rate,"
                + "steps_per_second,elapsed_seconds\n"
                + "1,0.5,nan,nan,nan,2.0,0.001,10.5,0.1\n"
                + "100,0.25,0.75,0.3,0.7,1.5,0.001,11.0,9.5\n", Files.readString(run.trainingCsv()));
        assertEquals(List.of(first, second), run.readTrainingLog());
    }

    @Test
    void aNewTrainingLogReplacesTheOldOneWithItsHeaderInPlaceBeforeAnyRow() throws IOException {
        RunDirectory run = RunDirectory.create(tmp.resolve("run"), false);
        Files.writeString(run.trainingCsv(), "left over by an earlier run\n");
        try (TrainingLog log = run.createTrainingLog()) {
            // a kill now leaves a log that reads as empty, never one without its header
            assertEquals(TrainingLog.HEADER + "\n", Files.readString(run.trainingCsv()));
            assertEquals(List.of(), run.readTrainingLog());
            assertEquals(List.of("training.csv"), tree(run.dir()), "no temporary file is left");
        }
    }

    @Test
    void appendingContinuesTheLogAndDropsAnUnfinishedLastLine() throws IOException {
        RunDirectory run = RunDirectory.create(tmp.resolve("run"), false);
        TrainingRow a = new TrainingRow(1, 1, Double.NaN, Double.NaN, Double.NaN, 1, 0.1, 1, 1);
        TrainingRow b = new TrainingRow(2, 0.5, Double.NaN, Double.NaN, Double.NaN, 1, 0.1, 1, 2);
        try (TrainingLog log = run.appendTrainingLog()) {
            log.write(a);
        }
        Files.writeString(run.trainingCsv(), "2,0.4,na", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(List.of(a), run.readTrainingLog());
        try (TrainingLog log = run.appendTrainingLog()) {
            log.write(b);
        }
        assertEquals(List.of(a, b), run.readTrainingLog());

        Files.writeString(run.trainingCsv(), "step,loss\n1,2\n");
        assertTrue(assertThrows(IOException.class, run::appendTrainingLog).getMessage()
                .contains("its header is 'step,loss'"));
    }

    @Test
    void csvQuotesTextAndWritesNonFiniteNumbers() throws IOException {
        assertEquals("a,\"b,c\",\"say \"\"hi\"\"\",nan,inf,-inf,3,0.5\n", Csv.line(List.of("a", "b,c", "say \"hi\"",
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 3, 0.5f)));
        Path file = tmp.resolve("t.csv");
        Csv.write(file, List.of("x", "y"), List.of(List.of(1, 2.5), List.of(2, Double.NaN)));
        assertEquals("x,y\n1,2.5\n2,nan\n", Files.readString(file));
        assertTrue(Double.isNaN(Csv.parseNumber("nan")) && Double.isNaN(Csv.parseNumber("")));
    }
}
