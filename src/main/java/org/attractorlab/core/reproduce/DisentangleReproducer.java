package org.attractorlab.core.reproduce;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.analysis.fixedpoint.AttractorSummary;
import org.attractorlab.core.config.Experiment;
import org.attractorlab.core.study.DecodingStudy;
import org.attractorlab.core.study.FixedPointStudy;
import org.attractorlab.core.study.OodStudy;
import org.attractorlab.core.study.Probe;
import org.attractorlab.core.sweep.SweepDirectory;
import org.attractorlab.core.sweep.SweepSeries;
import org.attractorlab.core.sweep.SweepSummary;
import org.attractorlab.core.task.EvidenceMultitaskOptions;

/**
 * {@code disentangle}: Vafidis, Bhargava &amp; Rangel's multi-task evidence classification. Every run of the sweep
 * records the OOD quadrant test (the sweep's {@code decode} summaries {@code ood_r2}, {@code id_r2}), so the numbers
 * here are those of {@code sweep collect} and the figures those of {@code export --figure sweep}.
 */
final class DisentangleReproducer implements Reproducer {
    static final String PAPER = "Vafidis, Bhargava & Rangel 2025";
    static final String SWEEP = "evidence";
    static final String TASKS = "task.task_count";
    static final String DIMS = "task.latent_dims";
    /** The runs have learned the tasks when their mean validation accuracy is at least this. */
    static final double LEARNED = 0.85;
    /** OOD r^2 "approaches" in-distribution when the gap at every N_task &gt;= D is at most this share of the gap at the smallest N_task. */
    static final double GAP_SHARE = 0.5;
    /**
     * A rise counts when at least this share of the pairs (a network at the fewest tasks, a network at the most)
     * rises: a rank criterion, which one network far off (OOD r² is unbounded below) does not overturn.
     */
    static final double RISE_PAIRS = 0.9;

    /** The runs of one (D, N_task) cell: OOD and in-distribution r^2 over the seeds. */
    record Cell(int dims, int tasks, double[] ood, double[] id, double[] accuracy) {
        double mean(double[] v) {
            return SweepSummary.meanAndSe(v)[0];
        }

        double se(double[] v) {
            double s = SweepSummary.meanAndSe(v)[1];
            return Double.isNaN(s) ? 0 : s;
        }
    }

    @Override
    public Findings analyse(Context c) throws IOException {
        SweepDirectory sweep = c.sweep(SWEEP);
        SweepRuns runs = SweepRuns.of(sweep);
        boolean dimsAxis = sweep.plan().spec().axisNames().contains(DIMS);
        List<Cell> cells = cells(runs);
        int baseDims = cells.isEmpty() ? 2 : cells.get(0).dims();
        List<List<String>> rows = new ArrayList<>();
        for (Cell k : cells) {
            rows.add(List.of(Integer.toString(k.dims()), Integer.toString(k.tasks()), SweepRuns.meanSe(k.ood()),
                    SweepRuns.meanSe(k.id()), SweepRuns.format(k.mean(k.accuracy()))));
        }
        Table table = new Table("OOD and in-distribution r² of the latents (x0 .. x(D-1)) from the last hidden state, mean ± "
                + "standard error over seeds", List.of("D", "N_task", "OOD r²", "in-distribution r²",
                "validation accuracy"), rows);
        String target = c.relative(sweep.dir());
        List<String> series = dimsAxis ? List.of("--series", DIMS) : List.of();
        List<ReportFigure> figs = new ArrayList<>();
        SweepSummary.Table t = SweepSummary.table(sweep);
        for (String y : List.of("ood_r2", "id_r2")) {
            if (!t.metrics().contains(y)) {
                continue;
            }
            SweepSeries s = SweepSeries.of(t, TASKS, y, dimsAxis ? DIMS : null);
            List<String> opts = new ArrayList<>(List.of("--x", TASKS, "--y", y));
            opts.addAll(series);
            figs.add(ReportFigure.of("disentangle-" + y.replace('_', '-'), (y.equals("ood_r2") ? "OOD" :
                    "In-distribution") + " r² of the latent against the number of tasks N_task, mean and standard "
                    + "error over seeds", target, opts, new FigureData.Sweep(s)));
        }
        org.attractorlab.core.sweep.OodVsTasks.Result byTasks = org.attractorlab.core.sweep.OodVsTasks.of(sweep);
        if (!byTasks.points().isEmpty()) {
            figs.add(ReportFigure.of("disentangle-ood-vs-tasks", "In-distribution (dashed) and OOD (solid) r² "
                    + "against N_task, one line per D, mean ± standard error over seeds", target, List.of(),
                    new FigureData.OodVsTasks(byTasks)));
        }
        SweepRuns.Done largest = runs.done().stream().max(Comparator.comparingInt(
                (SweepRuns.Done d) -> (int) Double.parseDouble(d.axis(TASKS)))).orElse(null);
        if (largest != null) {
            HiddenStates h = Probe.states(largest.run(), Probe.TRIALS, false);
            if (OodStudy.appliesTo(h.conditions())) {
                DecodingStudy.Settings ds = DecodingStudy.defaultsFor(h);
                if (ds.target() != null) {
                    figs.add(ReportFigure.of("disentangle-decoding-" + largest.point().index(), "Cross-temporal "
                                    + "decoding of " + ds.target() + " and the OOD quadrant test of "
                                    + largest.point().name(), c.relative(largest.run().run().dir()), List.of(),
                            new FigureData.Decoding(largest.run().trainedStep(), h, DecodingStudy.run(h, ds),
                                    OodStudy.run(h, OodStudy.defaultsFor(h)))));
                }
            }
        }
        Findings.Builder b = new Findings.Builder();
        b.section("Out-of-distribution generalisation against the number of tasks", "Each network is frozen; a "
                + "ridge decoder of the latent x* from the last hidden state is trained on all orthants but one and "
                + "tested on the one held out (OOD r², mean over the 2^D held-out orthants and the D latents), "
                + "against the same decoder cross-validated on all of them (in-distribution r²); r² = 1 - MSE / (1/12)." + (runs.leftOut()
                .isEmpty() ? "" : " Left out (not done): " + String.join("; ", runs.leftOut()) + "."),
                List.of(table), figs);
        b.claim(rises(cells, baseDims));
        b.claim(approaches(cells, baseDims));
        List<Attractor> attractors = attractors(runs, cells, baseDims, c.log());
        b.section("The attractor at rest", "The fixed-point search (Levenberg-Marquardt from 1024 states, as analyze "
                + "runs it) at the task's own resting input, for the networks at the most tasks of D = " + baseDims
                + ".", List.of(attractorTable(attractors)), List.of());
        b.claim(attractor(attractors, baseDims));
        b.claim(largerD(cells, dimsAxis));
        return b.build();
    }

