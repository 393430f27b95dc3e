package org.attractorlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.analysis.decode.OodQuadrantResult;
import org.attractorlab.core.io.Csv;
import org.attractorlab.core.run.TrainedRun;
import org.attractorlab.core.study.OodStudy;
import org.attractorlab.core.study.Probe;
import org.attractorlab.core.sweep.OodVsTasks;
import org.attractorlab.core.sweep.RunRecord;
import org.attractorlab.core.sweep.SweepDirectory;
import org.attractorlab.core.sweep.SweepPoint;
import org.attractorlab.figure.OodVsTasksChart;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vafidis et al.'s analyses from the command line: fixed points at the resting input with the attractor summary,
 * the OOD test over every latent and orthant for D = 3, and the OOD-against-N_task figure of a sweep.
 */
class EvidenceAnalysesTest {
    @TempDir
    static Path tmp;
    static Path run;

    @BeforeAll
    static void trainATinyThreeDimensionalRun() {
        run = tmp.resolve("ev3");
        TrainCommandTest.Result r = TrainCommandTest.cli("train", "samples/evidence-multitask.json", "--out",
                run.toString(), "--quiet", "--set", "task.latent_dims=3", "--set", "task.task_count=3", "--set",
                "task.stimulus_steps=5", "--set", "model.hidden_size=24", "--set", "training.steps=30", "--set",
                "training.checkpoint_every=0", "--set", "training.validation_every=0");
        assertEquals(0, r.code(), r.err());
    }

