package org.attractorlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.attractorlab.core.sweep.SweepDirectory;
import org.attractorlab.core.sweep.SweepSeries;
import org.attractorlab.core.sweep.SweepSeriesTest;
import org.attractorlab.core.sweep.SweepSummary;
import org.attractorlab.figure.SweepChart;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export SWEEP_DIR --figure sweep}: the plot of the app's sweep window, headless. */
class ExportSweepTest {
    @TempDir
    static Path tmp;
    static SweepDirectory sweep;

    @BeforeAll
    static void generatedSweep() throws Exception {
        // loss = hidden / 100 + lr + seed / 1000; run 1 failed
        sweep = SweepSeriesTest.sizesAndRates(tmp.resolve("sweep"), false);
    }

    @Test
    void writesAPngAndAPdfWhoseDataAreTheSweepSeries() throws Exception {
        Path png = tmp.resolve("loss.png");
        TrainCommandTest.Result r = TrainCommandTest.cli("export", sweep.dir().toString(), "--figure", "sweep", "--x",
                "model.hidden_size", "--y", "final_loss", "--series", "training.learning_rate", "--out",
                png.toString(), "--width", "300", "--height", "240", "--dpi", "96");
        assertEquals(0, r.code(), r.err());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(400, img.getWidth());
        assertEquals(320, img.getHeight());
        Path pdf = tmp.resolve("loss.pdf");
        r = TrainCommandTest.cli("export", sweep.dir().toString(), "--figure", "sweep", "--x", "model.hidden_size",
                "--y", "final_loss", "--series", "training.learning_rate", "--out", pdf.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(pdf, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("%PDF-"));

        SweepSeries drawn = ExportCommand.sweepSeries(sweep.dir(), "model.hidden_size", "final_loss",
                "training.learning_rate");
        SweepSeries expected = SweepSeries.of(SweepSummary.table(sweep), "model.hidden_size", "final_loss",
                "training.learning_rate");
        assertEquals(expected, drawn);
        YIntervalSeriesCollection d = SweepChart.dataset(drawn);
        assertEquals(2, d.getSeriesCount());
        assertEquals("training.learning_rate = 0.01", d.getSeriesKey(0));
        // x = 16, lr 0.01: seeds 1 and 3 (seed 2 failed): mean 0.172, se 0.001
        assertEquals(16, d.getXValue(0, 1), 0);
        assertEquals(0.172, d.getYValue(0, 1), 1e-12);
        assertEquals(0.171, d.getStartYValue(0, 1), 1e-12);
        assertEquals(0.173, d.getEndYValue(0, 1), 1e-12);
    }

    @Test
    void aSweepDirForOtherFiguresARunDirForTheSweepFigureAndUnknownNamesAreRefused() throws Exception {
        TrainCommandTest.Result r = TrainCommandTest.cli("export", sweep.dir().toString(), "--figure", "loss",
                "--out", tmp.resolve("x.png").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("is a sweep directory; --figure loss draws one run"), r.err());
        Path run = sweep.runDir(sweep.plan().points().get(0));
        r = TrainCommandTest.cli("export", run.toString(), "--figure", "sweep", "--x", "seed", "--y", "final_loss",
                "--out", tmp.resolve("x.png").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("is not a sweep directory"), r.err());
        r = TrainCommandTest.cli("export", sweep.dir().toString(), "--figure", "sweep", "--x", "hidden_size", "--y",
                "final_loss", "--out", tmp.resolve("x.png").toString());
        assertTrue(r.err().contains("its axes are [model.hidden_size, training.learning_rate, seed]"), r.err());
        r = TrainCommandTest.cli("export", sweep.dir().toString(), "--figure", "sweep", "--x", "seed", "--y", "loss",
                "--out", tmp.resolve("x.png").toString());
        assertTrue(r.err().contains("its columns are [final_loss]"), r.err());
        r = TrainCommandTest.cli("export", sweep.dir().toString(), "--figure", "sweep", "--x", "seed",
                "--out", tmp.resolve("x.png").toString());
        assertTrue(r.err().contains("needs --y COLUMN; the summary columns are [final_loss]"), r.err());
        assertTrue(!Files.exists(tmp.resolve("x.png")), "nothing written");
    }
}
