package org.attractorlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.attractorlab.core.io.NdArray;
import org.attractorlab.core.io.Npy;
import org.attractorlab.core.sweep.LocalSweep;
import org.attractorlab.core.sweep.SweepDirectory;
import org.attractorlab.core.sweep.SweepPlan;
import org.attractorlab.core.sweep.SweepSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compare on N runs and on sweeps: the degeneracy study's files, options and refusals. */
class CompareDegeneracyTest {
    /** 2 sizes x 2 seeds of flip-flop networks, 100 training steps each. */
    static final String SIZES = "{\"base\": \"flipflop-3bit\", \"grid\": {\"model.hidden_size\": [16, 32]}, "
            + "\"seeds\": [1, 2], \"set\": {\"training.steps\": 100, \"training.checkpoint_every\": 0}}";
    /** Four tiny runs; the second learning rate and gain make two of them diverge. */
    static final String FAILING = "{\"base\": \"flipflop-3bit\", \"zip\": {\"training.learning_rate\": [0.01, 1e6], "
            + "\"model.gain\": [1.0, 50.0]}, \"seeds\": [1, 2], \"set\": {\"model.hidden_size\": 8, "
            + "\"training.steps\": 25, \"training.checkpoint_every\": 0, \"task.trial_steps\": 30}}";

    @TempDir
    static Path tmp;
    static SweepDirectory sizes;
    static SweepDirectory failing;

    static SweepDirectory train(String name, String spec) throws Exception {
        SweepDirectory s = SweepDirectory.prepare(tmp.resolve(name), SweepPlan.of(SweepSpec.parse(spec, null)));
        LocalSweep.run(s, 2, p -> { }, new AtomicBoolean());
        return s;
    }

    @BeforeAll
    static void trainTheSweeps() throws Exception {
        sizes = train("sizes", SIZES);
        failing = train("failing", FAILING);
    }

    private static Path run(int i) {
        return sizes.runDir(sizes.plan().points().get(i));
    }

    private static double[] matrix(Path out, String measure, int n) throws IOException {
        NdArray a = Npy.read(out.resolve("distances_" + measure + ".npy"));
        assertArrayEquals(new int[]{n, n}, a.shape(), measure);
        return a.doubles();
    }

    @Test
    void compareOnASweepComputesAllFourLevelsAndGroupByWritesOneScorePerGroupAndLevel() throws IOException {
        Path out = tmp.resolve("all-levels");
        TrainCommandTest.Result r = TrainCommandTest.cli("compare", sizes.dir().toString(), "--out", out.toString(),
                "--group-by", "model.hidden_size");
        assertEquals(0, r.code(), r.err());
        for (String m : List.of("behaviour", "dynamics", "representation_cka", "representation_procrustes")) {
            double[] d = matrix(out, m, 4);
            assertEquals(0, d[0], 0, m + " diagonal");
            assertTrue(d[1] > 0 && d[1] == d[4], m + " symmetric, seeds differ: " + d[1]);
            assertTrue(Files.isRegularFile(out.resolve("mds_" + m + ".csv")), m);
        }
        double[] rdm = matrix(out, "representation_rdm", 4);
        assertEquals(0, rdm[0], 0, "RDM diagonal");
        assertTrue(rdm[1] >= 0 && rdm[1] <= 2 && rdm[1] == rdm[4], "RDM distances symmetric, in [0, 2]: " + rdm[1]);
        double[] w = matrix(out, "weights", 4);
        assertTrue(Double.isNaN(w[2]), "16 and 32 units have no weight distance");
        assertTrue(w[1] > 0, "two seeds of 16 units");
        List<String> networks = Files.readAllLines(out.resolve("networks.csv"));
        assertEquals("index,run,model.hidden_size,seed", networks.get(0));
        assertEquals(5, networks.size());
        assertTrue(networks.get(1).startsWith("0,0000-") && networks.get(1).endsWith(",16,1"), networks.get(1));
        List<String> scores = Files.readAllLines(out.resolve("degeneracy.csv"));
        assertEquals("model.hidden_size,level,score,spread,n,pairs", scores.get(0));
        for (String group : List.of("16", "32")) {
            for (String m : List.of("behaviour", "dynamics", "representation_cka", "representation_procrustes",
                    "representation_rdm", "weights")) {
                long rows = scores.stream().filter(l -> l.startsWith(group + "," + m + ",") && l.endsWith(",2,1"))
                        .count();
                assertEquals(1, rows, group + " " + m + ": " + scores);
            }
        }
        assertEquals(1 + 6 + 12, scores.size());
    }

