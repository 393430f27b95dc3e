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
}
