package org.attractorlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.attractorlab.core.io.NdArray;
import org.attractorlab.core.io.Npy;
import org.attractorlab.core.study.Probe;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {
    @TempDir
    static Path tmp;
    static Path run;

    @BeforeAll
    static void trainSmallFlipFlop() {
        run = tmp.resolve("ff");
        TrainCommandTest.Result r = TrainCommandTest.cli("train", "samples/flipflop-3bit.json", "--out", run.toString(),
                "--quiet", "--set", "training.steps=600", "--set", "training.checkpoint_every=250");
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void analyzeWritesEveryResultFileWithTheDocumentedShapes() throws IOException {
        Path out = tmp.resolve("analysis");
        TrainCommandTest.Result r = TrainCommandTest.cli("analyze", run.toString(), "--out", out.toString(),
                "--trials", "64", "--fp-initial", "256", "--decode-stride", "20");
        assertEquals(0, r.code(), r.err());
        for (String f : List.of("inputs.npy", "hidden_states.npy", "outputs.npy", "conditions.csv",
                "pca_explained_variance.csv", "pca_components.npy", "fixed_points.csv", "fixed_points.npy",
                "fixed_point_eigenvalues.csv", "rdm.npy", "rdm_labels.csv", "subspace_angles.csv", "decoding.csv")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f + " missing; wrote " + r.out());
            assertTrue(r.out().contains(f), "the run names " + f);
        }
        assertArrayEquals(new int[]{64, 100, 3}, Npy.read(out.resolve("inputs.npy")).shape());
        assertArrayEquals(new int[]{64, 100, 64}, Npy.read(out.resolve("hidden_states.npy")).shape());
        assertArrayEquals(new int[]{10, 64}, Npy.read(out.resolve("pca_components.npy")).shape());
        NdArray rdm = Npy.read(out.resolve("rdm.npy"));
        assertEquals(rdm.shape()[0], Files.readAllLines(out.resolve("rdm_labels.csv")).size() - 1);
        List<String> fp = Files.readAllLines(out.resolve("fixed_points.csv"));
        long stable = fp.stream().skip(1).filter(l -> l.split(",")[2].equals("1")).count();
        assertEquals(8, stable, "a trained 3-bit flip-flop has 8 stable fixed points: " + fp);
        assertTrue(r.out().matches("(?s).*pca\\s+[0-9.]+ ms.*"), "timings are printed: " + r.out());
    }

    @Test
    void byDefaultAnalyzeRunsTheAppsProbeBatchAndGetsTheSameStates() throws Exception {
        Path out = tmp.resolve("default-probe");
        TrainCommandTest.Result r = TrainCommandTest.cli("analyze", run.toString(), "--out", out.toString(),
                "--only", "pca");
        assertEquals(0, r.code(), r.err());
        NdArray states = Npy.read(out.resolve("hidden_states.npy"));
        assertEquals(org.attractorlab.app.session.LiveAnalysis.PROBE_TRIALS, states.shape()[0],
                "the trials of the app's live analysis");
        var saved = org.attractorlab.core.run.SavedSession.read(run);
        var app = Probe.states(saved.experiment().network(),
                Probe.batch(saved.experiment(), org.attractorlab.app.session.LiveAnalysis.PROBE_TRIALS));
        float[] cli = states.floats();
        assertArrayEquals(app.states(), cli, "the states the app's panes analyse");
    }

    @Test
    void externalStatesAreAnalysedWithoutANetwork() throws IOException {
        Path out = tmp.resolve("external");
        Path src = tmp.resolve("analysis-src");
        TrainCommandTest.Result first = TrainCommandTest.cli("analyze", run.toString(), "--out", src.toString(),
                "--trials", "32", "--only", "pca");
        assertEquals(0, first.code(), first.err());
        TrainCommandTest.Result r = TrainCommandTest.cli("analyze", "--states", src.resolve("hidden_states.npy").toString(),
                "--conditions", src.resolve("conditions.csv").toString(), "--out", out.toString(),
                "--only", "pca,rsa,angles");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isRegularFile(out.resolve("rdm.npy")));
        assertTrue(Files.isRegularFile(out.resolve("subspace_angles.csv")));
    }

    @Test
    void analyzeRefusesAMissingCheckpointAndABadWindowWithClearMessages() {
        TrainCommandTest.Result cp = TrainCommandTest.cli("analyze", run.toString(), "--checkpoint", "123",
                "--out", tmp.resolve("x").toString());
        assertEquals(2, cp.code());
        assertTrue(cp.err().contains("no checkpoint at step 123") && cp.err().contains("250"), cp.err());
        TrainCommandTest.Result w = TrainCommandTest.cli("analyze", run.toString(), "--only", "rsa", "--rsa-window",
                "90:20", "--out", tmp.resolve("y").toString());
        assertEquals(2, w.code());
        assertTrue(w.err().contains("--rsa-window"), w.err());
    }

    @Test
    void aNetworkComparedWithItselfHasCkaOneAndProcrustesDistanceZero() {
        TrainCommandTest.Result r = TrainCommandTest.cli("compare", run.toString(), run.toString(), "--trials", "32");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("linear CKA            1.0000"), r.out());
        assertTrue(r.out().contains("Procrustes distance   0.0000"), r.out());
    }

    @Test
    void compareWritesTheSimilarityOfAWindowAndRefusesAWindowOutsideTheTrials() throws IOException {
        Path csv = tmp.resolve("compare.csv");
        TrainCommandTest.Result r = TrainCommandTest.cli("compare", run.toString(), run.toString(), "--trials", "16",
                "--window", "50:100", "--out", csv.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("run_a,run_b,trials,from_step,to_step,linear_cka,procrustes_distance,procrustes_angle",
                lines.get(0));
        String[] row = lines.get(1).split(",");
        assertEquals(List.of("16", "50", "100"), List.of(row[2], row[3], row[4]));
        assertEquals(1.0, Double.parseDouble(row[5]), 1e-9, "a network is its own twin");
        assertEquals(0.0, Double.parseDouble(row[6]), 1e-6);
        TrainCommandTest.Result bad = TrainCommandTest.cli("compare", run.toString(), run.toString(), "--trials", "16",
                "--window", "50:101");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--window = '50:101' is not allowed: use FROM:TO with 0 <= FROM < TO <= 100"),
                bad.err());
    }

    /** The hidden states of 32 probe trials, and a conditions file {@code csv} with one row per trial. */
    static Path externalStates(String name, String header, java.util.function.IntFunction<String> row)
            throws IOException {
        Path src = tmp.resolve(name);
        TrainCommandTest.Result first = TrainCommandTest.cli("analyze", run.toString(), "--out", src.toString(),
                "--trials", "32", "--only", "pca");
        assertEquals(0, first.code(), first.err());
        StringBuilder csv = new StringBuilder(header).append('\n');
        for (int i = 0; i < 32; i++) {
            csv.append(row.apply(i)).append('\n');
        }
        Files.writeString(src.resolve("conditions.csv"), csv);
        return src;
    }

    /** analyze --only decode of external states into {@code out}, with the decoder and targets given. */
    static TrainCommandTest.Result decodeExternal(Path src, Path out, String targets, String decoder) {
        return TrainCommandTest.cli("analyze", "--states", src.resolve("hidden_states.npy").toString(),
                "--conditions", src.resolve("conditions.csv").toString(), "--out", out.toString(), "--only", "decode",
                "--decode-targets", targets, "--decoder", decoder);
    }

    @Test
    void aTargetTheDecodingStudyRefusesIsSkippedWithTheStudysMessage() throws IOException {
        // bit0 constant, bit1 of one trial in class 1, bit2 balanced
        Path src = externalStates("refused-src", "bit0,bit1,bit2", i -> "1," + (i == 0 ? 1 : 0) + "," + i % 2);
        TrainCommandTest.Result constant = decodeExternal(src, tmp.resolve("constant"), "bit0", "logistic");
        assertEquals(2, constant.code(), constant.out());
        assertTrue(constant.err().contains("decode: skipped 'bit0': 'bit0' is 1 in all 32 trials: a constant target "
                + "cannot be decoded. Choose another target."), constant.err());
        assertTrue(constant.err().contains("none of the targets [bit0] could be decoded"), constant.err());

        Path out = tmp.resolve("few-per-class");
        TrainCommandTest.Result few = decodeExternal(src, out, "bit1,bit2", "logistic");
        assertEquals(0, few.code(), few.err());
        assertTrue(few.err().contains("decode: skipped 'bit1': too few trials of a class for 5-fold decoding: "
                + "bit1 = 1 has 1 trial of 32; every class needs at least 2."), few.err());
        List<String> rows = Files.readAllLines(out.resolve("decoding.csv"));
        assertTrue(rows.size() > 1 && rows.stream().skip(1).allMatch(l -> l.startsWith("bit2,logistic,")),
                "only bit2 is decoded: " + rows.subList(0, Math.min(3, rows.size())));
    }

    @Test
    void aClassifierOnAContinuousColumnIsSkippedWithTheStudysMessage() throws IOException {
        Path src = externalStates("continuous-src", "speed,bit2", i -> (0.5 + i * 0.25) + "," + i % 2);
        TrainCommandTest.Result r = decodeExternal(src, tmp.resolve("continuous"), "speed,bit2", "svm");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("decode: skipped 'speed': 'speed' is continuous (32 distinct values): svm needs "
                + "class labels. Use ridge (or auto)."), r.err());
    }

    @Test
    void theDecoderStrideDefaultsToTheStudysAndTheModelRdmCanBeSwitchedOff() throws IOException {
        Path out = tmp.resolve("defaults");
        TrainCommandTest.Result r = TrainCommandTest.cli("analyze", run.toString(), "--out", out.toString(),
                "--trials", "32", "--only", "rsa,decode", "--decode-targets", "bit0");
        assertEquals(0, r.code(), r.err());
        List<String> rows = Files.readAllLines(out.resolve("decoding.csv"));
        java.util.TreeSet<Integer> trainSteps = new java.util.TreeSet<>();
        rows.stream().skip(1).forEach(l -> trainSteps.add(Integer.parseInt(l.split(",")[3])));
        assertEquals(List.of(0, 4, 8), trainSteps.stream().limit(3).toList(), "ceil(100 / 25) = 4 steps apart");
        assertEquals(25, trainSteps.size());
        List<String> comparison = Files.readAllLines(out.resolve("rsa_comparison.csv"));
        assertTrue(comparison.get(1).startsWith("bit0,kendall-tau-a,"), "the first condition column: " + comparison);

        Path none = tmp.resolve("no-model");
        r = TrainCommandTest.cli("analyze", run.toString(), "--out", none.toString(), "--trials", "32",
                "--only", "rsa", "--rsa-model", "none");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isRegularFile(none.resolve("rdm.npy")));
        assertTrue(!Files.exists(none.resolve("rsa_comparison.csv")), "no model RDM, no comparison");
    }
}
