package org.attractorlab.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class SweepSeriesTest {
    private static final double EXACT = 1e-12;

    @TempDir
    Path dir;

    /**
     * Writes a record for every run whose loss {@code loss} gives (NaN: no record, the run is pending) and marks run
     * {@code failed} as failed.
     */
    public static SweepDirectory sweep(Path where, String grid, int seeds, ToDoubleFunction<SweepPoint> loss, int failed)
            throws Exception {
        SweepSpec spec = SweepSpec.parse("{\"base\": \"flipflop-3bit\", \"grid\": {" + grid + "}, \"seeds\": " + seeds
                + "}", null);
        SweepDirectory sweep = SweepDirectory.prepare(where, SweepPlan.of(spec));
        for (SweepPoint p : sweep.plan().points()) {
            double v = loss.applyAsDouble(p);
            if (Double.isNaN(v)) {
                continue;
            }
            Path run = Files.createDirectories(sweep.runDir(p));
            boolean fail = p.index() == failed;
            new RunRecord(p.index(), fail ? RunRecord.State.FAILED : RunRecord.State.DONE, fail ? "diverged" : "", 1,
                    "node", Map.of("final_loss", v)).write(run);
        }
        return sweep;
    }

    /**
     * hidden_size [16, 8] x learning_rate [0.01, 0.02] x seeds 1..3, loss = {@link #loss}, run 1 (16, 0.01, seed 2)
     * failed; with {@code pendingRun5} run 5 (16, 0.02, seed 3) has no record.
     */
    public static SweepDirectory sizesAndRates(Path where, boolean pendingRun5) throws Exception {
        return sweep(where, "\"model.hidden_size\": [16, 8], \"training.learning_rate\": [0.01, 0.02]", 3,
                p -> pendingRun5 && p.index() == 5 ? Double.NaN : loss(p), 1);
    }

    /** loss = hidden_size / 100 + learning rate + seed / 1000 (seed 1 in a sweep of one seed, which has no seed axis). */
    private static double loss(SweepPoint p) {
        return Double.parseDouble(p.axes().get("model.hidden_size")) / 100
                + Double.parseDouble(p.axes().get("training.learning_rate"))
                + Double.parseDouble(p.axes().getOrDefault("seed", "1")) / 1000;
    }

    @Test
    void linesPerSeriesValueAverageTheSeedsOfTheDoneRunsWithHandComputedStandardErrors() throws Exception {
        // hidden 16 before 8 in the spec: a numeric x axis is drawn in numeric order; run 1 (16, 0.01, seed 2) fails
        // and run 5 (16, 0.02, seed 3) is pending
        SweepDirectory s = sizesAndRates(dir.resolve("s"), true);
        SweepSeries series = SweepSeries.of(SweepSummary.table(s), "model.hidden_size", "final_loss",
                "training.learning_rate");
        assertTrue(series.numericX());
        assertEquals(List.of("8", "16"), series.xValues());
        assertEquals(List.of("seed"), series.averaged());
        assertEquals(List.of("0.01", "0.02"), series.lines().stream().map(SweepSeries.Line::value).toList());

        SweepSeries.Line lr1 = series.lines().get(0);
        // x = 8, lr 0.01: seeds 1, 2, 3 -> 0.08 + 0.01 + {0.001, 0.002, 0.003}: mean 0.092, sd 0.001, se 0.001/sqrt 3
        SweepSeries.Point p8 = lr1.points().get(0);
        assertEquals("8", p8.x());
        assertEquals(8, p8.xPos());
        assertEquals(0.092, p8.mean(), EXACT);
        assertEquals(0.001 / Math.sqrt(3), p8.se(), EXACT);
        assertEquals(3, p8.n());
        // x = 16, lr 0.01: seed 2 failed -> seeds 1, 3: 0.171, 0.173: mean 0.172, sd sqrt(2e-6), se 0.001
        SweepSeries.Point p16 = lr1.points().get(1);
        assertEquals(16, p16.xPos());
        assertEquals(0.172, p16.mean(), EXACT);
        assertEquals(0.001, p16.se(), EXACT);
        assertEquals(2, p16.n());
        // x = 16, lr 0.02: seed 3 pending -> seeds 1, 2: 0.181, 0.182: mean 0.1815, se 0.0005
        SweepSeries.Point q16 = series.lines().get(1).points().get(1);
        assertEquals(0.1815, q16.mean(), EXACT);
        assertEquals(0.0005, q16.se(), EXACT);
        assertEquals(2, q16.n());
        assertEquals(3 + 2 + 3 + 2, series.runs());
    }

    @Test
    void withoutASeriesAxisOneLineAveragesEveryOtherAxisAndOneRunHasNoStandardError() throws Exception {
        SweepDirectory s = sweep(dir.resolve("s"), "\"model.hidden_size\": [8, 16], \"training.learning_rate\": "
                + "[0.01, 0.02]", 1, SweepSeriesTest::loss, -1);
        SweepSeries one = SweepSeries.of(SweepSummary.table(s), "training.learning_rate", "final_loss", null);
        assertNull(one.seriesAxis());
        assertEquals(List.of("model.hidden_size"), one.averaged(), "one seed: no seed axis");
        assertEquals(1, one.lines().size());
        assertEquals("final_loss", one.lines().get(0).value());
        // lr 0.01: hidden 8 and 16, seed 1: 0.091, 0.171: mean 0.131, sd 0.08 / sqrt 2, se 0.04
        SweepSeries.Point p = one.lines().get(0).points().get(0);
        assertEquals(0.131, p.mean(), EXACT);
        assertEquals(0.04, p.se(), EXACT);
        SweepSeries bySize = SweepSeries.of(SweepSummary.table(s), "training.learning_rate", "final_loss",
                "model.hidden_size");
        assertTrue(Double.isNaN(bySize.lines().get(0).points().get(0).se()), "one run: no standard error");
        assertEquals(0.091, bySize.lines().get(0).points().get(0).mean(), EXACT);
    }

    @Test
    void aNonNumericAxisIsCategoriesAtTheirIndexInSweepOrder() throws Exception {
        SweepDirectory s = sweep(dir.resolve("s"), "\"model.cell\": [\"lstm\", \"gru\"]", 2,
                p -> p.axes().get("model.cell").equals("gru") ? 2 : 1, -1);
        SweepSeries series = SweepSeries.of(SweepSummary.table(s), "model.cell", "final_loss", "seed");
        assertFalse(series.numericX());
        assertEquals(List.of("lstm", "gru"), series.xValues());
        SweepSeries.Point gru = series.lines().get(0).points().get(1);
        assertEquals("gru", gru.x());
        assertEquals(1, gru.xPos());
        assertEquals(2, gru.mean());
    }

    @Test
    void unknownAxesAndColumnsAreRefusedNamingTheChoices() throws Exception {
        SweepDirectory s = sweep(dir.resolve("s"), "\"model.hidden_size\": [8]", 2, p -> 1, -1);
        SweepSummary.Table t = SweepSummary.table(s);
        assertEquals("x axis: 'hidden_size' is not an axis of the sweep; its axes are [model.hidden_size, seed]",
                assertThrows(SweepException.class, () -> SweepSeries.of(t, "hidden_size", "final_loss", null))
                        .getMessage());
        assertEquals("y column: 'loss' is not a summary column of the sweep; its columns are [final_loss]",
                assertThrows(SweepException.class, () -> SweepSeries.of(t, "seed", "loss", null)).getMessage());
        assertTrue(assertThrows(SweepException.class, () -> SweepSeries.of(t, "seed", "final_loss", "seed"))
                .getMessage().contains("already the x axis"));
        assertTrue(assertThrows(SweepException.class, () -> SweepSeries.of(t, "seed", "final_loss", "cell"))
                .getMessage().contains("its axes are [model.hidden_size, seed]"));
    }
}
