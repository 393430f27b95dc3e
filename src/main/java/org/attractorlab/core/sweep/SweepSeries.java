package org.attractorlab.core.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One summary column of a sweep against one axis, as a plot shows it: per value of a second axis (the series) a
 * line of points, each the mean, standard error and count of the column over the done runs at that x value,
 * averaged over every other axis (the seeds, say). The app's sweep view and {@code export --figure sweep} both
 * draw this.
 *
 * @param xAxis      the axis along x
 * @param yColumn    the summary column along y
 * @param seriesAxis the axis that makes one line per value, or null for a single line
 * @param numericX   whether every x value is a number (else the values are categories, at their index)
 * @param xValues    the x axis's values in the sweep's order (sorted by number when numeric)
 * @param averaged   the axes averaged over (neither x nor the series)
 * @param lines      one per series value in the sweep's order (one, named by the column, without a series axis)
 */
public record SweepSeries(String xAxis, String yColumn, String seriesAxis, boolean numericX, List<String> xValues,
                          List<String> averaged, List<Line> lines) {
    public SweepSeries {
        xValues = List.copyOf(xValues);
        averaged = List.copyOf(averaged);
        lines = List.copyOf(lines);
    }

    /**
     * One line.
     *
     * @param value  the series axis's value, or the column's name for the single line
     * @param points the x values with at least one done run with a finite value, in the order of {@code xValues}
     */
    public record Line(String value, List<Point> points) {
        public Line {
            points = List.copyOf(points);
        }
    }

    /**
     * One point: the mean of the column over {@code n} runs and its standard error (NaN for one run).
     *
     * @param x     the x value as text
     * @param xPos  where it is drawn: the number, or the index in {@code xValues} of a category
     */
    public record Point(String x, double xPos, double mean, double se, int n) {
    }

    /**
     * The series of {@code yColumn} against {@code xAxis}, one line per value of {@code seriesAxis} (null: one line).
     *
     * @throws SweepException naming the choices when an axis or the column is not the table's, or the series axis
     *                        is the x axis
     */
    public static SweepSeries of(SweepSummary.Table t, String xAxis, String yColumn, String seriesAxis) {
        if (!t.axes().contains(xAxis)) {
            throw new SweepException("x axis: '" + xAxis + "' is not an axis of the sweep; its axes are " + t.axes());
        }
        if (!t.metrics().contains(yColumn)) {
            throw new SweepException("y column: '" + yColumn + "' is not a summary column of the sweep; its columns are "
                    + t.metrics());
        }
        if (seriesAxis != null && !t.axes().contains(seriesAxis)) {
            throw new SweepException("series: '" + seriesAxis + "' is not an axis of the sweep; its axes are "
                    + t.axes());
        }
        if (xAxis.equals(seriesAxis)) {
            throw new SweepException("series: '" + seriesAxis + "' is already the x axis; choose another axis or none");
        }
        int xCol = t.header().indexOf(xAxis);
        int yCol = t.header().indexOf(yColumn);
        int sCol = seriesAxis == null ? -1 : t.header().indexOf(seriesAxis);
        int stateCol = t.header().indexOf("state");
        List<String> xs = new ArrayList<>();
        Map<String, Map<String, List<Double>>> bySeries = new LinkedHashMap<>();
        for (List<Object> row : t.rows()) {
            String x = String.valueOf(row.get(xCol));
            if (!xs.contains(x)) {
                xs.add(x);
            }
            String s = sCol < 0 ? yColumn : String.valueOf(row.get(sCol));
            Map<String, List<Double>> line = bySeries.computeIfAbsent(s, k -> new LinkedHashMap<>());
            if ("done".equals(row.get(stateCol)) && row.get(yCol) instanceof Double v) {
                line.computeIfAbsent(x, k -> new ArrayList<>()).add(v);
            }
        }
        boolean numeric = !xs.isEmpty() && xs.stream().allMatch(SweepSeries::isNumber);
        if (numeric) {
            xs.sort(java.util.Comparator.comparingDouble(Double::parseDouble));
        }
        List<Line> lines = new ArrayList<>();
        bySeries.forEach((s, values) -> {
            List<Point> points = new ArrayList<>();
            for (int i = 0; i < xs.size(); i++) {
                List<Double> v = values.get(xs.get(i));
                if (v == null) {
                    continue;
                }
                double[] stats = SweepSummary.meanAndSe(v.stream().mapToDouble(Double::doubleValue).toArray());
                if (stats[2] > 0) {
                    points.add(new Point(xs.get(i), numeric ? Double.parseDouble(xs.get(i)) : i, stats[0], stats[1],
                            (int) stats[2]));
                }
            }
            lines.add(new Line(s, points));
        });
        List<String> averaged = new ArrayList<>(t.axes());
        averaged.remove(xAxis);
        averaged.remove(seriesAxis);
        return new SweepSeries(xAxis, yColumn, seriesAxis, numeric, xs, averaged, lines);
    }

    /** The number of runs behind all the points. */
    public int runs() {
        return lines.stream().flatMap(l -> l.points().stream()).mapToInt(Point::n).sum();
    }

    private static boolean isNumber(String s) {
        try {
            return Double.isFinite(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
