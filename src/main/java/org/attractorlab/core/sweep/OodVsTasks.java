package org.attractorlab.core.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.analysis.decode.OodQuadrantResult;
import org.attractorlab.core.io.Csv;
import org.attractorlab.core.run.TrainedRun;
import org.attractorlab.core.study.OodStudy;
import org.attractorlab.core.study.Probe;
import org.attractorlab.core.task.EvidenceMultitaskTask;

/**
 * Vafidis et al.'s result from a sweep of evidence-multitask networks: the in-distribution and out-of-distribution
 * r^2 of the OOD quadrant test against the number of tasks N_task, one line per latent dimension D. Each done run's
 * D and N_task are read from its own resolved config (so any sweep axes, zips or sets that vary them will do); its
 * r^2 are the {@code ood_r2} and {@code id_r2} its sweep record holds when the sweep ran the {@code decode}
 * analyses, and otherwise computed now through {@link OodStudy} with its defaults on the run's probe batch (the same
 * numbers). A point is the mean over the runs with that D and N_task (the seeds, say), with its standard error.
 */
public final class OodVsTasks {
    /** Where a run's numbers came from. */
    public static final String FROM_RECORD = "sweep record";
    public static final String FROM_STUDY = "ood study";

    private OodVsTasks() {
    }

    /**
     * One done run.
     *
     * @param run        the point's name
     * @param latentDims D
     * @param taskCount  N_task
     * @param seed       the config's seed
     * @param oodR2      mean OOD r^2 over held-out orthants and latents
     * @param idR2       mean in-distribution r^2 over latents
     * @param source     {@link #FROM_RECORD} or {@link #FROM_STUDY}
     */
    public record Row(String run, int latentDims, int taskCount, long seed, double oodR2, double idR2,
                      String source) {
    }

    /**
     * One point of the figure: the runs with one D and N_task.
     *
     * @param oodSe standard error of the OOD mean (NaN for one run); likewise idSe
     */
    public record Point(int latentDims, int taskCount, double oodMean, double oodSe, double idMean, double idSe,
                        int runs) {
    }

    /**
     * @param rows    one per done run with both numbers, in the sweep's order
     * @param points  by D, then N_task, ascending
     * @param leftOut the runs left out and why ("0003-... (failed: ...)")
     */
    public record Result(List<Row> rows, List<Point> points, List<String> leftOut) {
        public Result {
            rows = List.copyOf(rows);
            points = List.copyOf(points);
            leftOut = List.copyOf(leftOut);
        }

        /** The distinct D values, ascending. */
        public List<Integer> dims() {
            return points.stream().map(Point::latentDims).distinct().sorted().toList();
        }

        /** "12 runs, D in [2, 3], N_task in [1, 2, 6]". */
        public String summary() {
            return String.format(Locale.ROOT, "%d run%s, D in %s, N_task in %s", rows.size(),
                    rows.size() == 1 ? "" : "s", dims(),
                    points.stream().map(Point::taskCount).distinct().sorted().toList());
        }
    }

    /**
     * The figure's data for a sweep.
     *
     * @throws SweepException when a done run is not an evidence-multitask run or cannot be opened, or when no run
     *                        is left to draw
     */
    public static Result of(SweepDirectory sweep) {
        List<Row> rows = new ArrayList<>();
        List<String> left = new ArrayList<>();
        for (SweepPoint p : sweep.plan().points()) {
            RunRecord record = sweep.record(p);
            SweepDirectory.RunState state = sweep.state(p, record);
            if (state != SweepDirectory.RunState.DONE) {
                left.add(new SweepNetworks.LeftOut(p.name(), state, record == null ? "" : record.message())
                        .describe());
                continue;
            }
            TrainedRun run;
            try {
                run = TrainedRun.open(sweep.runDir(p), null);
            } catch (IOException | RuntimeException e) {
                throw new SweepException("cannot open the done run " + sweep.runDir(p) + ": "
                        + (e instanceof IOException io ? SweepDirectory.describe(io) : e.getMessage()), e);
            }
            if (!(run.experiment().task() instanceof EvidenceMultitaskTask task)) {
                throw new SweepException("run " + p.name() + " is a " + run.experiment().task().name()
                        + " run; the OOD figure draws " + EvidenceMultitaskTask.NAME + " runs");
            }
            int d = task.options().latentDims();
            int n = task.options().taskCount();
            long seed = run.experiment().config().seed();
            Double ood = record.summary().get("ood_r2");
            Double id = record.summary().get("id_r2");
            if (ood != null && id != null && Double.isFinite(ood) && Double.isFinite(id)) {
                rows.add(new Row(p.name(), d, n, seed, ood, id, FROM_RECORD));
                continue;
            }
            try {
                HiddenStates h = Probe.states(run, Probe.TRIALS, false);
                OodQuadrantResult r = OodStudy.run(h, OodStudy.defaultsFor(h)).ood();
                rows.add(new Row(p.name(), d, n, seed, r.meanOod(), r.meanInDistribution(), FROM_STUDY));
            } catch (IllegalArgumentException e) {
                left.add(p.name() + " (OOD test: " + e.getMessage() + ")");
            }
        }
        if (rows.isEmpty()) {
            throw new SweepException("no done run to draw" + (left.isEmpty() ? "" : "; left out: "
                    + String.join(", ", left)));
        }
        return new Result(rows, points(rows), left);
    }

    /** The rows averaged per (D, N_task). */
    static List<Point> points(List<Row> rows) {
        TreeMap<Integer, TreeMap<Integer, List<Row>>> groups = new TreeMap<>();
        for (Row r : rows) {
            groups.computeIfAbsent(r.latentDims(), k -> new TreeMap<>())
                    .computeIfAbsent(r.taskCount(), k -> new ArrayList<>()).add(r);
        }
        List<Point> out = new ArrayList<>();
        groups.forEach((d, byTasks) -> byTasks.forEach((n, members) -> {
            double[] ood = SweepSummary.meanAndSe(members.stream().mapToDouble(Row::oodR2).toArray());
            double[] id = SweepSummary.meanAndSe(members.stream().mapToDouble(Row::idR2).toArray());
            out.add(new Point(d, n, ood[0], ood[1], id[0], id[1], members.size()));
        }));
        return out;
    }

    /** Writes the per-run rows: run, latent_dims, task_count, seed, ood_r2, id_r2, source. */
    public static void writeCsv(Path file, Result r) throws IOException {
        List<List<?>> rows = new ArrayList<>();
        for (Row row : r.rows()) {
            rows.add(List.of(row.run(), row.latentDims(), row.taskCount(), row.seed(), row.oodR2(), row.idR2(),
                    row.source()));
        }
        Csv.write(file, List.of("run", "latent_dims", "task_count", "seed", "ood_r2", "id_r2", "source"), rows);
    }
}
