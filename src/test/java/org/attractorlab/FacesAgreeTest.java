package org.attractorlab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import javafx.beans.property.SimpleObjectProperty;
import org.attractorlab.app.fx.FrameDrain;
import org.attractorlab.app.panes.angles.AnglesViewModel;
import org.attractorlab.app.panes.decoding.DecodingViewModel;
import org.attractorlab.app.panes.fixedpoints.FixedPointsViewModel;
import org.attractorlab.app.panes.rsa.RsaViewModel;
import org.attractorlab.app.selection.SelectionModel;
import org.attractorlab.app.session.AnalysisFrame;
import org.attractorlab.app.session.AnalysisHub;
import org.attractorlab.app.session.SessionViewModel;
import org.attractorlab.cli.Cli;
import org.attractorlab.cli.ExportCommand;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.analysis.fixedpoint.FixedPointResult;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.Experiment;
import org.attractorlab.core.io.Csv;
import org.attractorlab.core.io.NdArray;
import org.attractorlab.core.io.Npy;
import org.attractorlab.core.run.SavedSession;
import org.attractorlab.core.run.TrainedRun;
import org.attractorlab.core.study.AnglesStudy;
import org.attractorlab.core.study.Columns;
import org.attractorlab.core.study.DecodingStudy;
import org.attractorlab.core.study.FixedPointStudy;
import org.attractorlab.core.study.OodStudy;
import org.attractorlab.core.study.PcaStudy;
import org.attractorlab.core.study.Probe;
import org.attractorlab.core.study.RsaStudy;
import org.attractorlab.figure.FixedPointOverlay;
import org.attractorlab.figure.OodChart;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYDataset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every face gives the same numbers for the same run and default settings: (a) the files of {@code analyze},
 * (b) the study called directly on the probe states, (c) the data of {@code export}'s figure, (d) the app's pane
 * (its view model on the frame the app computes for the opened run).
 */
class FacesAgreeTest {
    /** PCA of 3 and of 10 components share their first 3 up to rounding of the eigensolver. */
    private static final double PCA_TOLERANCE = 1e-9;

    @TempDir
    static Path tmp;
    static Face flipFlop;
    static Face evidence;

    /** A trained run, its analyze output with every default, its probe states and the app's session on it. */
    record Face(Path run, Path analysis, TrainedRun trained, HiddenStates states, FrameDrain drain,
                SessionViewModel session, AnalysisHub hub, AnalysisFrame frame) {
        int step() throws IOException {
            return trained.trainedStep();
        }

        void dispose() {
            hub.dispose();
            session.dispose();
        }
    }

