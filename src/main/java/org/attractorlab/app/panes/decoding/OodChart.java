package org.attractorlab.app.panes.decoding;

import java.awt.Color;
import java.awt.Font;
import java.util.Locale;
import org.attractorlab.figure.ChartStyle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.CategoryDataset;

/**
 * The bar chart of the OOD quadrant test: per latent and held-out quadrant, the OOD r^2 (orange) beside the
 * in-distribution r^2 (blue), styled like the app's other charts. FX thread only.
 */
final class OodChart {
    private OodChart() {
    }

    /** A chart of {@code data} (series: OOD, in-distribution; categories: latent and quadrant). */
    static JFreeChart create(CategoryDataset data, boolean dark) {
        CategoryAxis categories = new CategoryAxis();
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
        chart.getLegend().setPosition(RectangleEdge.TOP);
        chart.getLegend().setItemFont(new Font("SansSerif", Font.PLAIN, 10));
        Color fg = ChartStyle.foreground(dark);
        plot.setBackgroundPaint(ChartStyle.background(dark));
        plot.setRangeGridlinePaint(ChartStyle.grid(dark));
        plot.setOutlineVisible(false);
        for (Axis a : new Axis[]{categories, r2}) {
            a.setLabelPaint(fg);
            a.setTickLabelPaint(fg);
            a.setAxisLinePaint(fg);
            a.setTickMarkPaint(fg);
            a.setLabelFont(new Font("SansSerif", Font.PLAIN, 11));
            a.setTickLabelFont(new Font("SansSerif", Font.PLAIN, 10));
        }
        return chart;
    }

    /** Shows r^2 from {@code lower} to 1. */
    static void setLowerBound(JFreeChart chart, double lower) {
        chart.getCategoryPlot().getRangeAxis().setRange(lower, 1);
    }
}