    private static List<String[]> rows(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        List<String[]> out = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            out.add(l.split(",", -1));
        }
        return out;
    }

    @Test
    void analyzeSearchesAtTheRestingInputAndWritesTheAttractorSummaryAndEveryOrthant() throws Exception {
        Path out = tmp.resolve("analysis");
        TrainCommandTest.Result r = TrainCommandTest.cli("analyze", run.toString(), "--out", out.toString(),
                "--only", "fixed-points,decode", "--fp-initial", "64", "--decode-stride", "10");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("initial states at the resting input (fixation = 1)"), r.out());
        assertTrue(r.out().contains("attractor: "), r.out());

        List<String> summaryLines = Files.readAllLines(out.resolve("attractor_summary.csv"));
        assertEquals("points,fixed_points,slow_points,unit_tolerance,median_unit_eigenvalues,variance_share,"
                + "manifold_dimension,variance_ratios,input", summaryLines.get(0));
        assertEquals(2, summaryLines.size(), "one row");
        String[] s = summaryLines.get(1).split(",", -1);
        float[] expected = new float[41];
        expected[40] = 1;
        assertEquals(floats(expected), s[8], "u* is fixation on, no evidence");
        List<String[]> points = rows(out.resolve("fixed_points.csv"));
        assertEquals(points.size(), Integer.parseInt(s[0]));
        assertEquals(0.05, Double.parseDouble(s[3]));
        if (!points.isEmpty()) {
            double[] counts = points.stream().mapToDouble(p -> Double.parseDouble(p[8])).sorted().toArray();
            int n = counts.length;
            double median = n % 2 == 1 ? counts[n / 2] : (counts[n / 2 - 1] + counts[n / 2]) / 2;
            assertEquals(median, Csv.parseNumber(s[4]), 0, "the median of the per-point unit_eigenvalues column");
        }

        List<String[]> ood = rows(out.resolve("decoding_ood.csv"));
        assertEquals(8 * 3, ood.size(), "one row per held-out orthant and latent");
        for (int q = 0; q < 8; q++) {
            for (int d = 0; d < 3; d++) {
                String[] row = ood.get(q * 3 + d);
                assertEquals(String.valueOf(q), row[0]);
                assertEquals("x" + d, row[1]);
                assertEquals(OodStudy.quadrantLabel(q, 3).replaceAll("[(),]", ""), row[4]);
            }
        }
    }

    private static String floats(float[] u) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < u.length; i++) {
            sb.append(i == 0 ? "" : " ").append(Csv.number(u[i]));
        }
        return sb.toString();
    }

    @Test
    void fpInputZeroAndBadValuesFromTheCommandLine() throws Exception {
        Path out = tmp.resolve("zero");
        TrainCommandTest.Result r = TrainCommandTest.cli("analyze", run.toString(), "--out", out.toString(),
                "--only", "fixed-points", "--fp-initial", "32", "--fp-input", "zero");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("initial states at zero input"), r.out());
        assertEquals(floats(new float[41]), Files.readAllLines(out.resolve("attractor_summary.csv")).get(1)
                .split(",", -1)[8]);
        r = TrainCommandTest.cli("analyze", run.toString(), "--out", tmp.resolve("bad").toString(), "--only",
                "fixed-points", "--fp-input", "1,2");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--fp-input: fixed_points.input = '1,2' is not allowed: use rest, zero, or 41 "
                + "comma-separated numbers (enc0, enc1,"), r.err());
    }

    @Test
    void theOodAgainstTasksFigureOfATinySweepHasOneRowPerRunFromRecordsOrTheStudy() throws Exception {
        Path spec = Files.writeString(tmp.resolve("ood-sweep.json"), "{\"base\": \"evidence-multitask\", "
                + "\"grid\": {\"task.task_count\": [1, 3], \"task.latent_dims\": [3]}, \"seeds\": 1, "
                + "\"analyses\": [\"decode\"], \"set\": {\"training.steps\": 20, \"model.hidden_size\": 16, "
                + "\"task.stimulus_steps\": 5, \"training.checkpoint_every\": 0, \"training.validation_every\": 0}}");
        Path dir = tmp.resolve("sweep");
        TrainCommandTest.Result r = TrainCommandTest.cli("sweep", spec.toString(), "--out", dir.toString(), "--quiet",
                "--workers", "1");
        assertEquals(0, r.code(), r.err());
        SweepDirectory sweep = SweepDirectory.open(dir);
        // the first run's record without its OOD numbers, as from a sweep that did not run decode
        SweepPoint first = sweep.plan().points().get(0);
        RunRecord rec = sweep.record(first);
        Map<String, Double> kept = new LinkedHashMap<>(rec.summary());
        kept.keySet().removeIf(k -> k.startsWith("ood_r2") || k.startsWith("id_r2"));
        new RunRecord(rec.index(), rec.state(), rec.message(), rec.seconds(), rec.host(), kept)
                .write(sweep.runDir(first));

        Path png = tmp.resolve("fig/ood.png");
        r = TrainCommandTest.cli("export", dir.toString(), "--figure", "ood-vs-tasks", "--out", png.toString(),
                "--width", "400", "--height", "300", "--dpi", "72");
        assertEquals(0, r.code(), r.err());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(400, img.getWidth());
        assertEquals(300, img.getHeight());
        Path csv = tmp.resolve("fig/ood.csv");
        assertTrue(r.out().contains("Wrote " + csv), r.out());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("run,latent_dims,task_count,seed,ood_r2,id_r2,source", lines.get(0));
        assertEquals(3, lines.size(), "one row per run: " + lines);
        for (int i = 0; i < 2; i++) {
            SweepPoint p = sweep.plan().points().get(i);
            String[] row = lines.get(i + 1).split(",", -1);
            HiddenStates h = Probe.states(TrainedRun.open(sweep.runDir(p), null), Probe.TRIALS, false);
            OodQuadrantResult expected = OodStudy.run(h, OodStudy.defaultsFor(h)).ood();
            assertEquals(List.of(p.name(), "3", i == 0 ? "1" : "3"), Arrays.asList(row).subList(0, 3));
            assertEquals(expected.meanOod(), Csv.parseNumber(row[4]), 1e-12, "ood_r2 of " + p.name());
            assertEquals(expected.meanInDistribution(), Csv.parseNumber(row[5]), 1e-12, "id_r2 of " + p.name());
            assertEquals(i == 0 ? OodVsTasks.FROM_STUDY : OodVsTasks.FROM_RECORD, row[6]);
        }
        YIntervalSeriesCollection d = OodVsTasksChart.dataset(ExportCommand.oodVsTasks(dir));
        assertEquals(2, d.getSeriesCount());
        assertEquals(OodVsTasksChart.seriesKey(3, true), d.getSeriesKey(0));
        assertArrayEquals(new double[]{1, 3}, new double[]{d.getXValue(0, 0), d.getXValue(0, 1)});
        assertEquals(Csv.parseNumber(lines.get(2).split(",")[5]), d.getYValue(1, 1), 1e-12, "in-distribution line");

        r = TrainCommandTest.cli("export", dir.toString(), "--figure", "ood-vs-tasks", "--out", png.toString());
        assertEquals(2, r.code(), "refuses to overwrite without --force");
        r = TrainCommandTest.cli("export", run.toString(), "--figure", "ood-vs-tasks", "--out",
                tmp.resolve("x.png").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("is not a sweep directory"), r.err());
    }
}