    /** D of a run, from its config. */
    private static int dims(SweepRuns.Done d) {
        return ((EvidenceMultitaskOptions) d.run().experiment().config().taskOptions()).latentDims();
    }

    private static List<Cell> cells(SweepRuns runs) {
        List<Cell> out = new ArrayList<>();
        List<int[]> keys = new ArrayList<>();
        for (SweepRuns.Done d : runs.done()) {
            int dims = dims(d);
            int n = (int) Double.parseDouble(d.axis(TASKS));
            if (keys.stream().noneMatch(k -> k[0] == dims && k[1] == n)) {
                keys.add(new int[]{dims, n});
            }
        }
        keys.sort(Comparator.<int[]>comparingInt(k -> k[0]).thenComparingInt(k -> k[1]));
        for (int[] k : keys) {
            List<SweepRuns.Done> in = runs.done().stream().filter(d -> dims(d) == k[0] && (int) Double.parseDouble(d.axis(TASKS)) == k[1]).toList();
            out.add(new Cell(k[0], k[1], in.stream().mapToDouble(d -> d.summary("ood_r2")).toArray(),
                    in.stream().mapToDouble(d -> d.summary("id_r2")).toArray(),
                    in.stream().mapToDouble(d -> d.summary("validation_accuracy")).toArray()));
        }
        return out;
    }

    private static List<Cell> atDims(List<Cell> cells, int dims) {
        return cells.stream().filter(k -> k.dims() == dims).toList();
    }

    private static double meanAccuracy(List<Cell> cells) {
        return SweepSummary.meanAndSe(cells.stream().flatMapToDouble(k -> java.util.Arrays.stream(k.accuracy()))
                .toArray())[0];
    }

