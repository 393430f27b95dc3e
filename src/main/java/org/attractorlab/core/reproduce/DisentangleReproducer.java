package org.attractorlab.core.reproduce;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.study.DecodingStudy;
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
        Table table = new Table("OOD and in-distribution r² of the latent (x0, x1) from the last hidden state, mean ± "
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
                + "ridge decoder of the latent x* from the last hidden state is trained on three quadrants and tested "
                + "on the fourth (OOD r², mean over the held-out quadrants and the two latents), against the same "
                + "decoder cross-validated on all four (in-distribution r²); r² = 1 - MSE / (1/12)." + (runs.leftOut()
                .isEmpty() ? "" : " Left out (not done): " + String.join("; ", runs.leftOut()) + "."),
                List.of(table), figs);
        b.claim(rises(cells, baseDims));
        b.claim(approaches(cells, baseDims));
        b.claim(attractor());
        b.claim(largerD(dimsAxis));
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
        return pairs > 0 && diff > 0 && up >= RISE_PAIRS * pairs ? new Claim(PAPER, statement, here, Verdict.AGREES)
                : new Claim(PAPER, statement, here + String.format(Locale.ROOT, "; it differs: fewer than %.0f%% of "
                + "the pairs rise", RISE_PAIRS * 100), Verdict.DIFFERS);
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

    /** The 2D continuous attractor: needs the fixed points at the task's resting input and the attractor summary. */
    static Claim attractor() {
        return Claim.notTestedYet(PAPER, "The network carries a 2D continuous attractor (two Jacobian eigenvalues "
                + "near 1 at the slow points)", "fixed points at the task's resting input (fixation on, zero "
                + "evidence) and the attractor summary (eigenvalues near 1 at the slow points, slow-manifold "
                + "dimension)");
    }

    /** OOD generalisation needs N_task &gt;= D for larger D: needs the OOD test for D &gt; 2. */
    static Claim largerD(boolean dimsAxis) {
        return new Claim(PAPER, "OOD generalisation needs N_task ≥ D for larger D as well", "needs the OOD quadrant "
                + "test for D > 2 (decoding every latent, holding out each orthant), which is not implemented yet"
                + (dimsAxis ? "" : "; this scale trains D = 2 only (the full scale: D in {2, 3, 4})"),
                Verdict.NOT_TESTED_YET);
    }
}
