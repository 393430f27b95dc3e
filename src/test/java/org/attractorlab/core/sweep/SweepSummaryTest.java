package org.attractorlab.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepSummaryTest {
    @TempDir
    Path dir;

    /**
     * A generated sweep of 3000 runs (Huang et al.'s scale) whose records are written directly, without training: run
     * i of size s and seed k has accuracy s / 1000 + k / 100, and one run in 7 has failed.
     */
    private SweepDirectory fixture() throws Exception {
        StringBuilder sizes = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            sizes.append(i == 0 ? "" : ",").append(8 + i);
        }
        SweepSpec spec = SweepSpec.parse("{\"base\": \"flipflop-3bit\", \"grid\": {\"model.hidden_size\": [" + sizes
                + "]}, \"seeds\": 20}", null);
        SweepDirectory sweep = SweepDirectory.prepare(dir.resolve("big"), SweepPlan.of(spec));
        for (SweepPoint p : sweep.plan().points()) {
            Path run = Files.createDirectories(sweep.runDir(p));
            double size = Double.parseDouble(p.axes().get("model.hidden_size"));
            double seed = Double.parseDouble(p.axes().get("seed"));
            Map<String, Double> s = new LinkedHashMap<>();
            s.put("final_accuracy", size / 1000 + seed / 100);
            s.put("steps", 100.0);
            boolean failed = p.index() % 7 == 3;
            new RunRecord(p.index(), failed ? RunRecord.State.FAILED : RunRecord.State.DONE, failed ? "diverged" : "",
                    1.5, "node", s).write(run);
        }
        return sweep;
    }

    @Test
    void collectWritesOneRowPerRunAndAveragesOverSeedsWithStandardError() throws Exception {
        SweepDirectory sweep = fixture();
        List<Path> files = SweepSummary.collect(sweep, List.of("model.hidden_size"));
        List<String> rows = Files.readAllLines(files.get(0));
        assertEquals(3001, rows.size());
        assertEquals("run,index,state,model.hidden_size,seed,final_accuracy,steps", rows.get(0));
        assertTrue(rows.get(4).startsWith("0003-hidden_size=8_seed=4,3,failed,8,4,"), rows.get(4));
        List<String> grouped = Files.readAllLines(files.get(1));
        assertEquals(151, grouped.size());
        assertEquals("model.hidden_size,runs,final_accuracy_mean,final_accuracy_se,final_accuracy_n,steps_mean,"
                + "steps_se,steps_n", grouped.get(0));
        // size 8: runs 0..19, seeds 1..20; the failed ones (index % 7 == 3: 3, 10, 17) are left out
        double[] acc = new double[17];
        int n = 0;
        for (int i = 0; i < 20; i++) {
            if (i % 7 != 3) {
                acc[n++] = 8.0 / 1000 + (i + 1) / 100.0;
            }
        }
        double[] expected = SweepSummary.meanAndSe(acc);
        String[] first = grouped.get(1).split(",");
        assertEquals("8", first[0]);
        assertEquals("17", first[1]);
        assertEquals(expected[0], Double.parseDouble(first[2]), 1e-12);
        assertEquals(expected[1], Double.parseDouble(first[3]), 1e-12);
        assertEquals(0.0, Double.parseDouble(first[6]), "a constant column has no spread");
    }

    @Test
    void meanAndStandardErrorOfKnownValues() {
        double[] r = SweepSummary.meanAndSe(new double[]{1, 2, 3, 4, Double.NaN});
        assertEquals(2.5, r[0], 1e-15);
        assertEquals(Math.sqrt(5.0 / 3) / 2, r[1], 1e-15);
        assertEquals(4, r[2]);
        assertTrue(Double.isNaN(SweepSummary.meanAndSe(new double[]{7})[1]), "one run has no standard error");
    }

    @Test
    void groupingByAnUnknownAxisNamesTheAxes() throws Exception {
        SweepSpec spec = SweepSpec.parse("{\"base\": \"flipflop-3bit\", \"grid\": {\"model.hidden_size\": [8]}}", null);
        SweepDirectory sweep = SweepDirectory.prepare(dir.resolve("s"), SweepPlan.of(spec));
        SweepException e = assertThrows(SweepException.class, () -> SweepSummary.collect(sweep, List.of("seed")));
        assertEquals("group by: 'seed' is not an axis of the sweep; its axes are [model.hidden_size]", e.getMessage());
    }
}
