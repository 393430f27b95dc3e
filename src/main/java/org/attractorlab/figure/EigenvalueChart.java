package org.attractorlab.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.function.BiFunction;
import org.attractorlab.core.analysis.fixedpoint.FixedPointResult;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.XYDataset;

/**
 * The eigenvalue spectrum of the Jacobians at the fixed points: every point's eigenvalues faint, the selected
 * point's on top, with the unit circle (the stability boundary of the map) or, for the continuous-time view, the
 * imaginary axis. Both axes should have the same scale, so that the circle is round: {@link #fit} sets the ranges
 * for a plot area (the pane calls it after each layout, an exported figure before drawing).
 */
public final class EigenvalueChart {
    /** The series of every point's eigenvalues. */
    public static final String ALL_POINTS = "all points";
    /** The series of the selected point's eigenvalues. */
    public static final String SELECTED_POINT = "selected point";
    public static final String TITLE = "Eigenvalues of the Jacobian at the fixed points";

    private final JFreeChart chart;
    private final XYPlot plot;
    private final NumberAxis re = new NumberAxis();
    private final NumberAxis im = new NumberAxis();
    private XYShapeAnnotation unitCircle;
    private ValueMarker imaginaryAxis;
    private boolean continuous;

    /** A chart of the two datasets in a plain {@link JFreeChart}; {@code title} may be null. */
    public EigenvalueChart(XYDataset selected, XYDataset all, boolean dark, String title) {
        this(selected, all, dark, title, (t, p) -> new JFreeChart(t, JFreeChart.DEFAULT_TITLE_FONT, p, true));
    }

    public EigenvalueChart(XYDataset selected, XYDataset all, boolean dark, String title,
                           BiFunction<String, Plot, JFreeChart> factory) {
        plot = new ThemedPlot(selected, re, im, renderer());
        plot.setDataset(1, all);
        plot.setRenderer(1, renderer());
        re.setAutoRangeIncludesZero(false);
        im.setAutoRangeIncludesZero(false);
        chart = factory.apply(title, plot);
        ChartStyle.apply(chart, dark);
        plot.getRenderer(0).setSeriesPaint(0, ChartStyle.PALETTE[1]);
        plot.getRenderer(0).setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        plot.getRenderer(1).setSeriesShape(0, new Ellipse2D.Double(-2, -2, 4, 4));
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        themeMarks(dark);
    }

    /** The plot, which redoes the theme's marks when the window's theme changes. */
    private final class ThemedPlot extends XYPlot implements ChartStyle.Themed {
        ThemedPlot(XYDataset d, org.jfree.chart.axis.ValueAxis x, org.jfree.chart.axis.ValueAxis y,
                   org.jfree.chart.renderer.xy.XYItemRenderer r) {
            super(d, x, y, r);
        }

        @Override
        public void retheme(boolean dark) {
            themeMarks(dark);
        }
    }

