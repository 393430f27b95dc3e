package org.attractorlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.Experiment;
import org.attractorlab.core.config.ExperimentConfig;
import org.attractorlab.core.io.NdArray;
import org.attractorlab.core.io.Npz;
import org.attractorlab.core.run.RunDirectory;
import org.attractorlab.core.run.TrainingRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private static Path sample(String name) {
        return Path.of("samples", name + ".json");
    }

    @Test
    void trainWritesAResolvedConfigLogModelAndCheckpointsThatRoundTrip() throws IOException {
        Path dir = tmp.resolve("run");
        Result r = cli("train", sample("flipflop-3bit").toString(), "--out", dir.toString(), "--quiet",
                "--set", "training.steps=20", "--set", "training.checkpoint_every=10", "--set", "model.hidden_size=16");
        assertEquals(0, r.code(), r.err());
        RunDirectory run = RunDirectory.open(dir);
        ExperimentConfig cfg = run.readConfig(ConfigLoader.standard());
        assertEquals(16, cfg.model().hiddenSize());
        assertEquals(20, cfg.training().steps());
        assertEquals(cfg, ConfigLoader.standard().parse(Files.readString(run.configFile())));

        List<TrainingRow> rows = run.readTrainingLog();
        assertEquals(20, rows.size());
        assertEquals(1, rows.get(0).step());
        assertEquals(20, rows.get(19).step());
        assertTrue(rows.stream().allMatch(x -> Double.isFinite(x.loss())));

        assertEquals(List.of(10, 20), List.copyOf(run.checkpoints().keySet()));
        Map<String, NdArray> model = run.readModel();
        Map<String, NdArray> last = Npz.read(run.checkpoints().get(20));
        assertEquals(model.keySet(), last.keySet());
        Experiment restored = Experiment.restore(cfg, model);
        Experiment fromCheckpoint = Experiment.restore(cfg, last);
        assertArrayEquals(restored.network().parameters(), fromCheckpoint.network().parameters());
        assertArrayEquals(new int[]{16, 16}, model.get("weight_hh_l0").shape());
        assertArrayEquals(new int[]{3, 16}, model.get("readout.weight").shape());
        assertTrue(r.out().contains("Wrote"), r.out());
    }

    @Test
    void trainRefusesANonEmptyRunDirectoryWithoutForce() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(dir.resolve("notes.txt"), "precious");
        Result r = cli("train", sample("flipflop-3bit").toString(), "--out", dir.toString(), "--quiet",
                "--set", "training.steps=2");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("not empty"), r.err());
        assertEquals("precious", Files.readString(dir.resolve("notes.txt")));
        Result forced = cli("train", sample("flipflop-3bit").toString(), "--out", dir.toString(), "--quiet",
                "--set", "training.steps=2", "--force");
        assertEquals(0, forced.code(), forced.err());
        assertEquals("precious", Files.readString(dir.resolve("notes.txt")), "--force keeps files a run does not write");
    }

    @Test
    void badConfigsAreRefusedWithTheFieldValueAndWhatIsAllowed() throws IOException {
        Result unknown = cli("train", sample("flipflop-3bit").toString(), "--out", tmp.resolve("a").toString(),
                "--set", "model.hiden_size=3");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("model.hiden_size") && unknown.err().contains("hidden_size"), unknown.err());

        Result badEnum = cli("train", sample("flipflop-3bit").toString(), "--out", tmp.resolve("b").toString(),
                "--set", "model.cell=transformer");
        assertEquals(2, badEnum.code());
        assertTrue(badEnum.err().contains("transformer") && badEnum.err().contains("gru"), badEnum.err());

        Result absurd = cli("train", sample("flipflop-3bit").toString(), "--out", tmp.resolve("c").toString(),
                "--set", "model.hidden_size=100000000");
        assertEquals(2, absurd.code());
        assertTrue(absurd.err().contains("model.hidden_size = 100000000"), absurd.err());

        Path broken = tmp.resolve("broken.json");
        Files.writeString(broken, "{\n  \"task\": {\"name\": \"flipflop\",}\n}");
        Result malformed = cli("train", broken.toString(), "--out", tmp.resolve("d").toString());
        assertEquals(2, malformed.code());
        assertTrue(malformed.err().contains("broken.json") && malformed.err().contains("line 2"), malformed.err());
        assertTrue(!Files.exists(tmp.resolve("d")), "nothing is written for a refused config");
    }

    @Test
    void everySampleConfigLoadsAndBuildsItsExperiment() throws IOException {
        try (var files = Files.list(Path.of("samples"))) {
            List<Path> samples = files.filter(p -> p.toString().endsWith(".json")).toList();
            assertTrue(samples.size() >= 4);
            assertEquals(samples.size(), org.attractorlab.core.config.Samples.NAMES.size(), "every sample is bundled");
            for (Path p : samples) {
                Experiment e = Experiment.create(ConfigLoader.standard().load(p));
                assertEquals(e.task().inputSize(), e.network().inputSize(), p.toString());
                String name = p.getFileName().toString().replace(".json", "");
                assertEquals(e.config(), org.attractorlab.core.config.Samples.load(name), name + " is bundled as is");
            }
        }
    }
}
