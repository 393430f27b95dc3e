package org.attractorlab.figure;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.Locale;
import org.attractorlab.core.analysis.decode.OodQuadrantResult;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.event.AxisChangeEvent;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The bar chart of the OOD quadrant test: per latent and held-out quadrant, the OOD r^2 (orange) beside the
 * in-distribution r^2 (blue), styled like the other charts.
 */
public final class OodChart {
    /** Series keys. */
    public static final String OOD_SERIES = "OOD (held out)";
    public static final String IN_SERIES = "in-distribution";
    public static final String TITLE = "Out-of-distribution quadrant test";
    /** Above this many categories the labels are drawn upright. */
    public static final int MAX_LEVEL_CATEGORIES = 12;

    private OodChart() {
    }

    /**
     * Fills {@code data} (replacing its content, one change event) with the test's r^2: per latent and held-out
     * quadrant, {@link #OOD_SERIES} and {@link #IN_SERIES}.
     */
    public static void fill(DefaultCategoryDataset data, OodQuadrantResult r) {
        data.setNotify(false);
        data.clear();
        for (int d = 0; d < r.dims(); d++) {
            for (int q = 0; q < r.quadrants().length; q++) {
                String category = category(r.latentColumns().get(d), quadrantLabel((long) r.quadrants()[q], r.dims()));
                data.addValue(r.ood(q, d), OOD_SERIES, category);
                data.addValue(r.inDistribution(q, d), IN_SERIES, category);
            }
        }
        data.setNotify(true);
    }

    /** The sign pattern of an orthant code sum_d 2^d [x_d &lt; 0], e.g. 1 -&gt; "(-,+)" for two dimensions. */
    public static String quadrantLabel(long code, int dims) {
        return org.attractorlab.core.study.OodStudy.quadrantLabel(code, dims);
    }

    /**
     * The chart's category of a latent and a held-out quadrant, e.g. "x0 \u2212+" for x0 with "(-,+)" (a minus
     * sign, not a hyphen, so that a wrapped axis label breaks only at the space).
     */
    public static String category(String latent, String quadrantLabel) {
        return latent + " " + quadrantLabel.replaceAll("[(),]", "").replace('-', '\u2212');
    }

    /**
     * Where the r^2 axis starts: 0, or below it in steps of 0.25 down to the lowest r^2, but not below -1 (the r^2
     * of a poor fit can be far below 0; the tooltips give the values).
     */
    public static double lowerBound(OodQuadrantResult result) {
        double lowest = 0;
        for (double v : result.oodR2()) {
            lowest = Math.min(lowest, v);
        }
        for (double v : result.inDistributionByQuadrant()) {
            lowest = Math.min(lowest, v);
        }
        return Math.max(-1, Math.floor(lowest * 4) / 4);
    }

    /** A chart of {@code data} (series: OOD, in-distribution; categories: latent and quadrant). */
    public static JFreeChart create(CategoryDataset data, boolean dark) {
        CategoryAxis categories = new OrthantAxis();
        categories.setMaximumCategoryLabelLines(2);
        NumberAxis r2 = new NumberAxis("r\u00b2");
        r2.setRange(0, 1);
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setItemMargin(0.05);
        bars.setSeriesPaint(0, ChartStyle.PALETTE[1]);
        bars.setSeriesPaint(1, ChartStyle.PALETTE[0]);
        bars.setDefaultToolTipGenerator((ds, row, col) -> String.format(Locale.ROOT, "%s, %s: %.3f",
                ds.getRowKey(row), ds.getColumnKey(col), ds.getValue(row, col).doubleValue()));
        CategoryPlot plot = new CategoryPlot(data, categories, r2, bars);
        JFreeChart chart = new JFreeChart(null, null, plot, true);
        ChartStyle.apply(chart, dark);
        ChartStyle.styleBars(chart, plot, dark, categories, r2);
        return chart;
    }

    /**
     * The categories' axis: more than {@link #MAX_LEVEL_CATEGORIES} labels (D &gt; 2: 2^D orthants per latent) do
     * not fit side by side, so they stand upright; decided at each layout from the plot's dataset, so the chart
     * follows a dataset that is refilled.
     */
    private static final class OrthantAxis extends CategoryAxis {
        private boolean quiet;

        @Override
        public AxisSpace reserveSpace(Graphics2D g2, Plot plot, Rectangle2D area, RectangleEdge edge,
                                      AxisSpace space) {
            CategoryDataset d = plot instanceof CategoryPlot p ? p.getDataset() : null;
            CategoryLabelPositions want = d != null && d.getColumnCount() > MAX_LEVEL_CATEGORIES
                    ? CategoryLabelPositions.UP_90 : CategoryLabelPositions.STANDARD;
            if (getCategoryLabelPositions() != want) {
                quiet = true; // a layout change, not a change of the chart: no redraw request from inside a draw
                try {
                    setCategoryLabelPositions(want);
                } finally {
                    quiet = false;
                }
            }
            return super.reserveSpace(g2, plot, area, edge, space);
        }

        @Override
        protected void notifyListeners(AxisChangeEvent event) {
            if (!quiet) {
                super.notifyListeners(event);
            }
        }
    }

    /** Shows r^2 from {@code lower} to 1. */
    public static void setLowerBound(JFreeChart chart, double lower) {
        chart.getCategoryPlot().getRangeAxis().setRange(lower, 1);
    }
}