    @Test
    void compareOnASweepWritesTheChosenLevelsAndAnOodBehaviourMatrix() throws IOException {
        Path out = tmp.resolve("three-levels");
        TrainCommandTest.Result r = TrainCommandTest.cli("compare", sizes.dir().toString(), "--out", out.toString(),
                "--levels", "behaviour,representation,weights", "--group-by", "model.hidden_size", "--ood-set",
                "task.trial_steps=150", "--trials", "32");
        assertEquals(0, r.code(), r.err());
        assertFalse(Files.exists(out.resolve("distances_dynamics.npy")), "dynamics was not asked for");
        double[] shared = matrix(out, "behaviour", 4);
        double[] ood = matrix(out, "behaviour_ood", 4);
        assertTrue(ood[1] > 0 && ood[1] != shared[1], "another batch: " + ood[1] + " vs " + shared[1]);
        assertFalse(Files.exists(out.resolve("mds_weights.csv")), "weights compare within the sizes only");
        assertTrue(r.out().contains("4 networks: 0000-"), r.out());
        assertTrue(r.out().matches("(?s).*behaviour_ood\\s+16\\s+[0-9.]+\\s+0\\.0000\\s+2\\s+1\\n.*"), r.out());
        assertTrue(r.out().contains("Wrote:") && r.out().contains("degeneracy.csv"), r.out());
    }

    @Test
    void failedRunsOfASweepAreLeftOutAndListed() throws IOException {
        Path out = tmp.resolve("failing-out");
        TrainCommandTest.Result r = TrainCommandTest.cli("compare", failing.dir().toString(), "--levels",
                "behaviour,representation,weights", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("left out 2 runs that are not done:\n  0002-"), r.out());
        assertTrue(r.out().contains("(failed: "), r.out());
        assertEquals(3, Files.readAllLines(out.resolve("networks.csv")).size(), "the two done runs");
        matrix(out, "weights", 2);
    }

