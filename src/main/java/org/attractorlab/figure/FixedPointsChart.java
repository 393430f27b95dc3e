package org.attractorlab.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The fixed points in the plane of the first two principal components: stable points as filled discs, unstable
 * ones as hollow red circles with their unstable modes as red segments, over the probe trajectories in grey.
 */
public final class FixedPointsChart {
    private static final Color UNSTABLE = new Color(0xcf222e);

    private FixedPointsChart() {
    }

    /**
     * @param projections [trials, steps, k] PC scores of the probe trials (k at least 2), or null
     * @param ratio       explained variance ratio of the components
     */
    public static JFreeChart create(FixedPointOverlay points, float[] projections, int trials, int steps, int k,
                                    double[] ratio, boolean dark) {
        XYSeries paths = new XYSeries("probe trajectories", false, true);
        if (projections != null && k >= 2) {
            for (int i = 0; i < trials; i++) {
                for (int t = 0; t < steps; t++) {
                    int p = (i * steps + t) * k;
                    paths.add(projections[p], projections[p + 1], false);
                }
                paths.add(projections[(i * steps + steps - 1) * k], Double.NaN, false);
            }
        }
        XYSeries stable = new XYSeries("stable", false, true);
        XYSeries unstable = new XYSeries("unstable", false, true);
        XYSeries modes = new XYSeries("unstable modes", false, true);
        int nStable = 0;
        for (int i = 0; i < points.count(); i++) {
            float[] p = points.projected()[i];
            if (points.stable()[i]) {
                stable.add(p[0], p[1], false);
                nStable++;
            } else {
                unstable.add(p[0], p[1], false);
            }
            for (float[][] m : points.modes()[i]) {
                modes.add(m[0][0], m[0][1], false);
                modes.add(m[1][0], m[1][1], false);
                modes.add(m[1][0], Double.NaN, false);
            }
        }
        XYSeriesCollection lines = new XYSeriesCollection();
        lines.addSeries(paths);
        lines.addSeries(modes);
        XYSeriesCollection marks = new XYSeriesCollection();
        marks.addSeries(stable);
        marks.addSeries(unstable);
        NumberAxis x = new NumberAxis(String.format(Locale.ROOT, "PC1 (%.0f%% of variance)", 100 * at(ratio, 0)));
        NumberAxis y = new NumberAxis(String.format(Locale.ROOT, "PC2 (%.0f%% of variance)", 100 * at(ratio, 1)));
        x.setAutoRangeIncludesZero(false);
        y.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer marksRenderer = new XYLineAndShapeRenderer(false, true);
        XYLineAndShapeRenderer linesRenderer = new XYLineAndShapeRenderer(true, false);
        XYPlot plot = new XYPlot(marks, x, y, marksRenderer);
        plot.setDataset(1, lines);
        plot.setRenderer(1, linesRenderer);
        String title = String.format(Locale.ROOT, "Fixed points (%d stable, %d unstable)", nStable,
                points.count() - nStable);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart, dark);
        Color fg = ChartStyle.foreground(dark);
        Color faint = new Color(fg.getRed(), fg.getGreen(), fg.getBlue(), 45);
        linesRenderer.setSeriesPaint(0, faint);
        linesRenderer.setSeriesStroke(0, new BasicStroke(0.8f));
        linesRenderer.setSeriesPaint(1, UNSTABLE);
        linesRenderer.setSeriesStroke(1, new BasicStroke(1.6f));
        marksRenderer.setSeriesPaint(0, fg);
        marksRenderer.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
        marksRenderer.setSeriesPaint(1, UNSTABLE);
        marksRenderer.setSeriesShape(1, new Ellipse2D.Double(-4.5, -4.5, 9, 9));
        marksRenderer.setSeriesShapesFilled(1, false);
        marksRenderer.setSeriesOutlineStroke(1, new BasicStroke(1.6f));
        marksRenderer.setUseOutlinePaint(false);
        marksRenderer.setDrawOutlines(true);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        return chart;
    }

    private static double at(double[] r, int i) {
        return r != null && i < r.length ? r[i] : 0;
    }
}
