package org.attractorlab.figure;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.attractorlab.core.sweep.OodVsTasks;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Vafidis et al.'s result figure: in-distribution (dashed, open squares) and OOD (solid, dots) r^2 against N_task,
 * one colour per latent dimension D, each point the mean over its runs with one standard error.
 */
public final class OodVsTasksChart {
    public static final String TITLE = "OOD generalisation against the number of tasks";

    private OodVsTasksChart() {
    }

    /** The series key of a line: "D = 2, OOD" or "D = 2, in-distribution". */
    public static String seriesKey(int dims, boolean ood) {
        return "D = " + dims + ", " + (ood ? "OOD" : "in-distribution");
    }

    /** Per D (ascending) two series: OOD then in-distribution; x = N_task, y = mean, interval = mean +- se. */
    public static YIntervalSeriesCollection dataset(OodVsTasks.Result r) {
        YIntervalSeriesCollection d = new YIntervalSeriesCollection();
        for (int dims : r.dims()) {
            YIntervalSeries ood = new YIntervalSeries(seriesKey(dims, true), false, true);
            YIntervalSeries id = new YIntervalSeries(seriesKey(dims, false), false, true);
            for (OodVsTasks.Point p : r.points()) {
                if (p.latentDims() == dims) {
                    double se = Double.isFinite(p.oodSe()) ? p.oodSe() : 0;
                    ood.add(p.taskCount(), p.oodMean(), p.oodMean() - se, p.oodMean() + se);
                    se = Double.isFinite(p.idSe()) ? p.idSe() : 0;
                    id.add(p.taskCount(), p.idMean(), p.idMean() - se, p.idMean() + se);
                }
            }
            d.addSeries(ood);
            d.addSeries(id);
        }
        return d;
    }

    /** The r^2 axis's lower end: 0, or the lowest mean - se rounded down to 0.25, not below -1. */
    public static double lowerBound(OodVsTasks.Result r) {
        double low = 0;
        for (OodVsTasks.Point p : r.points()) {
            low = Math.min(low, Math.min(p.oodMean() - (Double.isFinite(p.oodSe()) ? p.oodSe() : 0), p.idMean()));
        }
        return Math.max(-1, Math.floor(low * 4) / 4);
    }

    /** "mean ± standard error over the runs at each point (12 runs)", or "one run per point (4 runs)". */
    public static String subtitle(OodVsTasks.Result r) {
        boolean single = r.points().stream().allMatch(p -> p.runs() == 1);
        return (single ? "one run per point" : "mean \u00b1 standard error over the runs at each point") + " ("
                + r.rows().size() + " runs); OOD: decoder fitted on all orthants but one, tested on it";
    }

    /** The chart, light or dark, in a plain {@link JFreeChart}. */
    public static JFreeChart create(OodVsTasks.Result r, boolean dark) {
        return create(r, dark, (t, p) -> new JFreeChart(t, new Font("SansSerif", Font.BOLD, 13), p, true));
    }

    /** The chart in the chart {@code factory} makes of a title and a plot. */
    public static JFreeChart create(OodVsTasks.Result r, boolean dark,
                                    java.util.function.BiFunction<String, org.jfree.chart.plot.Plot, JFreeChart> factory) {
        NumberAxis x = new NumberAxis("number of tasks N_task");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("r\u00b2 of the latent x*");
        y.setRange(lowerBound(r), 1.02);
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDefaultLinesVisible(true);
        renderer.setDefaultShapesVisible(true);
        renderer.setCapLength(5);
        YIntervalSeriesCollection data = dataset(r);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        JFreeChart chart = factory.apply(TITLE, plot);
        ChartStyle.apply(chart, dark);
        List<Integer> dims = r.dims();
        for (int i = 0; i < dims.size(); i++) {
            java.awt.Color c = ChartStyle.PALETTE[i % ChartStyle.PALETTE.length];
            renderer.setSeriesPaint(2 * i, c);
            renderer.setSeriesPaint(2 * i + 1, c);
            renderer.setSeriesStroke(2 * i, new BasicStroke(1.8f));
            renderer.setSeriesStroke(2 * i + 1, new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                    10, new float[]{5, 4}, 0));
            renderer.setSeriesShape(2 * i, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
            renderer.setSeriesShape(2 * i + 1, new Rectangle2D.Double(-3, -3, 6, 6));
            renderer.setSeriesShapesFilled(2 * i + 1, false);
        }
        TextTitle sub = new TextTitle(subtitle(r), new Font("SansSerif", Font.PLAIN, 11));
        sub.setPaint(ChartStyle.foreground(dark));
        chart.addSubtitle(0, sub);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        return chart;
    }
}