    /** OOD r^2 rises with N_task (D = 2): the largest N_task against the smallest, by more than two standard errors. */
    static Claim rises(List<Cell> cells, int dims) {
        String statement = "OOD r² rises with the number of tasks N_task (D = " + dims + ")";
        List<Cell> d = atDims(cells, dims);
        if (d.size() < 2) {
            return new Claim(PAPER, statement, "fewer than two values of N_task were trained", Verdict.NOT_TESTED_AT_SCALE);
        }
        double acc = meanAccuracy(d);
        if (!(acc >= LEARNED)) {
            return new Claim(PAPER, statement, String.format(Locale.ROOT, "the networks did not learn the tasks at "
                    + "this scale (mean validation accuracy %.2f < %.2f)", acc, LEARNED), Verdict.NOT_TESTED_AT_SCALE);
        }
        Cell lo = d.get(0);
        Cell hi = d.get(d.size() - 1);
        double diff = hi.mean(hi.ood()) - lo.mean(lo.ood());
        int pairs = 0;
        int up = 0;
        for (double a : lo.ood()) {
            for (double z : hi.ood()) {
                if (Double.isFinite(a) && Double.isFinite(z)) {
                    pairs++;
                    if (z > a) {
                        up++;
                    }
                }
            }
        }
        StringBuilder path = new StringBuilder();
        for (Cell k : d) {
            path.append(path.length() == 0 ? "" : ", ").append(k.tasks()).append(": ")
                    .append(SweepRuns.format(k.mean(k.ood())));
        }
        String here = String.format(Locale.ROOT, "mean OOD r² by N_task %s; N_task %d - %d = %+.3f; %d of %d pairs "
                + "of networks (one at %d tasks, one at %d) rise", path, hi.tasks(), lo.tasks(), diff, up, pairs,
                lo.tasks(), hi.tasks());
        return Claim.judged(PAPER, statement, here, pairs > 0 && diff > 0 && up >= RISE_PAIRS * pairs,
                String.format(Locale.ROOT, ": fewer than %.0f%% of the pairs rise", RISE_PAIRS * 100));
    }

    /** OOD r^2 approaches the in-distribution r^2 once N_task &gt;= D. */
    static Claim approaches(List<Cell> cells, int dims) {
        String statement = "OOD r² approaches the in-distribution r² once N_task ≥ D";
        List<Cell> d = atDims(cells, dims);
        if (d.size() < 2 || d.get(0).tasks() >= dims || d.stream().noneMatch(k -> k.tasks() >= dims)) {
            return new Claim(PAPER, statement, "needs N_task below and at or above D = " + dims,
                    Verdict.NOT_TESTED_AT_SCALE);
        }
        double acc = meanAccuracy(d);
        if (!(acc >= LEARNED)) {
            return new Claim(PAPER, statement, String.format(Locale.ROOT, "the networks did not learn the tasks at "
                    + "this scale (mean validation accuracy %.2f < %.2f)", acc, LEARNED), Verdict.NOT_TESTED_AT_SCALE);
        }
        Cell lo = d.get(0);
        double gap0 = lo.mean(lo.id()) - lo.mean(lo.ood());
        List<String> gaps = new ArrayList<>();
        List<String> far = new ArrayList<>();
        for (Cell k : d) {
            double gap = k.mean(k.id()) - k.mean(k.ood());
            gaps.add(k.tasks() + ": " + SweepRuns.format(gap));
            if (k.tasks() >= dims && !(gap <= GAP_SHARE * gap0)) {
                far.add(Integer.toString(k.tasks()));
            }
        }
        String here = "in-distribution minus OOD r² by N_task " + String.join(", ", gaps);
        return far.isEmpty() && gap0 > 0 ? new Claim(PAPER, statement, here + String.format(Locale.ROOT, "; at every "
                + "N_task ≥ %d the gap is at most %.0f%% of the gap at N_task = %d", dims, GAP_SHARE * 100,
                lo.tasks()), Verdict.AGREES)
                : new Claim(PAPER, statement, here + "; it differs: at N_task " + (far.isEmpty() ? lo.tasks()
                + " there is no gap to close" : String.join(", ", far) + " the gap is more than " + (int) (GAP_SHARE
                * 100) + "% of the gap at N_task = " + lo.tasks()), Verdict.DIFFERS);
    }

    /** One network's fixed points at the task's resting input, summarised. */
    record Attractor(SweepRuns.Done run, int dims, FixedPointStudy.Result fp) {
    }

    /**
     * The fixed points of the learned networks at the largest N_task of the base D, searched at the task's resting
     * input (fixation on, no evidence), as analyze does by default.
     */
    static List<Attractor> attractors(SweepRuns runs, List<Cell> cells, int dims, java.util.function.Consumer<String> log) {
        List<Cell> d = atDims(cells, dims);
        if (d.isEmpty()) {
            return List.of();
        }
        int most = d.get(d.size() - 1).tasks();
        List<Attractor> out = new ArrayList<>();
        for (SweepRuns.Done r : runs.done()) {
            if (dims(r) != dims || (int) Double.parseDouble(r.axis(TASKS)) != most) {
                continue;
            }
            log.accept("fixed points of " + r.point().name() + " at the resting input");
            Experiment e = r.run().experiment();
            HiddenStates h = Probe.states(r.run(), Probe.TRIALS, false);
            out.add(new Attractor(r, dims, FixedPointStudy.run(e.network(), h, FixedPointStudy.defaultsFor(e))));
        }
        return out;
    }

