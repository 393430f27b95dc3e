package org.attractorlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.ImageIO;
import org.attractorlab.core.study.DegeneracyStudy;
import org.attractorlab.core.sweep.LocalSweep;
import org.attractorlab.core.sweep.SweepDirectory;
import org.attractorlab.core.sweep.SweepNetworks;
import org.attractorlab.core.sweep.SweepPlan;
import org.attractorlab.core.sweep.SweepSpec;
import org.attractorlab.figure.DegeneracyCharts;
import org.attractorlab.figure.HeatmapData;
import org.attractorlab.figure.PdfText;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export SWEEP_DIR --figure degeneracy}: the Population tab's figure, headless. */
class ExportDegeneracyTest {
    /** 2 sizes x 2 seeds of tiny flip-flop networks. */
    static final String SPEC = "{\"base\": \"flipflop-3bit\", \"grid\": {\"model.hidden_size\": [8, 12]}, "
            + "\"seeds\": [1, 2], \"set\": {\"training.steps\": 20, \"training.batch_size\": 8, "
            + "\"training.checkpoint_every\": 0, \"task.trial_steps\": 40}}";
    private static final double EXACT = 0;

    @TempDir
    static Path tmp;
    static SweepDirectory sweep;

    @BeforeAll
    static void trainTheSweep() throws Exception {
        sweep = SweepDirectory.prepare(tmp.resolve("sizes"), SweepPlan.of(SweepSpec.parse(SPEC, null)));
        assertEquals(4, LocalSweep.run(sweep, 2, p -> { }, new AtomicBoolean()).progress().done());
    }

    private static DegeneracyStudy.Result study(DegeneracyStudy.Level level, String groupBy) {
        List<DegeneracyStudy.Member> members = SweepNetworks.open(sweep).members();
        return DegeneracyStudy.run(members, DegeneracyStudy.defaultsFor(members).withLevels(EnumSet.of(level))
                .withGroupBy(groupBy).withTrials(16));
    }

    private static void assertMatrix(DegeneracyStudy.MeasureResult expected, HeatmapData drawn) {
        int n = expected.size();
        assertEquals(n, drawn.rows());
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double e = expected.distance(i, j);
                assertEquals(e, drawn.value(i, j), EXACT, "cell " + i + ", " + j);
            }
        }
    }

    @Test
    void writesAPngAndAPdfWhoseMatrixIsTheStudysAndWhoseScoresArePerGroup() throws Exception {
        Path png = tmp.resolve("rep.png");
        TrainCommandTest.Result r = TrainCommandTest.cli("export", sweep.dir().toString(), "--figure", "degeneracy",
                "--level", "representation", "--group-by", "model.hidden_size", "--trials", "16", "--out",
                png.toString(), "--width", "600", "--height", "240", "--dpi", "96");
        assertEquals(0, r.code(), r.err());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(800, img.getWidth());
        assertEquals(320, img.getHeight());

        Path pdf = tmp.resolve("weights.pdf");
        r = TrainCommandTest.cli("export", sweep.dir().toString(), "--figure", "degeneracy", "--level", "weights",
                "--group-by", "model.hidden_size", "--trials", "16", "--out", pdf.toString());
        assertEquals(0, r.code(), r.err());
        byte[] bytes = Files.readAllBytes(pdf);
        assertTrue(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("%PDF-"));
        String text = PdfText.of(bytes);
        assertTrue(text.contains("Distances: weights"), text);
        assertTrue(text.contains("Degeneracy by model.hidden_size"), text);

        StringWriter log = new StringWriter();
        ExportCommand.DegeneracyFigure drawn = ExportCommand.degeneracy(sweep.dir(), "representation",
                "model.hidden_size", List.of(), null, null, 16, new PrintWriter(log));
        DegeneracyStudy.Result expected = study(DegeneracyStudy.Level.REPRESENTATION, "model.hidden_size");
        assertMatrix(expected.measure(DegeneracyStudy.Measure.REPRESENTATION_CKA), drawn.matrix());
        assertEquals(4, drawn.matrix().rows());
        assertEquals(0, drawn.matrix().value(2, 2), EXACT, "a network's distance to itself");
        assertTrue(drawn.matrix().value(0, 1) > 0, "two seeds of a size differ");

        // the weight level compares within a size only: the cross-size cells have no distance
        ExportCommand.DegeneracyFigure weights = ExportCommand.degeneracy(sweep.dir(), "weights",
                "model.hidden_size", List.of(), null, null, 16, new PrintWriter(log));
        assertMatrix(study(DegeneracyStudy.Level.WEIGHTS, "model.hidden_size")
                .measure(DegeneracyStudy.Measure.WEIGHTS), weights.matrix());
        assertTrue(Double.isNaN(weights.matrix().value(0, 2)));

        // one score per size, the error bar its spread
        YIntervalSeriesCollection scores = DegeneracyCharts.scoreDataset(drawn.result(),
                DegeneracyStudy.Measure.REPRESENTATION_CKA);
        assertEquals(List.of("8", "12"), DegeneracyCharts.groups(drawn.result()));
        assertEquals(2, scores.getItemCount(0));
        double d01 = drawn.matrix().value(0, 1);
        assertEquals(d01, scores.getYValue(0, 0), 1e-12, "one pair per size: the score is its distance");
        assertEquals(d01, scores.getEndYValue(0, 0), 1e-12, "and its spread is 0");
    }

    @Test
    void anUnknownLevelListsTheChoicesAndARunDirectoryIsRefused() {
        TrainCommandTest.Result r = TrainCommandTest.cli("export", sweep.dir().toString(), "--figure", "degeneracy",
                "--level", "activity", "--out", tmp.resolve("x.png").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("'activity' is not a level; use one of behaviour, dynamics, representation, "
                + "weights, behaviour_ood, representation_cka, representation_procrustes, representation_rdm"), r.err());
        r = TrainCommandTest.cli("export", sweep.runDir(sweep.plan().points().get(0)).toString(), "--figure",
                "degeneracy", "--out", tmp.resolve("x.png").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("is not a sweep directory"), r.err());
        r = TrainCommandTest.cli("export", sweep.dir().toString(), "--figure", "degeneracy", "--level", "weights",
                "--out", tmp.resolve("x.png").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("the weight level compares networks of one size"), r.err());
    }
}
