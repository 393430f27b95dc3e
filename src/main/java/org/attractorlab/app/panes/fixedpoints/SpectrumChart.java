package org.attractorlab.app.panes.fixedpoints;

import java.awt.geom.Rectangle2D;
import javafx.application.Platform;
import org.attractorlab.app.charts.FxChart;
import org.attractorlab.figure.EigenvalueChart;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.event.ChartProgressEvent;
import org.jfree.chart.event.ChartProgressListener;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.xy.XYDataset;

/**
 * The eigenvalue spectrum on screen ({@link EigenvalueChart}): after a redraw that changed the plot area or the
 * data, the ranges are refitted to equal scales, so that the unit circle stays round.
 */
final class SpectrumChart {
    private final EigenvalueChart spectrum;
    private final ChartViewer viewer;
    private final ChartProgressListener fitter = this::drawn;
    private final double[] fittedArea = new double[2];
    private String fittedData = "";
    private String fittedSize = "";
    private int refits;

    SpectrumChart(XYDataset selected, XYDataset all, boolean dark) {
        spectrum = new EigenvalueChart(selected, all, dark, null, (t, p) -> new FxChart(t, p, true));
        spectrum.chart().addProgressListener(fitter);
        viewer = new ChartViewer(spectrum.chart());
        viewer.setId("fp-spectrum");
    }

    ChartViewer viewer() {
        return viewer;
    }

    JFreeChart chart() {
        return spectrum.chart();
    }

    boolean continuous() {
        return spectrum.continuous();
    }

    /** Eigenvalues lambda of the map with the unit circle, or rates (lambda - 1) / alpha with the imaginary axis. */
    void setContinuous(boolean rates) {
        spectrum.setContinuous(rates);
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
        return java.util.Arrays.toString(spectrum.bounds()) + spectrum.continuous() + spectrum.autoRange();
    }

    private Rectangle2D dataArea() {
        ChartRenderingInfo info = viewer == null ? null : viewer.getCanvas().getRenderingInfo();
        return info == null ? null : info.getPlotInfo().getDataArea();
    }

    private void fit() {
        Rectangle2D area = dataArea();
        if (viewer == null || area == null || area.getWidth() < 10 || area.getHeight() < 10) {
            return;
        }
        fittedArea[0] = area.getWidth();
        fittedArea[1] = area.getHeight();
        fittedSize = (int) viewer.getWidth() + "x" + (int) viewer.getHeight();
        spectrum.fit(area);
        fittedData = dataKey();
    }

    /** Detaches the chart from the view model's datasets. */
    void dispose() {
        spectrum.chart().removeProgressListener(fitter);
        spectrum.plot().setDataset(0, null);
        spectrum.plot().setDataset(1, null);
    }
}