    /** The attractor table: one row per network searched. */
    static Table attractorTable(List<Attractor> as) {
        List<List<String>> rows = new ArrayList<>();
        for (Attractor a : as) {
            AttractorSummary s = a.fp().attractor();
            rows.add(List.of(a.run().point().name(), a.run().axis(TASKS), Integer.toString(s.points()),
                    SweepRuns.format(s.medianUnitEigenvalues()), Integer.toString(s.manifoldDimension()),
                    SweepRuns.format(a.run().summary("validation_accuracy"))));
        }
        return new Table("Fixed and slow points at the task's resting input (fixation on, no evidence): Jacobian "
                + "eigenvalues within " + AttractorSummary.DEFAULT_TOLERANCE + " of 1 (median over the points) and "
                + "the dimension of the points (principal components to " + (int) (100
                * AttractorSummary.DEFAULT_VARIANCE_SHARE) + "% of their variance)", List.of("run", "N_task",
                "points", "unit eigenvalues", "manifold dimension", "validation accuracy"), rows);
    }

    static Claim attractor(List<Attractor> as, int dims) {
        List<Attractor> learned = as.stream().filter(a -> a.run().summary("validation_accuracy") >= LEARNED
                && a.fp().attractor().points() > 0).toList();
        return attractor(learned.stream().mapToDouble(a -> a.fp().attractor().medianUnitEigenvalues()).toArray(),
                learned.stream().mapToDouble(a -> a.fp().attractor().manifoldDimension()).toArray(), dims);
    }

    /**
     * The D-dimensional continuous attractor: over the learned networks at the most tasks (those with points), the
     * median of the per-network median count of unit eigenvalues rounds to D and so does the median dimension of
     * the points.
     *
     * @param unit per network, the median count of eigenvalues within the tolerance of 1 over its points
     * @param dim  per network, the dimension of its points
     */
    static Claim attractor(double[] unit, double[] dim, int dims) {
        String statement = "The network carries a " + dims + "D continuous attractor (" + dims + " Jacobian "
                + "eigenvalues near 1 at the slow points)";
        if (unit.length == 0) {
            return new Claim(PAPER, statement, "no network at the most tasks learned them at this scale (validation "
                    + "accuracy below " + LEARNED + ") or had fixed points", Verdict.NOT_TESTED_AT_SCALE);
        }
        double mu = median(unit);
        double md = median(dim);
        String here = String.format(Locale.ROOT, "over %d network%s at the most tasks: median count of eigenvalues "
                + "within %s of 1 %s (per network %s); median dimension of the points %s (per network %s)",
                unit.length, unit.length == 1 ? "" : "s", AttractorSummary.DEFAULT_TOLERANCE,
                SweepRuns.format(mu), join(unit), SweepRuns.format(md), join(dim));
        if (Math.rint(mu) == dims && Math.rint(md) == dims) {
            return new Claim(PAPER, statement, here, Verdict.AGREES);
        }
        return new Claim(PAPER, statement, here + "; it differs: the median count or dimension is not " + dims,
                Verdict.DIFFERS);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static String join(double[] v) {
        List<String> p = new ArrayList<>();
        for (double x : v) {
            p.add(SweepRuns.format(x));
        }
        return String.join(", ", p);
    }

    /**
     * OOD generalisation needs N_task &gt;= D for larger D: for every trained D &gt; 2, the {@link #approaches} test
     * at that D (the OOD test decodes all D latents and holds out each of the 2^D orthants).
     */
    static Claim largerD(List<Cell> cells, boolean dimsAxis) {
        String statement = "OOD generalisation needs N_task ≥ D for larger D as well";
        List<Integer> larger = cells.stream().map(Cell::dims).filter(d -> d > 2).distinct().sorted().toList();
        if (!dimsAxis || larger.isEmpty()) {
            return new Claim(PAPER, statement, "this scale trains D = 2 only (the full scale trains D in {2, 3, 4})",
                    Verdict.NOT_TESTED_AT_SCALE);
        }
        List<String> parts = new ArrayList<>();
        Verdict v = Verdict.AGREES;
        for (int d : larger) {
            Claim c = approaches(cells, d);
            parts.add("D = " + d + ": " + c.here() + " (" + c.verdict().text() + ")");
            if (c.verdict() == Verdict.DIFFERS) {
                v = Verdict.DIFFERS;
            } else if (c.verdict() != Verdict.AGREES && v == Verdict.AGREES) {
                v = c.verdict();
            }
        }
        return new Claim(PAPER, statement, String.join("; ", parts), v);
    }
}
