package org.attractorlab.core.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.attractorlab.core.sweep.LocalSweep;
import org.attractorlab.core.sweep.SweepDirectory;
import org.attractorlab.core.sweep.SweepPlan;
import org.attractorlab.core.sweep.SweepSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The robust results at the quick scale, on the shipped quick specs narrowed to fit the test budget (flip-flop: the
 * vanilla cell; evidence: the fewest and the most tasks, two seeds); the whole quick reproductions take minutes,
 * their times are in the README.
 */
class QuickScaleTest {
    private static final int WORKERS = 2;

    @TempDir
    Path tmp;

    /**
     * Trains the sweep {@code name} of {@code experiment} at quick scale with {@code axis} narrowed to {@code values}
     * (and at most {@code seeds} seeds).
     */
    private SweepDirectory quickSweep(ReproduceSpec spec, String name, int seeds, String axis, Object... values)
            throws Exception {
        ObjectNode json = spec.sweepJson(Scale.QUICK).get(name);
        json.put("seeds", Math.min(seeds, json.get("seeds").asInt()));
        ArrayNode a = ((ObjectNode) json.get("grid")).putArray(axis);
        for (Object v : values) {
            if (v instanceof Integer i) {
                a.add(i);
            } else {
                a.add(v.toString());
            }
        }
        SweepDirectory d = SweepDirectory.prepare(tmp.resolve(name), SweepPlan.of(SweepSpec.parse(json.toString(),
                null)));
        try (AutoCloseable lock = d.lock()) {
            LocalSweep.Outcome o = LocalSweep.run(d, WORKERS, p -> { }, new AtomicBoolean());
            assertEquals(d.plan().size(), o.progress().done(), o.failedRuns().toString());
        }
        return d;
    }

    @Test
    void atQuickScaleEveryVanillaFlipFlopSeedHasOneStableFixedPointAtEachCornerAndSaddlesOnTheEdges()
            throws Exception {
        ReproduceSpec spec = ReproduceSpec.load("flipflop");
        SweepDirectory d = quickSweep(spec, FlipFlopReproducer.SWEEP, Integer.MAX_VALUE, "model.cell",
                "vanilla");
        SweepRuns runs = SweepRuns.of(d);
        assertEquals(spec.sweepSpecs(Scale.QUICK).get(FlipFlopReproducer.SWEEP).seeds().size(), runs.done().size());
        java.util.List<FlipFlopReproducer.Counts> counts = new java.util.ArrayList<>();
        for (SweepRuns.Done run : runs.done()) {
            FlipFlopReproducer.Counts k = FlipFlopReproducer.count(run);
            counts.add(k);
            int corners = 1 << k.bits();
            String who = run.point().name();
            assertTrue(k.learned(), who + " did not learn the task");
            assertEquals(corners, k.stable(), who + ": stable fixed points");
            assertEquals(corners, k.stableCorners(), who + ": corners of the cube with a stable point");
            assertTrue(k.onEdge() > 0, who + ": no index-1 saddle on a cube edge");
        }
        Claim corners = FlipFlopReproducer.corners(counts);
        assertEquals(Verdict.AGREES, corners.verdict(), corners.here());
        Claim saddles = FlipFlopReproducer.saddles(counts);
        assertEquals(Verdict.AGREES, saddles.verdict(), saddles.here());
    }

