package org.attractorlab.app.panes.fixedpoints;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import javafx.application.Platform;
import org.attractorlab.figure.ChartStyle;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.event.ChartProgressEvent;
import org.jfree.chart.event.ChartProgressListener;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;
import org.jfree.data.xy.XYDataset;

/**
 * The eigenvalue spectrum: every point's eigenvalues faint, the selected point's on top, with the unit circle (the
 * stability boundary of the map) or, for the continuous-time view, the imaginary axis. Both axes have the same
 * scale, so the circle is round: after a redraw that changed the plot area or the data, the ranges are refitted.
 */
final class SpectrumChart {
    private final JFreeChart chart;
    private final XYPlot plot;
    private final ChartViewer viewer;
    private final NumberAxis re = new NumberAxis();
    private final NumberAxis im = new NumberAxis();
    private final XYShapeAnnotation unitCircle;
    private final ValueMarker imaginaryAxis;
    private final ChartProgressListener fitter = this::drawn;
    private final double[] fittedArea = new double[2];
    private boolean continuous;
    private String fittedData = "";
    private String fittedSize = "";
    private int refits;

    SpectrumChart(XYDataset selected, XYDataset all, boolean dark) {
        plot = new XYPlot(selected, re, im, renderer());
        plot.setDataset(1, all);
        plot.setRenderer(1, renderer());
        re.setAutoRangeIncludesZero(false);
        im.setAutoRangeIncludesZero(false);
        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart, dark);
        Color fg = ChartStyle.foreground(dark);
        Color faint = new Color(fg.getRed(), fg.getGreen(), fg.getBlue(), 70);
        plot.getRenderer(0).setSeriesPaint(0, ChartStyle.PALETTE[1]);
        plot.getRenderer(0).setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        plot.getRenderer(1).setSeriesPaint(0, faint);
        plot.getRenderer(1).setSeriesShape(0, new Ellipse2D.Double(-2, -2, 4, 4));
        Color boundary = new Color(fg.getRed(), fg.getGreen(), fg.getBlue(), 150);
        BasicStroke dashed = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[]{4f, 3f}, 0f);
        unitCircle = new XYShapeAnnotation(new Ellipse2D.Double(-1, -1, 2, 2), dashed, boundary);
        imaginaryAxis = new ValueMarker(0, boundary, dashed);
        plot.addAnnotation(unitCircle);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        setContinuous(false);
        chart.addProgressListener(fitter);
        viewer = new ChartViewer(chart);
        viewer.setId("fp-spectrum");
    }

    private static XYLineAndShapeRenderer renderer() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setDefaultToolTipGenerator((d, s, i) -> String.format(java.util.Locale.ROOT, "%.4f %+.4fi",
                d.getXValue(s, i), d.getYValue(s, i)));
        return r;
    }

    ChartViewer viewer() {
        return viewer;
    }

    JFreeChart chart() {
        return chart;
    }

    /** Eigenvalues lambda of the map with the unit circle, or rates (lambda - 1) / alpha with the imaginary axis. */
    void setContinuous(boolean rates) {
        continuous = rates;
        plot.removeAnnotation(unitCircle, false);
        plot.removeDomainMarker(0, imaginaryAxis, Layer.FOREGROUND, false);
        if (rates) {
            plot.addDomainMarker(0, imaginaryAxis, Layer.FOREGROUND, false);
        } else {
            plot.addAnnotation(unitCircle, false);
        }
        re.setLabel(rates ? "Re (\u03bb - 1)/\u03b1  [1/\u03c4]" : "Re \u03bb");
        im.setLabel(rates ? "Im (\u03bb - 1)/\u03b1" : "Im \u03bb");
        fittedData = "";
        fit();
    }

    private void drawn(ChartProgressEvent e) {
        if (e.getType() != ChartProgressEvent.DRAWING_FINISHED || viewer == null) {
            return;
        }
        Rectangle2D area = dataArea();
        String size = (int) viewer.getWidth() + "x" + (int) viewer.getHeight();
        if (!dataKey().equals(fittedData) || !size.equals(fittedSize)) {
            refits = 0;
            Platform.runLater(this::fit);
        } else if (area != null && (Math.abs(area.getWidth() - fittedArea[0]) > 1
                || Math.abs(area.getHeight() - fittedArea[1]) > 1) && refits++ < 3) {
            // the tick labels changed the plot area: fit again, a few times at most
            Platform.runLater(this::fit);
        }
    }

    /** What the ranges depend on besides the plot area: the data bounds, the view, and auto range (zoom reset). */
    private String dataKey() {
        return java.util.Arrays.toString(bounds()) + continuous + re.isAutoRange();
    }

    private Rectangle2D dataArea() {
        ChartRenderingInfo info = viewer == null ? null : viewer.getCanvas().getRenderingInfo();
        return info == null ? null : info.getPlotInfo().getDataArea();
    }

    /** Equal scales on both axes: the data bounds (with the unit circle or Re = 0), padded, fitted to the area. */
    private void fit() {
        Rectangle2D area = dataArea();
        if (viewer == null || area == null || area.getWidth() < 10 || area.getHeight() < 10) {
            return;
        }
        double[] b = bounds();
        double w = (b[1] - b[0]) * 1.1;
        double h = (b[3] - b[2]) * 1.1;
        double scale = Math.max(w / area.getWidth(), h / area.getHeight());
        double cx = (b[0] + b[1]) / 2;
        double cy = (b[2] + b[3]) / 2;
        double halfW = scale * area.getWidth() / 2;
        double halfH = scale * area.getHeight() / 2;
        fittedArea[0] = area.getWidth();
        fittedArea[1] = area.getHeight();
        fittedSize = (int) viewer.getWidth() + "x" + (int) viewer.getHeight();
        re.setRange(new Range(cx - halfW, cx + halfW), true, false);
        fittedData = dataKey();
        im.setRange(new Range(cy - halfH, cy + halfH), true, true);
    }

    /** [minX, maxX, minY, maxY] of every eigenvalue shown, and of the stability boundary. */
    private double[] bounds() {
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

    /** Detaches the chart from the view model's datasets. */
    void dispose() {
        chart.removeProgressListener(fitter);
        plot.setDataset(0, null);
        plot.setDataset(1, null);
    }
}
