package org.attractorlab.figure;

import java.awt.geom.Line2D;
import java.util.function.BiFunction;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.SamplingXYLineRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYDataset;

/** Loss (left axis, log or linear) and accuracy (right axis, 0 to 1) against training step. */
public final class LossChart {
    public static final String TITLE = "Loss and accuracy";

    private LossChart() {
    }

    /** A loss chart of {@code s} in a plain {@link JFreeChart}. */
    public static JFreeChart create(LossSeries s, boolean log, boolean dark) {
        return create(s, log, dark, (t, p) -> new JFreeChart(t, JFreeChart.DEFAULT_TITLE_FONT, p, true));
    }

    /** A loss chart of {@code s} in the chart {@code factory} makes of a title and a plot. */
    public static JFreeChart create(LossSeries s, boolean log, boolean dark,
                                    BiFunction<String, Plot, JFreeChart> factory) {
        NumberAxis step = new NumberAxis("training step");
        step.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(s.losses(), step, axis(log), new SamplingXYLineRenderer());
        plot.setDataset(1, s.accuracies());
        NumberAxis acc = new NumberAxis("accuracy");
        acc.setRange(0, 1.02);
        plot.setRangeAxis(1, acc);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, new SamplingXYLineRenderer());
        JFreeChart chart = factory.apply(TITLE, plot);
        ChartStyle.apply(chart, dark);
        // the sampling renderer's own legend items have no visible line: one line per curve in its colour
        LegendItemCollection items = new LegendItemCollection();
        Line2D line = new Line2D.Double(-8, 0, 8, 0);
        for (int r = 0; r < 2; r++) {
            XYDataset d = plot.getDataset(r);
            for (int i = 0; i < d.getSeriesCount(); i++) {
                items.add(new LegendItem(d.getSeriesKey(i).toString(), null, null, null, line,
                        plot.getRenderer(r).getSeriesStroke(i), plot.getRenderer(r).getSeriesPaint(i)));
            }
        }
        plot.setFixedLegendItems(items);
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.BOTTOM);
        }
        return chart;
    }

    /** Switches the loss axis between logarithmic and linear. */
    public static void setLogScale(JFreeChart chart, boolean log, boolean dark) {
        chart.getXYPlot().setRangeAxis(0, axis(log));
        ChartStyle.apply(chart, dark);
    }

    /** Whether the loss axis is logarithmic. */
    public static boolean isLogScale(JFreeChart chart) {
        return chart.getXYPlot().getRangeAxis(0) instanceof LogAxis;
    }

    private static ValueAxis axis(boolean log) {
        if (log) {
            LogAxis a = new LogAxis("loss (log scale)");
            a.setSmallestValue(1e-8);
            a.setAutoRange(true);
            return a;
        }
        NumberAxis a = new NumberAxis("loss");
        a.setAutoRangeIncludesZero(true);
        return a;
    }
}