    @Test
    void atQuickScaleTheOodR2OfTheEvidenceTaskRisesFromOneTaskToTwentyFour() throws Exception {
        ReproduceSpec spec = ReproduceSpec.load("disentangle");
        ObjectNode full = spec.sweepJson(Scale.QUICK).get(DisentangleReproducer.SWEEP);
        java.util.List<Integer> counts = new java.util.ArrayList<>();
        full.get("grid").get(DisentangleReproducer.TASKS).forEach(n -> counts.add(n.asInt()));
        int fewest = counts.stream().min(Integer::compare).orElseThrow();
        int most = counts.stream().max(Integer::compare).orElseThrow();
        SweepDirectory d = quickSweep(spec, DisentangleReproducer.SWEEP, 2, DisentangleReproducer.TASKS, fewest,
                most);
        Findings f = new DisentangleReproducer().analyse(new Reproducer.Context(spec, Scale.QUICK, tmp,
                Map.of(DisentangleReproducer.SWEEP, d), line -> { }));
        Claim rises = f.claims().get(0);
        assertEquals(Verdict.AGREES, rises.verdict(), rises.here());
        SweepRuns runs = SweepRuns.of(d);
        double low = runs.where(DisentangleReproducer.TASKS, Integer.toString(fewest)).stream()
                .mapToDouble(r -> r.summary("ood_r2")).average().orElseThrow();
        double high = runs.where(DisentangleReproducer.TASKS, Integer.toString(most)).stream()
                .mapToDouble(r -> r.summary("ood_r2")).average().orElseThrow();
        assertTrue(high > low, "OOD r² " + low + " with " + fewest + " task(s), " + high + " with " + most);
    }

    @Test
    void fromTheQuickScaleOnTheDegeneracyStudyComparesOnlyTheNetworksThatFittedTheirTask() throws Exception {
        // the quick flip-flop sweep at two sizes and two seeds, each trained for the quick scale's steps and for 5
        ReproduceSpec spec = ReproduceSpec.load("degeneracy");
        ObjectNode json = spec.sweepJson(Scale.QUICK).get("flipflop");
        int steps = json.get("set").get("training.steps").asInt();
        json.put("seeds", 2);
        ObjectNode grid = (ObjectNode) json.get("grid");
        grid.putArray(DegeneracyReproducer.SIZE).add(16).add(32);
        grid.putArray("training.steps").add(5).add(steps);
        ((ObjectNode) json.get("set")).remove("training.steps");
        SweepDirectory d = SweepDirectory.prepare(tmp.resolve("flipflop"), SweepPlan.of(SweepSpec.parse(
                json.toString(), null)));
        try (AutoCloseable lock = d.lock()) {
            assertEquals(8, LocalSweep.run(d, WORKERS, p -> { }, new AtomicBoolean()).progress().done());
        }
        java.util.List<String> fitted = new java.util.ArrayList<>();
        Map<String, int[]> unfitBySize = new java.util.HashMap<>();
        for (var p : d.plan().points()) {
            double loss = d.record(p).summary().get("validation_loss");
            boolean fits = loss < DegeneracyReproducer.UNFIT_LOSS;
            if (p.axes().get("training.steps").equals("5")) {
                assertTrue(!fits, "5 steps do not fit the task: " + p.name() + " " + loss);
            }
            if (fits) {
                fitted.add(p.name());
            }
            int[] n = unfitBySize.computeIfAbsent(p.axes().get(DegeneracyReproducer.SIZE), k -> new int[2]);
            n[0] += fits ? 0 : 1;
            n[1]++;
        }
        assertTrue(fitted.size() >= 3, "most of the " + steps + "-step networks fit: " + fitted);

        Findings f = new DegeneracyReproducer().analyse(new Reproducer.Context(spec, Scale.QUICK, tmp,
                Map.of("flipflop", d), line -> { }));
        java.util.List<ReportFigure> figures = f.figures();
        assertEquals(DegeneracyReproducer.MEASURES.size(), figures.size());
        for (ReportFigure fig : figures) {
            FigureData.Degeneracy data = (FigureData.Degeneracy) fig.data();
            assertEquals(fitted, data.result().names(), "only the fitted networks are compared: " + fig.name());
            assertEquals(java.util.List.of("--level", data.measure().key(), "--group-by", DegeneracyReproducer.SIZE,
                    "--max-val-loss", "0.1"), fig.options(), "export draws the same networks");
        }
        Table unfit = f.sections().get(0).tables().get(1);
        assertEquals(java.util.List.of("flipflop", unfitBySize.get("16")[0] + " of 4", unfitBySize.get("32")[0]
                + " of 4"), unfit.rows().get(0), unfit.title());
        assertTrue(f.sections().get(0).text().contains("they are left out of the comparison"),
                f.sections().get(0).text());
        Claim sizes = f.claims().get(0);
        assertTrue(sizes.here().startsWith("among the networks that fitted"), sizes.here());
    }
}