    static String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, String.join(" ", args) + ": " + err + out);
        return out.toString();
    }

    /** Trains {@code sample} for 50 steps, analyses it with analyze's defaults and opens it as the app does. */
    static Face face(String sample, String name, String... analyze) throws Exception {
        Path run = tmp.resolve(name);
        cli("train", "samples/" + sample + ".json", "--out", run.toString(), "--quiet", "--set", "training.steps=50",
                "--set", "model.hidden_size=16");
        Path analysis = tmp.resolve(name + "-analysis");
        List<String> args = new ArrayList<>(List.of("analyze", run.toString(), "--out", analysis.toString()));
        args.addAll(List.of(analyze));
        cli(args.toArray(String[]::new));
        TrainedRun trained = TrainedRun.open(run, null);
        HiddenStates h = Probe.states(trained, Probe.TRIALS, false);
        FrameDrain drain = new FrameDrain();
        SavedSession saved = SavedSession.read(run);
        SessionViewModel session = new SessionViewModel(saved.experiment().config(), drain, 25);
        AnalysisHub hub = new AnalysisHub(session, drain, Runnable::run);
        session.open(saved);
        await(drain, "the app's first analysis frame", () -> hub.frameProperty().get() != null);
        AnalysisFrame frame = hub.frameProperty().get();
        assertEquals(trained.trainedStep(), frame.step());
        assertArrayEquals(h.states(), frame.states().states(), "the pane analyses the probe states");
        return new Face(run, analysis, trained, h, drain, session, hub, frame);
    }

    @BeforeAll
    static void trainAndAnalyse() throws Exception {
        flipFlop = face("flipflop-3bit", "ff");
        evidence = face("evidence-multitask", "ev", "--only", "decode");
    }

    @AfterAll
    static void dispose() {
        for (Face f : new Face[]{flipFlop, evidence}) {
            if (f != null) {
                f.dispose();
            }
        }
    }

    static void await(FrameDrain drain, String what, BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + 60_000_000_000L;
        drain.drainNow();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
            drain.drainNow();
        }
    }

    /** The rows of a CSV file written by analyze, without the header, split into fields (quotes removed). */
    static List<String[]> rows(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String[]> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> fields = new ArrayList<>();
            StringBuilder f = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = !quoted;
                } else if (c == ',' && !quoted) {
                    fields.add(f.toString());
                    f.setLength(0);
                } else {
                    f.append(c);
                }
            }
            fields.add(f.toString());
            out.add(fields.toArray(String[]::new));
        }
        return out;
    }

    static void assertMatrixEquals(double[][] expected, double[][] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": rows");
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i], 0, what + ": row " + i);
        }
    }

    static double[][] square(double[] flat, int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * n, m[i], 0, n);
        }
        return m;
    }

    @Test
    void pcaComponentsAndExplainedVarianceAgreeAcrossFaces() throws Exception {
        HiddenStates h = flipFlop.states();
        int units = h.units();
        // (b) the study with its defaults, and with the three components of the 3D figure
        PcaStudy.Result study = PcaStudy.run(h, PcaStudy.defaultsFor(h));
        PcaStudy.Result three = PcaStudy.run(h, ExportCommand.pca3dSettings(h));
        assertEquals(PcaStudy.DEFAULT_COMPONENTS, study.pca().k());
        // (a) analyze's files
        NdArray components = Npy.read(flipFlop.analysis().resolve("pca_components.npy"));
        assertArrayEquals(new int[]{PcaStudy.DEFAULT_COMPONENTS, units}, components.shape());
        assertArrayEquals(study.pca().components(), components.doubles(), 0, "pca_components.npy");
        List<String[]> variance = rows(flipFlop.analysis().resolve("pca_explained_variance.csv"));
        double[] ratio = variance.stream().mapToDouble(r -> Csv.parseNumber(r[2])).toArray();
        assertArrayEquals(study.pca().explainedVarianceRatio(), ratio, 0, "pca_explained_variance.csv");
        assertArrayEquals(study.projections(),
                Npy.read(flipFlop.analysis().resolve("pca_projections.npy")).floats(), 0, "pca_projections.npy");
        // the first three of ten are the three of the 3D views
        double[] first3 = java.util.Arrays.copyOf(study.pca().components(), 3 * units);
        assertArrayEquals(first3, three.pca().components(), PCA_TOLERANCE, "three of ten components");
        double[] ratio3 = java.util.Arrays.copyOf(study.pca().explainedVarianceRatio(), 3);
        assertArrayEquals(ratio3, three.pca().explainedVarianceRatio(), PCA_TOLERANCE);
        // (c) the export figure's data
        ExportCommand.Pca3dFigure fig = ExportCommand.pca3d(flipFlop.step(), h, three, null);
        assertArrayEquals(three.pca().explainedVarianceRatio(), fig.data().varianceRatio(), 0, "figure's PC ratios");
        float[] scene = new float[h.trials() * h.steps() * 3];
        float[] p = three.projections();
        for (int i = 0; i < h.trials() * h.steps(); i++) {
            fig.data().normalization().toScene(p[3 * i], p[3 * i + 1], p[3 * i + 2], scene, 3 * i);
        }
        assertArrayEquals(scene, fig.data().path(), 0, "the figure draws the study's projections");
        // (d) the pane's frame
        AnalysisFrame frame = flipFlop.frame();
        assertArrayEquals(three.pca().components(), frame.pca().components(), PCA_TOLERANCE, "the 3D pane's PCs");
        assertArrayEquals(three.pca().explainedVarianceRatio(), frame.pca().explainedVarianceRatio(), PCA_TOLERANCE);
        float[] projections = frame.projections();
        for (int i = 0; i < p.length; i++) {
            assertEquals(p[i], projections[i], 1e-4, "projection " + i);
        }
    }

    @Test
    void fixedPointsAgreeAcrossFaces() throws Exception {
        HiddenStates h = flipFlop.states();
        Experiment e = flipFlop.trained().experiment();
        // (b)
        FixedPointStudy.Result study = FixedPointStudy.run(e.network(), h, FixedPointStudy.defaultsFor(e));
        assertEquals(e.config().seed(), study.options().seed(), "seeded by the config");
        FixedPointResult r = study.points();
        assertTrue(r.count() > 0, "the search finds points");
        int n = r.count();
        int units = r.stateSize();
        float[] flat = new float[n * units];
        for (int i = 0; i < n; i++) {
            System.arraycopy(r.points()[i], 0, flat, i * units, units);
        }
        // (a)
        NdArray npy = Npy.read(flipFlop.analysis().resolve("fixed_points.npy"));
        assertArrayEquals(new int[]{n, units}, npy.shape());
        assertArrayEquals(flat, npy.floats(), 0, "fixed_points.npy");
        List<String[]> csv = rows(flipFlop.analysis().resolve("fixed_points.csv"));
        assertEquals(n, csv.size());
        for (int i = 0; i < n; i++) {
            assertEquals(r.q()[i], Csv.parseNumber(csv.get(i)[1]), 0, "q of point " + i);
            assertEquals(r.stable()[i] ? "1" : "0", csv.get(i)[2], "stability of point " + i);
        }
        // (c)
        PcaStudy.Result pca = PcaStudy.run(h, ExportCommand.pca3dSettings(h));
        ExportCommand.FixedPointFigure fig = ExportCommand.fixedPoints(flipFlop.step(), h, study, pca);
        FixedPointOverlay overlay = fig.points();
        assertEquals(n, overlay.count());
        for (int i = 0; i < n; i++) {
            double[] expected = pca.pca().project(toDoubles(r.points()[i]));
            for (int c = 0; c < 3; c++) {
                assertEquals(expected[c], overlay.projected()[i][c], 1e-5, "point " + i + " on PC" + (c + 1));
            }
            assertEquals(r.stable()[i], overlay.stable()[i]);
        }
        assertEigenvaluesEqual(r, fig.allEigenvalues());
        // (d) the fixed-points pane searches the app's frame with its default settings
        SelectionModel selection = new SelectionModel();
        FixedPointsViewModel vm = new FixedPointsViewModel(flipFlop.session(), flipFlop.hub(), selection,
                flipFlop.drain(), Runnable::run);
        try {
            flipFlop.drain().drainNow();
            if (vm.resultProperty().get() == null) {
                assertTrue(vm.find(), vm.errorProperty().get());
            }
            await(flipFlop.drain(), "the pane's search", () -> vm.resultProperty().get() != null
                    && !vm.busyProperty().get());
            FixedPointResult pane = vm.resultProperty().get();
            assertEquals(n, pane.count(), "the pane finds as many points");
            for (int i = 0; i < n; i++) {
                assertArrayEquals(r.points()[i], pane.points()[i], 0, "the pane's point " + i);
            }
            assertEigenvaluesEqual(r, vm.allEigenvalues());
        } finally {
            vm.dispose();
        }
    }

    static double[] toDoubles(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    static void assertEigenvaluesEqual(FixedPointResult r, DefaultXYDataset all) {
        List<Double> re = new ArrayList<>();
        List<Double> im = new ArrayList<>();
        for (int i = 0; i < r.count(); i++) {
            for (int k = 0; k < r.eigenReal()[i].length; k++) {
                re.add(r.eigenReal()[i][k]);
                im.add(r.eigenImag()[i][k]);
            }
        }
        assertEquals(1, all.getSeriesCount());
        assertEquals(re.size(), all.getItemCount(0), "one item per eigenvalue");
        for (int k = 0; k < re.size(); k++) {
            assertEquals(re.get(k), all.getXValue(0, k), 0, "real part " + k);
            assertEquals(im.get(k), all.getYValue(0, k), 0, "imaginary part " + k);
        }
    }

    @Test
    void rdmAndModelScoreAgreeAcrossFaces() throws Exception {
        HiddenStates h = flipFlop.states();
        // (b)
        RsaStudy.Result study = RsaStudy.run(h, RsaStudy.defaultsFor(h));
        assertEquals("bit0", study.settings().model(), "the model RDM of the first condition column by default");
        double[][] rdm = study.rsa().data().matrix();
        // (a)
        NdArray npy = Npy.read(flipFlop.analysis().resolve("rdm.npy"));
        assertMatrixEquals(rdm, square(npy.doubles(), npy.shape()[0]), "rdm.npy");
        List<String[]> labels = rows(flipFlop.analysis().resolve("rdm_labels.csv"));
        assertEquals(study.rsa().data().labels(), labels.stream().map(r -> r[1]).toList());
        List<String[]> score = rows(flipFlop.analysis().resolve("rsa_comparison.csv"));
        assertEquals("bit0", score.get(0)[0]);
        assertEquals(study.rsa().score(), Csv.parseNumber(score.get(0)[2]), 0, "rsa_comparison.csv");
        // (c)
        ExportCommand.RsaFigure fig = ExportCommand.rsa(flipFlop.step(), h, study);
        assertMatrixEquals(rdm, fig.rdm().values(), "the figure's RDM");
        assertEquals(study.summary(), fig.score(), "the score line under the title");
        assertTrue(fig.score().startsWith("Kendall tau-a vs bit0: "), fig.score());
        // (d)
        RsaViewModel vm = new RsaViewModel(new SimpleObjectProperty<>(flipFlop.frame()), new SelectionModel(),
                flipFlop.drain(), Runnable::run);
        try {
            await(flipFlop.drain(), "the RSA pane", () -> vm.shownProperty().get() != null);
            RsaViewModel.Shown shown = vm.shownProperty().get();
            assertMatrixEquals(rdm, shown.result().data().matrix(), "the pane's RDM");
            assertMatrixEquals(rdm, shown.heatmap().values(), "the pane's heatmap");
            assertEquals(study.rsa().score(), shown.result().score(), 0, "the pane's score");
            assertEquals(study.summary(), shown.score());
        } finally {
            vm.dispose();
        }
    }

    @Test
    void subspaceAnglesAgreeAcrossFaces() throws Exception {
        HiddenStates h = flipFlop.states();
        // (b)
        AnglesStudy.Result study = AnglesStudy.run(h, AnglesStudy.defaultsFor(h));
        int n = study.angles().groupCount();
        double[][] mean = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                mean[i][j] = study.meanDegrees(i, j);
            }
        }
        // (a)
        List<String[]> csv = rows(flipFlop.analysis().resolve("subspace_angles.csv"));
        assertEquals(n * n, csv.size());
        double[][] file = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                String[] row = csv.get(i * n + j);
                assertEquals(study.labels().get(i), row[0]);
                assertEquals(study.labels().get(j), row[1]);
                file[i][j] = Csv.parseNumber(row[2]);
            }
        }
        assertMatrixEquals(mean, file, "subspace_angles.csv");
        // (c)
        ExportCommand.AnglesFigure fig = ExportCommand.angles(flipFlop.step(), h, study);
        assertMatrixEquals(mean, fig.matrix().values(), "the figure's angle matrix");
        // (d)
        AnglesViewModel vm = new AnglesViewModel(new SimpleObjectProperty<>(flipFlop.frame()), new SelectionModel(),
                flipFlop.drain(), Runnable::run);
        try {
            await(flipFlop.drain(), "the angles pane", () -> vm.shownProperty().get() != null);
            AnglesViewModel.Shown shown = vm.shownProperty().get();
            assertEquals(study.labels(), shown.labels());
            assertMatrixEquals(mean, shown.heatmap().values(), "the pane's angle matrix");
        } finally {
            vm.dispose();
        }
    }

    @Test
    void delayedDiscriminationGroupsAnglesByAColumnWithTwoValuesInEveryFace() throws Exception {
        Experiment e = Experiment.create(ConfigLoader.standard().fromOverrides(List.of(
                "task.name=delayed-discrimination", "model.hidden_size=16")));
        HiddenStates h = Probe.states(e, Probe.TRIALS);
        String group = Columns.groupColumn(h.conditions());
        assertEquals("f1_greater", group);
        assertEquals(2, Columns.distinct(h.conditions(), group));
        AnglesStudy.Result study = AnglesStudy.run(h, AnglesStudy.defaultsFor(h));
        assertEquals(group, study.settings().groupColumn());
        assertEquals(2, study.angles().groupCount());
        FrameDrain drain = new FrameDrain();
        AnglesViewModel vm = new AnglesViewModel(new SimpleObjectProperty<>(new AnalysisFrame(0, true, h, null, null,
                0)), new SelectionModel(), drain, Runnable::run);
        try {
            await(drain, "the angles pane", () -> vm.shownProperty().get() != null);
            assertEquals(group, vm.groupColumnProperty().get());
            assertEquals(study.labels(), vm.shownProperty().get().labels());
        } finally {
            vm.dispose();
        }
    }

    @Test
    void crossTemporalDecodingAgreesAcrossFacesWithTheSameStride() throws Exception {
        HiddenStates h = flipFlop.states();
        // (b)
        DecodingStudy.Settings defaults = DecodingStudy.defaultsFor(h);
        assertEquals("bit0", defaults.target());
        assertEquals(DecodingStudy.defaultStride(h.steps()), defaults.stride());
        assertEquals(4, defaults.stride(), "ceil(100 / 25)");
        DecodingStudy.Result study = DecodingStudy.run(h, defaults);
        int[] steps = study.decoding().steps();
        double[][] scores = study.decoding().matrix();
        // (a) analyze decodes every default target; bit0's rows are the default target's
        List<String[]> csv = rows(flipFlop.analysis().resolve("decoding.csv")).stream()
                .filter(r -> r[0].equals("bit0")).toList();
        assertEquals(steps.length * steps.length, csv.size());
        TreeMap<Integer, Integer> index = new TreeMap<>();
        for (int i = 0; i < steps.length; i++) {
            index.put(steps[i], i);
        }
        double[][] file = new double[steps.length][steps.length];
        for (String[] r : csv) {
            assertEquals(study.options().type().key(), r[1]);
            Integer i = index.get(Integer.parseInt(r[3]));
            Integer j = index.get(Integer.parseInt(r[4]));
            assertNotNull(i, "train step " + r[3] + " is a decoded step");
            assertNotNull(j, "test step " + r[4] + " is a decoded step");
            file[i][j] = Csv.parseNumber(r[5]);
        }
        assertMatrixEquals(scores, file, "decoding.csv");
        // (c)
        ExportCommand.DecodingFigure fig = ExportCommand.decoding(flipFlop.step(), h, study, null);
        assertMatrixEquals(scores, fig.matrix().values(), "the figure's decoding matrix");
        assertEquals(null, fig.ood(), "no OOD test for a flip-flop");
        // (d)
        DecodingViewModel vm = new DecodingViewModel(new SimpleObjectProperty<>(flipFlop.frame()),
                new SelectionModel(), flipFlop.drain(), Runnable::run);
        try {
            await(flipFlop.drain(), "the decoding pane", () -> vm.shownProperty().get() != null);
            assertEquals(defaults.stride(), vm.strideProperty().get(), "the pane's default stride is analyze's");
            DecodingViewModel.Shown shown = vm.shownProperty().get();
            assertArrayEquals(steps, shown.result().steps());
            assertMatrixEquals(scores, shown.result().matrix(), "the pane's decoding matrix");
        } finally {
            vm.dispose();
        }
    }

    @Test
    void theOodQuadrantTestAgreesAcrossFaces() throws Exception {
        HiddenStates h = evidence.states();
        assertTrue(OodStudy.appliesTo(h.conditions()));
        // (b)
        OodStudy.Result study = OodStudy.run(h, OodStudy.defaultsFor(h));
        var ood = study.ood();
        int quadrants = ood.quadrants().length;
        int latents = ood.latentColumns().size();
        // (a)
        List<String[]> csv = rows(evidence.analysis().resolve("decoding_ood.csv"));
        assertEquals(quadrants * latents, csv.size());
        for (int q = 0; q < quadrants; q++) {
            for (int d = 0; d < latents; d++) {
                String[] r = csv.get(q * latents + d);
                assertEquals((int) ood.quadrants()[q], Integer.parseInt(r[0]));
                assertEquals(ood.latentColumns().get(d), r[1]);
                assertEquals(ood.ood(q, d), Csv.parseNumber(r[2]), 0, "OOD r2");
                assertEquals(ood.inDistribution(q, d), Csv.parseNumber(r[3]), 0, "in-distribution r2");
            }
        }
        // (c)
        DecodingStudy.Result decoding = DecodingStudy.run(h, DecodingStudy.defaultsFor(h));
        ExportCommand.DecodingFigure fig = ExportCommand.decoding(evidence.step(), h, decoding, study);
        assertOodBars(study, fig.ood());
        assertMatrixEquals(decoding.decoding().matrix(), fig.matrix().values(), "the figure's decoding matrix");
        // (d)
        DecodingViewModel vm = new DecodingViewModel(new SimpleObjectProperty<>(evidence.frame()),
                new SelectionModel(), evidence.drain(), Runnable::run);
        try {
            await(evidence.drain(), "the decoding pane's OOD test", () -> vm.oodShownProperty().get() != null
                    && vm.shownProperty().get() != null);
            var pane = vm.oodShownProperty().get().result();
            for (int q = 0; q < quadrants; q++) {
                for (int d = 0; d < latents; d++) {
                    assertEquals(ood.ood(q, d), pane.ood(q, d), 0, "the pane's OOD r2");
                    assertEquals(ood.inDistribution(q, d), pane.inDistribution(q, d), 0);
                }
            }
            assertOodBars(study, vm.oodDataset());
            assertMatrixEquals(decoding.decoding().matrix(), vm.shownProperty().get().result().matrix(),
                    "the pane's decoding matrix");
        } finally {
            vm.dispose();
        }
    }

    static void assertOodBars(OodStudy.Result study, DefaultCategoryDataset bars) {
        var ood = study.ood();
        assertNotNull(bars);
        for (int q = 0; q < ood.quadrants().length; q++) {
            for (int d = 0; d < ood.latentColumns().size(); d++) {
                String category = OodChart.category(ood.latentColumns().get(d), study.quadrantLabels().get(q));
                assertEquals(ood.ood(q, d), bars.getValue(OodChart.OOD_SERIES, category).doubleValue(), 0, category);
                assertEquals(ood.inDistribution(q, d), bars.getValue(OodChart.IN_SERIES, category).doubleValue(), 0);
            }
        }
    }
}