    /** The colours drawn from the theme's foreground: all eigenvalues (faint), the unit circle, the imaginary axis. */
    private void themeMarks(boolean dark) {
        Color fg = ChartStyle.foreground(dark);
        plot.getRenderer(1).setSeriesPaint(0, new Color(fg.getRed(), fg.getGreen(), fg.getBlue(), dark ? 110 : 70));
        Color boundary = new Color(fg.getRed(), fg.getGreen(), fg.getBlue(), 150);
        BasicStroke dashed = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[]{4f, 3f}, 0f);
        if (unitCircle != null) {
            plot.removeAnnotation(unitCircle, false);
            plot.removeDomainMarker(0, imaginaryAxis, Layer.FOREGROUND, false);
        }
        unitCircle = new XYShapeAnnotation(new Ellipse2D.Double(-1, -1, 2, 2), dashed, boundary);
        imaginaryAxis = new ValueMarker(0, boundary, dashed);
        setContinuous(continuous);
    }

    private static XYLineAndShapeRenderer renderer() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setDefaultToolTipGenerator((d, s, i) -> String.format(java.util.Locale.ROOT, "%.4f %+.4fi",
                d.getXValue(s, i), d.getYValue(s, i)));
        return r;
    }

    /**
     * The datasets of a search result: [0] the eigenvalues of point {@code selected} (none for -1), [1] those of
     * every point; the discrete map's lambda, or with {@code rates} the continuous-time (lambda - 1) / alpha.
     */
    public static DefaultXYDataset[] datasets(FixedPointResult r, int selected, boolean rates) {
        boolean useRates = rates && r.rateReal() != null;
        double[][] re = useRates ? r.rateReal() : r.eigenReal();
        double[][] imag = useRates ? r.rateImag() : r.eigenImag();
        DefaultXYDataset sel = new DefaultXYDataset();
        if (selected >= 0 && selected < r.count()) {
            sel.addSeries(SELECTED_POINT, new double[][]{re[selected].clone(), imag[selected].clone()});
        }
        DefaultXYDataset all = new DefaultXYDataset();
        all.addSeries(ALL_POINTS, flatten(re, imag));
        return new DefaultXYDataset[]{sel, all};
    }

    /** Rows of real and imaginary parts as one scatter [2][total]. */
    public static double[][] flatten(double[][] re, double[][] im) {
        int n = 0;
        for (double[] row : re) {
            n += row.length;
        }
        double[][] xy = new double[2][n];
        int k = 0;
        for (int i = 0; i < re.length; i++) {
            System.arraycopy(re[i], 0, xy[0], k, re[i].length);
            System.arraycopy(im[i], 0, xy[1], k, im[i].length);
            k += re[i].length;
        }
        return xy;
    }

    public JFreeChart chart() {
        return chart;
    }

    public XYPlot plot() {
        return plot;
    }

    public boolean continuous() {
        return continuous;
    }

    /** Eigenvalues lambda of the map with the unit circle, or rates (lambda - 1) / alpha with the imaginary axis. */
    public void setContinuous(boolean rates) {
        continuous = rates;
        plot.removeAnnotation(unitCircle, false);
        plot.removeDomainMarker(0, imaginaryAxis, Layer.FOREGROUND, false);
        if (rates) {
            plot.addDomainMarker(0, imaginaryAxis, Layer.FOREGROUND, false);
        } else {
            plot.addAnnotation(unitCircle, false);
        }
        re.setLabel(rates ? "Re (\u03bb - 1)/\u03b1  [1/\u03c4]" : "Re \u03bb");
        im.setLabel(rates ? "Im (\u03bb - 1)/\u03b1  [1/\u03c4]" : "Im \u03bb");
    }

    /** Whether the ranges follow the data (no zoom). */
    public boolean autoRange() {
        return re.isAutoRange();
    }

    /**
     * Equal scales on both axes: the data bounds (with the unit circle or Re = 0), padded, fitted to {@code area}.
     *
     * @return whether the ranges changed
     */
    public boolean fit(Rectangle2D area) {
        if (area == null || area.getWidth() < 10 || area.getHeight() < 10) {
            return false;
        }
        double[] b = bounds();
        double w = (b[1] - b[0]) * 1.1;
        double h = (b[3] - b[2]) * 1.1;
        double scale = Math.max(w / area.getWidth(), h / area.getHeight());
        double cx = (b[0] + b[1]) / 2;
        double cy = (b[2] + b[3]) / 2;
        double halfW = scale * area.getWidth() / 2;
        double halfH = scale * area.getHeight() / 2;
        Range x = new Range(cx - halfW, cx + halfW);
        Range y = new Range(cy - halfH, cy + halfH);
        boolean changed = !close(x, re.getRange()) || !close(y, im.getRange());
        re.setRange(x, true, false);
        im.setRange(y, true, true);
        return changed;
    }

    private static boolean close(Range a, Range b) {
        double tol = 1e-6 * Math.max(a.getLength(), 1e-12);
        return Math.abs(a.getLowerBound() - b.getLowerBound()) < tol
                && Math.abs(a.getUpperBound() - b.getUpperBound()) < tol;
    }

    /** [minX, maxX, minY, maxY] of every eigenvalue shown, and of the stability boundary. */
    public double[] bounds() {
        double[] b = continuous ? new double[]{-1, 0.25, -0.5, 0.5} : new double[]{-1, 1, -1, 1};
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            XYDataset data = plot.getDataset(d);
            for (int s = 0; data != null && s < data.getSeriesCount(); s++) {
                for (int i = 0; i < data.getItemCount(s); i++) {
                    double x = data.getXValue(s, i);
                    double y = data.getYValue(s, i);
                    if (Double.isFinite(x) && Double.isFinite(y)) {
                        b[0] = Math.min(b[0], x);
                        b[1] = Math.max(b[1], x);
                        b[2] = Math.min(b[2], y);
                        b[3] = Math.max(b[3], y);
                    }
                }
            }
        }
        return b;
    }

    /** This chart as a figure, fitted to equal scales at the size it is drawn. */
    public Figure figure() {
        return new ChartFigure(chart, this::fit, chart.getTitle() == null ? TITLE : null);
    }
}
