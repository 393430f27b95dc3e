package org.attractorlab.core.reproduce;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attractorlab.core.run.TrainedRun;
import org.attractorlab.core.sweep.RunRecord;
import org.attractorlab.core.sweep.SweepDirectory;
import org.attractorlab.core.sweep.SweepPoint;

/** The done runs of a sweep, opened, and the runs left out with why. */
public record SweepRuns(List<Done> done, List<String> leftOut) {

    /**
     * A done run.
     *
     * @param point  its sweep point (axes, name)
     * @param run    its trained network
     * @param record how it ended, with its summaries
     */
    public record Done(SweepPoint point, TrainedRun run, RunRecord record) {
        /** The value of an axis, as text ("" when the point has no such axis). */
        public String axis(String name) {
            return point.axes().getOrDefault(name, "");
        }

        /** The config's seed. */
        public long seed() {
            return run.experiment().config().seed();
        }

        /** A summary value of the run's record, NaN when it has none. */
        public double summary(String column) {
            Double v = record.summary().get(column);
            return v == null ? Double.NaN : v;
        }
    }

    public SweepRuns {
        done = List.copyOf(done);
        leftOut = List.copyOf(leftOut);
    }

    /** Opens the done runs of {@code sweep}; the others are listed with their state and message. */
    public static SweepRuns of(SweepDirectory sweep) throws IOException {
        List<Done> done = new ArrayList<>();
        List<String> left = new ArrayList<>();
        for (SweepPoint p : sweep.plan().points()) {
            RunRecord r = sweep.record(p);
            SweepDirectory.RunState s = sweep.state(p, r);
            if (s != SweepDirectory.RunState.DONE) {
                left.add(p.name() + " (" + s.key() + (r == null || r.message() == null || r.message().isEmpty() ? ""
                        : ": " + r.message()) + ")");
                continue;
            }
            done.add(new Done(p, TrainedRun.open(sweep.runDir(p), null), r));
        }
        return new SweepRuns(done, left);
    }

    /** The done runs whose axis {@code name} has {@code value}. */
    public List<Done> where(String name, String value) {
        return done.stream().filter(d -> d.axis(name).equals(value)).toList();
    }

    /** The distinct values of an axis over the done runs, in sweep order. */
    public List<String> values(String axis) {
        return done.stream().map(d -> d.axis(axis)).distinct().toList();
    }

    /** "0.93", "nan" for NaN: how report tables write a number. */
    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        return Math.abs(v) >= 100 || v == Math.rint(v) && Math.abs(v) < 1e6 ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.3f", v);
    }

    /** "0.93 ± 0.02 (n = 3)" of values: the mean and its standard error. */
    public static String meanSe(double[] values) {
        double[] m = org.attractorlab.core.sweep.SweepSummary.meanAndSe(values);
        return String.format(Locale.ROOT, "%.3f ± %.3f (n = %d)", m[0], Double.isNaN(m[1]) ? 0 : m[1],
                (int) m[2]);
    }

    /** Axis values to text, "cell=gru, seed=2". */
    public static String describe(Map<String, String> axes) {
        List<String> parts = new ArrayList<>();
        axes.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(", ", parts);
    }
}
