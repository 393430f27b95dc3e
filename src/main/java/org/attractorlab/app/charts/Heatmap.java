package org.attractorlab.app.charts;

import java.awt.geom.Rectangle2D;
import java.util.Set;
import java.util.function.Consumer;
import javafx.geometry.Point2D;
import javafx.scene.layout.StackPane;
import org.attractorlab.figure.HeatmapChart;
import org.attractorlab.figure.HeatmapData;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.chart.plot.XYPlot;

/**
 * A {@link HeatmapChart} on screen: hovering a cell shows a tooltip with its row, column and value and reports the
 * cell; clicking one reports (row, column). The chart itself (and so an exported figure of the same data) is built
 * by {@link HeatmapChart}. FX thread only.
 */
public final class Heatmap extends StackPane {
    /** A cell of the matrix. */
    public record Cell(int row, int column) {
    }

    private final HeatmapChart heatmap;
    private final ChartViewer viewer;
    private Consumer<Cell> onClick = c -> { };
    private Consumer<Cell> onHover = c -> { };
    private Cell hovered;

    public Heatmap(String title, boolean dark) {
        heatmap = new HeatmapChart(title, dark, (t, p) -> new FxChart(t, p, false));
        viewer = new ChartViewer(heatmap.chart());
        var canvas = viewer.getCanvas();
        for (String handler : new String[]{"zoom", "pan", "scroll"}) {
            if (canvas.getMouseHandler(handler) != null) {
                canvas.removeMouseHandler(canvas.getMouseHandler(handler));
            }
        }
        viewer.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX e) {
                Cell c = cellOf(e.getEntity());
                if (c != null) {
                    onClick.accept(c);
                }
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX e) {
                Cell c = cellOf(e.getEntity());
                if (!java.util.Objects.equals(c, hovered)) {
                    hovered = c;
                    onHover.accept(c);
                }
            }
        });
        getChildren().add(viewer);
    }

    private Cell cellOf(ChartEntity entity) {
        if (!(entity instanceof XYItemEntity e)) {
            return null;
        }
        HeatmapChart.Cell c = heatmap.cellOf(e.getDataset(), e.getSeriesIndex(), e.getItem());
        return c == null ? null : new Cell(c.row(), c.column());
    }

    /** Shows a matrix (replacing the previous one); keeps the highlighted rows and columns that still exist. */
    public void show(HeatmapData d) {
        // one redraw, at the end (also of changes the caller made silently before)
        heatmap.chart().setNotify(false);
        heatmap.show(d);
        heatmap.chart().setNotify(true);
    }

    /** Removes the matrix and shows {@code message} in its place. */
    public void clear(String message) {
        heatmap.clear(message);
        heatmap.chart().setNotify(true);
    }

    /** Outlines the given rows and columns (runs of neighbours as one band); indices beyond the matrix are ignored. */
    public void highlight(Set<Integer> rows, Set<Integer> columns) {
        heatmap.highlight(rows, columns);
    }

    /** Replaces the chart's title text (keeping its style). */
    public void setTitle(String title) {
        heatmap.setTitle(title);
    }

    /** Called with the clicked cell. */
    public void setOnCellClicked(Consumer<Cell> handler) {
        onClick = handler == null ? c -> { } : handler;
    }

    /** Called with the cell under the pointer when it changes (null when the pointer leaves the cells). */
    public void setOnCellHovered(Consumer<Cell> handler) {
        onHover = handler == null ? c -> { } : handler;
    }

    /** The data shown, or null. */
    public HeatmapData data() {
        return heatmap.data();
    }

    public Set<Integer> highlightedRows() {
        return heatmap.highlightedRows();
    }

    public Set<Integer> highlightedColumns() {
        return heatmap.highlightedColumns();
    }

    public JFreeChart chart() {
        return heatmap.chart();
    }

    public ChartViewer viewer() {
        return viewer;
    }

    /** Screen position of the centre of a cell as last drawn, or null if it has not been drawn yet. */
    public Point2D cellCentreOnScreen(int row, int column) {
        ChartRenderingInfo info = viewer.getRenderingInfo();
        if (info == null || info.getPlotInfo() == null) {
            return null;
        }
        XYPlot plot = heatmap.plot();
        Rectangle2D area = info.getPlotInfo().getDataArea();
        double px = plot.getDomainAxis().valueToJava2D(column, area, plot.getDomainAxisEdge());
        double py = plot.getRangeAxis().valueToJava2D(row, area, plot.getRangeAxisEdge());
        return viewer.getCanvas().localToScreen(px, py);
    }
}
