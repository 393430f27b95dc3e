package org.attractorlab.app.charts;

import java.awt.geom.Rectangle2D;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.event.EventHandler;
import javafx.geometry.Point2D;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.util.Duration;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;

/**
 * Values under the pointer of an XY chart: while the pointer moves over the chart's data area, a describer turns
 * the pointer's position (in data coordinates and pixels) into text, shown in a tooltip beside the pointer and in
 * {@link #textProperty()}. Replaces JFreeChart's entity tooltips, which need an entity per item on every redraw.
 * FX thread only.
 */
public final class ChartHover {
    private static final String KEY = ChartHover.class.getName();

    /** Where the pointer is: data coordinates on the domain and first range axis, and helpers in pixels. */
    public static final class Pointer {
        private final XYPlot plot;
        private final Rectangle2D area;
        private final double px;
        private final double py;

        Pointer(XYPlot plot, Rectangle2D area, double px, double py) {
            this.plot = plot;
            this.area = area;
            this.px = px;
            this.py = py;
        }

        /** The plot under the pointer (a subplot of a combined plot). */
        public XYPlot plot() {
            return plot;
        }

        /** The domain (x) value under the pointer. */
        public double x() {
            return domainAxis().java2DToValue(px, area, plot.getDomainAxisEdge());
        }

        /** A subplot's domain axis is its parent's. */
        private org.jfree.chart.axis.ValueAxis domainAxis() {
            return plot.getDomainAxis() != null ? plot.getDomainAxis()
                    : ((XYPlot) plot.getParent()).getDomainAxis();
        }

        /** The value of the first range axis (y) under the pointer. */
        public double y() {
            return plot.getRangeAxis().java2DToValue(py, area, plot.getRangeAxisEdge());
        }

        /** Pixel distance from the pointer to the item's point, with the item on dataset {@code d}'s axes. */
        public double pixels(int d, XYDataset data, int series, int item) {
            org.jfree.chart.axis.ValueAxis dx = plot.getDomainAxisForDataset(d);
            double x = (dx == null ? domainAxis() : dx).valueToJava2D(data.getXValue(series, item), area,
                    plot.getDomainAxisEdge());
            double y = plot.getRangeAxisForDataset(d).valueToJava2D(data.getYValue(series, item), area,
                    plot.getRangeAxisEdge());
            return Math.hypot(x - px, y - py);
        }

        /**
         * The item of dataset {@code d} of the plot nearest to the pointer on the screen, as {series, item}, or null
         * if none lies within {@code maxPixels}.
         */
        public int[] nearest(int d, double maxPixels) {
            XYDataset data = plot.getDataset(d);
            if (data == null) {
                return null;
            }
            int[] best = null;
            double bestD = maxPixels;
            for (int s = 0; s < data.getSeriesCount(); s++) {
                for (int i = 0; i < data.getItemCount(s); i++) {
                    double p = pixels(d, data, s, i);
                    if (p <= bestD) {
                        bestD = p;
                        best = new int[]{s, i};
                    }
                }
            }
            return best;
        }

        /**
         * The item of dataset {@code d} nearest to the pointer along the domain axis only (bars, traces), as
         * {series, item}, or null if none lies within {@code maxPixels} horizontally.
         */
        public int[] nearestInX(int d, double maxPixels) {
            XYDataset data = plot.getDataset(d);
            if (data == null) {
                return null;
            }
            org.jfree.chart.axis.ValueAxis dx = plot.getDomainAxisForDataset(d);
            dx = dx == null ? domainAxis() : dx;
            int[] best = null;
            double bestD = maxPixels;
            for (int s = 0; s < data.getSeriesCount(); s++) {
                for (int i = 0; i < data.getItemCount(s); i++) {
                    double p = Math.abs(dx.valueToJava2D(data.getXValue(s, i), area, plot.getDomainAxisEdge()) - px);
                    if (p <= bestD) {
                        bestD = p;
                        best = new int[]{s, i};
                    }
                }
            }
            return best;
        }

