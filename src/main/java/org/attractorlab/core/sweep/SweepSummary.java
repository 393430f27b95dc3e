package org.attractorlab.core.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.attractorlab.core.io.Csv;

/**
 * {@code sweep collect}: one table row per run (its axes, state, and the scalar summaries its record holds), and
 * optionally the same averaged over the runs that share the values of some axes (mean, standard error, count).
 */
public final class SweepSummary {
    public static final String FILE = "summary.csv";

    private SweepSummary() {
    }

    /**
     * The table of runs.
     *
     * @param header  run, index, state, the axes, then the summary columns
     * @param rows    one per run, in sweep order
     * @param axes    the axis columns
     * @param metrics the summary columns
     */
    public record Table(List<String> header, List<List<Object>> rows, List<String> axes, List<String> metrics) {
    }

    /** Reads every run's record into a table. */
    public static Table table(SweepDirectory sweep) {
        List<SweepPoint> points = sweep.plan().points();
        List<RunRecord> records = new ArrayList<>(points.size());
        for (SweepPoint p : points) {
            records.add(sweep.record(p));
        }
        return table(sweep, records);
    }

    /**
     * The table of runs from records already read (the app re-reads only the runs not yet done).
     *
     * @param records one per point of the sweep, in its order; null for a run that has none
     */
    public static Table table(SweepDirectory sweep, List<RunRecord> records) {
        List<String> axes = sweep.plan().spec().axisNames();
        List<SweepPoint> points = sweep.plan().points();
        if (records.size() != points.size()) {
            throw new IllegalArgumentException(records.size() + " records for " + points.size() + " runs");
        }
        LinkedHashSet<String> metrics = new LinkedHashSet<>();
        for (RunRecord r : records) {
            if (r != null) {
                metrics.addAll(r.summary().keySet());
            }
        }
        List<String> header = new ArrayList<>(List.of("run", "index", "state"));
        header.addAll(axes);
        header.addAll(metrics);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            SweepPoint p = points.get(i);
            RunRecord r = records.get(i);
            List<Object> row = new ArrayList<>(List.of(p.name(), p.index(), sweep.state(p, r).key()));
            for (String a : axes) {
                row.add(p.axes().getOrDefault(a, ""));
            }
            for (String m : metrics) {
                row.add(r == null ? Double.NaN : r.summary().getOrDefault(m, Double.NaN));
            }
            rows.add(row);
        }
        return new Table(header, rows, axes, List.copyOf(metrics));
    }

    /** Writes {@code summary.csv}, and with {@code groupBy} also {@code summary_by_<axes>.csv}; returns the files. */
    public static List<Path> collect(SweepDirectory sweep, List<String> groupBy) throws IOException {
        Table t = table(sweep);
        List<Path> out = new ArrayList<>();
        Path file = sweep.dir().resolve(FILE);
        Csv.write(file, t.header(), t.rows());
        out.add(file);
        if (!groupBy.isEmpty()) {
            Path g = sweep.dir().resolve("summary_by_" + String.join("_", groupBy.stream()
                    .map(a -> a.substring(a.lastIndexOf('.') + 1)).toList()) + ".csv");
            Grouped grouped = group(t, groupBy);
            Csv.write(g, grouped.header(), grouped.rows());
            out.add(g);
        }
        return out;
    }

    /** A grouped table: the group's axis values, the number of done runs, then mean and standard error per metric. */
    public record Grouped(List<String> header, List<List<Object>> rows) {
    }

    /**
     * Averages the done runs over every axis not in {@code groupBy}: per group and metric the mean, the standard
     * error (sample standard deviation / sqrt(n), NaN for one run) and n, over the runs whose value is finite.
     */
    public static Grouped group(Table t, List<String> groupBy) {
        for (String a : groupBy) {
            if (!t.axes().contains(a)) {
                throw new SweepException("group by: '" + a + "' is not an axis of the sweep; its axes are " + t.axes());
            }
        }
        int stateCol = t.header().indexOf("state");
        Map<List<String>, List<List<Object>>> groups = new LinkedHashMap<>();
        for (List<Object> row : t.rows()) {
            if (!"done".equals(row.get(stateCol))) {
                continue;
            }
            List<String> key = new ArrayList<>();
            for (String a : groupBy) {
                key.add(String.valueOf(row.get(t.header().indexOf(a))));
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        List<String> header = new ArrayList<>(groupBy);
        header.add("runs");
        for (String m : t.metrics()) {
            header.add(m + "_mean");
            header.add(m + "_se");
            header.add(m + "_n");
        }
        List<List<Object>> rows = new ArrayList<>();
        groups.forEach((key, members) -> {
            List<Object> row = new ArrayList<>(key);
            row.add(members.size());
            for (String m : t.metrics()) {
                int col = t.header().indexOf(m);
                double[] stats = meanAndSe(members.stream().mapToDouble(r -> (Double) r.get(col)).toArray());
                row.add(stats[0]);
                row.add(stats[1]);
                row.add((int) stats[2]);
            }
            rows.add(row);
        });
        return new Grouped(header, rows);
    }

    /** Mean, standard error and count of the finite values. */
    public static double[] meanAndSe(double[] values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                sum += v;
                n++;
            }
        }
        if (n == 0) {
            return new double[]{Double.NaN, Double.NaN, 0};
        }
        double mean = sum / n;
        double ss = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        double se = n > 1 ? Math.sqrt(ss / (n - 1)) / Math.sqrt(n) : Double.NaN;
        return new double[]{mean, se, n};
    }
}