    @Test
    void maxValLossComparesOnlyTheRunsThatFittedAndListsTheOthersWithTheirLoss() throws IOException {
        // the bound between the two lowest and the two highest validation losses of the sweep's four runs
        List<Double> losses = sizes.plan().points().stream()
                .map(p -> sizes.record(p).summary().get("validation_loss")).toList();
        List<Double> sorted = losses.stream().sorted().toList();
        assertTrue(sorted.get(1) < sorted.get(2), "four distinct losses: " + losses);
        double bound = (sorted.get(1) + sorted.get(2)) / 2;
        Path out = tmp.resolve("fitted");
        TrainCommandTest.Result r = TrainCommandTest.cli("compare", sizes.dir().toString(), "--levels",
                "representation", "--max-val-loss", Double.toString(bound), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("left out 2 runs that did not fit:\n  "), r.out());
        List<String> networks = Files.readAllLines(out.resolve("networks.csv"));
        assertEquals(3, networks.size(), "the two runs below the bound: " + networks);
        for (int i = 0; i < 4; i++) {
            String name = sizes.plan().points().get(i).name();
            boolean fitted = losses.get(i) < bound;
            assertEquals(fitted, networks.stream().anyMatch(l -> l.contains("," + name + ",")), name);
            assertEquals(!fitted, r.out().contains("  " + name + " (not fitted: validation loss "), r.out());
        }
        matrix(out, "representation_cka", 2);

        TrainCommandTest.Result bad = TrainCommandTest.cli("compare", sizes.dir().toString(), "--max-val-loss", "-1");
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("degeneracy.max_val_loss = -1.0 is not allowed: use a positive validation "
                + "loss"), bad.err());
        TrainCommandTest.Result none = TrainCommandTest.cli("compare", sizes.dir().toString(), "--levels",
                "representation", "--max-val-loss", Double.toString(sorted.get(0) / 2));
        assertEquals(2, none.code(), none.out());
        assertTrue(none.out().startsWith("left out 4 runs that did not fit:"), none.out());
        assertTrue(none.err().contains("at least two networks"), none.err());
    }

    @Test
    void nRunDirectoriesAreComparedAndTheScoresPrintedWithoutOut() {
        TrainCommandTest.Result r = TrainCommandTest.cli("compare", run(0).toString(), run(1).toString(),
                run(0).toString(), "--levels", "behaviour,weights", "--trials", "16");
        assertEquals(0, r.code(), r.err());
        String a = run(0).getFileName().toString();
        assertTrue(r.out().startsWith("3 networks: " + a + ", " + run(1).getFileName() + ", " + a), r.out());
        assertTrue(r.out().matches("(?s).*\\nbehaviour\\s+[0-9.]+\\s+[0-9.]+\\s+3\\s+3\\n.*"), r.out());
        assertFalse(r.out().contains("Wrote"), r.out());
    }

    @Test
    void twoRunsWithAnOutputDirectoryGetTheStudysFilesAndWithoutOneTodaysScores() throws IOException {
        Path out = tmp.resolve("two-runs");
        TrainCommandTest.Result r = TrainCommandTest.cli("compare", run(0).toString(), run(1).toString(), "--out",
                out.toString(), "--levels", "representation", "--trials", "16");
        assertEquals(0, r.code(), r.err());
        matrix(out, "representation_cka", 2);
        TrainCommandTest.Result pair = TrainCommandTest.cli("compare", run(0).toString(), run(1).toString(),
                "--trials", "16");
        assertEquals(0, pair.code(), pair.err());
        assertTrue(pair.out().startsWith("linear CKA            0."), pair.out());
        assertTrue(pair.out().contains("Procrustes distance   "), pair.out());
    }

    @Test
    void badInputsAreRefusedWithUserMessages() {
        TrainCommandTest.Result one = TrainCommandTest.cli("compare", run(0).toString());
        assertEquals(2, one.code());
        assertTrue(one.err().contains("degeneracy needs at least two networks, got one (" + run(0).getFileName()
                + ")"), one.err());
        TrainCommandTest.Result sizesDiffer = TrainCommandTest.cli("compare", run(0).toString(), run(2).toString(),
                "--levels", "weights");
        assertEquals(2, sizesDiffer.code());
        assertTrue(sizesDiffer.err().contains("has 16 units (vanilla) and ") && sizesDiffer.err().contains(
                " has 32 units (vanilla)"), sizesDiffer.err());
        TrainCommandTest.Result level = TrainCommandTest.cli("compare", sizes.dir().toString(), "--levels",
                "behavior");
        assertEquals(2, level.code());
        assertTrue(level.err().contains("'behavior' is not a level; use behaviour, dynamics, representation, "
                + "weights"), level.err());
        TrainCommandTest.Result mixed = TrainCommandTest.cli("compare", sizes.dir().toString(), run(0).toString());
        assertEquals(2, mixed.code());
        assertTrue(mixed.err().contains("give one sweep directory or run directories, not both"), mixed.err());
        TrainCommandTest.Result window = TrainCommandTest.cli("compare", sizes.dir().toString(), "--window", "0:10");
        assertEquals(2, window.code());
        assertTrue(window.err().contains("--window applies to the comparison of two runs"), window.err());
        TrainCommandTest.Result ood = TrainCommandTest.cli("compare", sizes.dir().toString(), "--levels", "behaviour",
                "--ood-set", "seed=3");
        assertEquals(2, ood.code());
        assertTrue(ood.err().contains("degeneracy.ood = 'seed=3' is not allowed"), ood.err());
    }

    @Test
    void alignedPcaWritesBothRunsTrajectoriesInTheFirstRunsBasisAndExportDrawsThePair() throws IOException {
        Path out = tmp.resolve("aligned");
        TrainCommandTest.Result r = TrainCommandTest.cli("compare", run(0).toString(), run(2).toString(),
                "--aligned-pca", "--out", out.toString(), "--trials", "32");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith(run(2).getFileName() + " aligned to " + run(0).getFileName()
                + " in 16 PC dimensions: residual "), r.out());
        java.util.Map<String, NdArray> z = org.attractorlab.core.io.Npz.read(out.resolve("aligned_pca.npz"));
        int[] shape = z.get("a").shape();
        assertEquals(32, shape[0]);
        assertEquals(3, shape[2]);
        assertArrayEquals(shape, z.get("b").shape());
        assertEquals(16, z.get("aligned_dimensions").ints()[0], "k: the smaller network's 16 units");
        double residual = z.get("residual").doubles()[0];
        assertTrue(residual > 1e-3 && residual < 1.5, "two networks of other sizes and seeds: " + residual);
        assertEquals(33, Files.readAllLines(out.resolve("aligned_pca_conditions.csv")).size(), "one row per trial");

        Path self = tmp.resolve("aligned-self");
        assertEquals(0, TrainCommandTest.cli("compare", run(1).toString(), run(1).toString(), "--aligned-pca",
                "--out", self.toString(), "--trials", "16").code());
        java.util.Map<String, NdArray> same = org.attractorlab.core.io.Npz.read(self.resolve("aligned_pca.npz"));
        assertEquals(0, same.get("residual").doubles()[0], 1e-4, "a run against itself");

        Path png = tmp.resolve("pair.png");
        TrainCommandTest.Result e = TrainCommandTest.cli("export", run(0).toString(), "--figure", "aligned-pair",
                "--with", run(2).toString(), "--trials", "16", "--out", png.toString());
        assertEquals(0, e.code(), e.err());
        assertTrue(Files.size(png) > 1000, "a picture");
        e = TrainCommandTest.cli("export", run(0).toString(), "--figure", "aligned-pair", "--out",
                tmp.resolve("none.png").toString());
        assertEquals(2, e.code());
        assertTrue(e.err().contains("--figure aligned-pair needs --with RUN_B"), e.err());
        r = TrainCommandTest.cli("compare", run(0).toString(), "--aligned-pca", "--out", tmp.resolve("one").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--aligned-pca aligns two runs"), r.err());
    }
}