        /**
         * "{@code xName} x · series = y" for the item nearest to the pointer over every dataset of the plot, or
         * null if none lies within {@code maxPixels}.
         */
        public String describeNearest(String xName, double maxPixels) {
            String text = null;
            double bestD = maxPixels;
            for (int d = 0; d < plot.getDatasetCount(); d++) {
                XYDataset data = plot.getDataset(d);
                int[] near = nearest(d, bestD);
                if (near != null) {
                    bestD = pixels(d, data, near[0], near[1]);
                    text = String.format(java.util.Locale.ROOT, "%s %s \u00b7 %s = %s", xName,
                            number(data.getXValue(near[0], near[1])), data.getSeriesKey(near[0]),
                            number(data.getYValue(near[0], near[1])));
                }
            }
            return text;
        }
    }

    /** A number in at most four significant digits, integers without decimals. */
    public static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e7) {
            return Long.toString((long) v);
        }
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }

    private final ChartViewer viewer;
    private final Function<Pointer, String> describe;
    private final Tooltip tip = new Tooltip();
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final EventHandler<MouseEvent> moved = this::moved;
    private final EventHandler<MouseEvent> exited = e -> show(null, 0, 0);

    private ChartHover(ChartViewer viewer, Function<Pointer, String> describe) {
        this.viewer = viewer;
        this.describe = describe;
        tip.getStyleClass().add("chart-hover");
        tip.setShowDelay(Duration.ZERO);
        tip.setAutoHide(false);
        viewer.getCanvas().setTooltipEnabled(false);
        viewer.addEventHandler(MouseEvent.MOUSE_MOVED, moved);
        viewer.addEventHandler(MouseEvent.MOUSE_EXITED, exited);
        viewer.getProperties().put(KEY, this);
    }

    /**
     * Shows, while the pointer is over the data area of {@code viewer}'s XY plot, what {@code describe} says about
     * it (null or "" shows nothing).
     */
    public static ChartHover install(ChartViewer viewer, Function<Pointer, String> describe) {
        return new ChartHover(viewer, describe);
    }

    /** The hover installed on a viewer, or null. */
    public static ChartHover of(ChartViewer viewer) {
        return (ChartHover) viewer.getProperties().get(KEY);
    }

    private void moved(MouseEvent e) {
        String s = null;
        ChartRenderingInfo info = viewer.getCanvas().getRenderingInfo();
        if (viewer.getChart() != null && viewer.getChart().getPlot() instanceof XYPlot plot && info != null) {
            Point2D p = viewer.getCanvas().sceneToLocal(e.getSceneX(), e.getSceneY());
            org.jfree.chart.plot.PlotRenderingInfo where = info.getPlotInfo();
            XYPlot target = plot;
            if (p != null && plot instanceof org.jfree.chart.plot.CombinedDomainXYPlot combined) {
                // the pointer is in one of the stacked subplots, with its own data area
                int i = where.getSubplotIndex(new java.awt.geom.Point2D.Double(p.getX(), p.getY()));
                target = i < 0 || i >= combined.getSubplots().size() ? null : combined.getSubplots().get(i);
                where = i < 0 ? null : where.getSubplotInfo(i);
            }
            if (p != null && target != null && where != null && where.getDataArea().contains(p.getX(), p.getY())) {
                s = describe.apply(new Pointer(target, where.getDataArea(), p.getX(), p.getY()));
            }
        }
        show(s, e.getScreenX(), e.getScreenY());
    }

    private void show(String s, double screenX, double screenY) {
        if (s == null || s.isEmpty()) {
            text.set("");
            tip.hide();
            return;
        }
        text.set(s);
        tip.setText(s);
        if (!tip.isShowing() && viewer.getScene() != null && viewer.getScene().getWindow() != null) {
            tip.show(viewer, screenX + 14, screenY + 16);
        } else {
            tip.setAnchorX(screenX + 14);
            tip.setAnchorY(screenY + 16);
        }
    }

    /** What the hover says now ("" when the pointer is not over a value). */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The tooltip that shows the text. */
    public Tooltip tooltip() {
        return tip;
    }

    public void dispose() {
        tip.hide();
        viewer.removeEventHandler(MouseEvent.MOUSE_MOVED, moved);
        viewer.removeEventHandler(MouseEvent.MOUSE_EXITED, exited);
        viewer.getProperties().remove(KEY);
    }
}
