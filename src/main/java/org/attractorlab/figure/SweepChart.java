package org.attractorlab.figure;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.util.function.BiFunction;
import org.attractorlab.core.sweep.SweepSeries;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * A summary column of a sweep against one of its axes: one line per value of the series axis, each point the mean
 * over the done runs with error bars of one standard error. A numeric axis is drawn as numbers, any other as its
 * values at equal steps.
 */
public final class SweepChart {
    private SweepChart() {
    }

    /** The chart of {@code s} in a plain {@link JFreeChart}. */
    public static JFreeChart create(SweepSeries s, boolean dark) {
        return create(s, dark, (t, p) -> new JFreeChart(t, JFreeChart.DEFAULT_TITLE_FONT, p, true));
    }

    /** The chart of {@code s} in the chart {@code factory} makes of a title and a plot. */
    public static JFreeChart create(SweepSeries s, boolean dark, BiFunction<String, Plot, JFreeChart> factory) {
        ValueAxis x;
        if (s.numericX()) {
            NumberAxis n = numberAxis(s.xAxis());
            if (s.xValues().stream().allMatch(v -> Double.parseDouble(v) == Math.rint(Double.parseDouble(v)))) {
                n.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            }
            x = n;
        } else {
            x = new SymbolAxis(s.xAxis(), s.xValues().toArray(String[]::new));
        }
        NumberAxis y = numberAxis(s.yColumn());
        // a constant column (every run found 27 fixed points) gets a range around it rather than a degenerate one
        double largest = s.lines().stream().flatMap(l -> l.points().stream()).mapToDouble(p -> Math.abs(p.mean()))
                .max().orElse(1);
        y.setAutoRangeMinimumSize(Math.max(1e-9, 0.02 * largest));
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDefaultLinesVisible(true);
        r.setDefaultShapesVisible(true);
        r.setCapLength(6);
        r.setErrorStroke(new BasicStroke(1.2f));
        XYPlot plot = new XYPlot(dataset(s), x, y, r);
        JFreeChart chart = factory.apply(title(s), plot);
        ChartStyle.apply(chart, dark);
        for (int i = 0; i < s.lines().size(); i++) {
            r.setSeriesShape(i, new Ellipse2D.Double(-3, -3, 6, 6));
            r.setSeriesPaint(i, ChartStyle.PALETTE[i % ChartStyle.PALETTE.length]);
            r.setSeriesStroke(i, new BasicStroke(1.6f));
        }
        TextTitle sub = new TextTitle(subtitle(s), new java.awt.Font("SansSerif", java.awt.Font.PLAIN, 11));
        sub.setPaint(ChartStyle.foreground(dark));
        chart.addSubtitle(0, sub);
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setVisible(s.seriesAxis() != null);
        }
        return chart;
    }

    /** The lines as a dataset: x, mean, mean - se, mean + se (the bar is empty where one run gives no se). */
    public static YIntervalSeriesCollection dataset(SweepSeries s) {
        YIntervalSeriesCollection d = new YIntervalSeriesCollection();
        for (SweepSeries.Line line : s.lines()) {
            YIntervalSeries ys = new YIntervalSeries(seriesKey(s, line), false, true);
            for (SweepSeries.Point p : line.points()) {
                double se = Double.isFinite(p.se()) ? p.se() : 0;
                ys.add(p.xPos(), p.mean(), p.mean() - se, p.mean() + se);
            }
            d.addSeries(ys);
        }
        return d;
    }

    /** "final_loss against model.hidden_size". */
    public static String title(SweepSeries s) {
        return s.yColumn() + " against " + s.xAxis();
    }

    /** What a point is: "mean ± standard error over seed (n runs)". */
    public static String subtitle(SweepSeries s) {
        boolean single = s.lines().stream().flatMap(l -> l.points().stream()).allMatch(p -> p.n() == 1);
        if (single) {
            return "one run per point (" + s.runs() + " done runs)";
        }
        String over = s.averaged().isEmpty() ? "the runs at each point" : String.join(", ", s.averaged());
        return "mean \u00b1 standard error over " + over + " (" + s.runs() + " done runs)";
    }

    /** The legend's name of a line: "model.hidden_size = 32", or the column for the single line. */
    public static String seriesKey(SweepSeries s, SweepSeries.Line line) {
        return s.seriesAxis() == null ? line.value() : s.seriesAxis() + " = " + line.value();
    }

    private static NumberAxis numberAxis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        return a;
    }
}
