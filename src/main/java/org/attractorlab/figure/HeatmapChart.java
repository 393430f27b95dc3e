package org.attractorlab.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYBoxAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYDataset;

/**
 * A matrix as coloured cells, drawn entirely by JFreeChart (an {@link XYBlockRenderer} with a {@link ColourScale}
 * and a {@link PaintScaleLegend} titled with what the colour means), so that the pane and an exported SVG or PDF are
 * the same drawing. Rows go down the vertical axis (row 0 on top, as in a printed matrix), columns along the
 * horizontal axis; both axes carry the row and column labels ({@link SymbolAxis}, which skips labels when they would
 * overlap). Cells large enough for it show their value. Rows and columns can be outlined to show a selection.
 * Not thread-safe: one thread at a time (the FX thread for a pane).
 */
public final class HeatmapChart {
    /** A cell of the matrix. */
    public record Cell(int row, int column) {
    }

    private static final int CELL_TEXT_MAX = 12;
    private static final double CELL_TEXT_WIDTH = 36;
    private static final double CELL_TEXT_HEIGHT = 15;
    /** The outline of selected rows and columns. */
    public static final Color HIGHLIGHT = new Color(0xFF2D7A);

    private final boolean dark;
    private final XYPlot plot;
    private final CellRenderer renderer = new CellRenderer();
    private final JFreeChart chart;
    private final PaintScaleLegend legend;
    private HeatmapData data;
    private Set<Integer> highlightedRows = Set.of();
    private Set<Integer> highlightedColumns = Set.of();

    /** A heatmap in a plain {@link JFreeChart}. */
    public HeatmapChart(String title, boolean dark) {
        this(title, dark, (t, p) -> new JFreeChart(t, JFreeChart.DEFAULT_TITLE_FONT, p, false));
    }

    /** A heatmap in the chart {@code factory} makes of a title and a plot (the app uses its own chart class). */
    public HeatmapChart(String title, boolean dark, BiFunction<String, Plot, JFreeChart> factory) {
        this.dark = dark;
        renderer.setBlockWidth(1);
        renderer.setBlockHeight(1);
        renderer.setDefaultToolTipGenerator((ds, series, item) -> {
            Cell c = cellOf(ds, series, item);
            return c == null ? null : data.describe(c.row(), c.column());
        });
        renderer.setDefaultItemLabelGenerator((ds, series, item) -> {
            Cell c = cellOf(ds, series, item);
            return c == null ? null : String.format(Locale.ROOT, data.format(), data.value(c.row(), c.column()));
        });
        renderer.setDefaultItemLabelFont(new Font("SansSerif", Font.PLAIN, 10));
        ItemLabelPosition centre = new ItemLabelPosition(ItemLabelAnchor.CENTER, TextAnchor.CENTER);
        renderer.setDefaultPositiveItemLabelPosition(centre);
        renderer.setDefaultNegativeItemLabelPosition(centre);
        plot = new XYPlot(new DefaultXYZDataset(), axis("", new String[0]), axis("", new String[0]), renderer);
        plot.setNoDataMessage("no data yet");
        chart = factory.apply(title, plot);
        ChartStyle.apply(chart, dark);
        chart.getTitle().setFont(new Font("SansSerif", Font.BOLD, 11));
        chart.setPadding(new RectangleInsets(2, 2, 2, 2));
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setNoDataMessagePaint(ChartStyle.foreground(dark));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        NumberAxis scaleAxis = new NumberAxis();
        legend = new PaintScaleLegend(new ColourScale(ColourScale.Kind.SEQUENTIAL, 0, 1), scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        legend.setStripWidth(12);
        legend.setSubdivisionCount(128);
        legend.setMargin(new RectangleInsets(8, 6, 8, 4));
        legend.setBackgroundPaint(ChartStyle.background(dark));
        legend.setStripOutlineVisible(false);
        styleAxis(scaleAxis, 10);
        scaleAxis.setLabelFont(new Font("SansSerif", Font.PLAIN, 10));
        chart.addSubtitle(legend);
    }

    /** The cell of a dataset item (x = column, y = row), or null if it is not a cell of the data shown. */
    public Cell cellOf(XYDataset ds, int series, int item) {
        if (data == null || ds == null) {
            return null;
        }
        int column = (int) ds.getXValue(series, item);
        int row = (int) ds.getYValue(series, item);
        return row >= 0 && row < data.rows() && column >= 0 && column < data.columns() ? new Cell(row, column) : null;
    }

    private static SymbolAxis axis(String title, String[] labels) {
        SymbolAxis a = new SymbolAxis(title, labels);
        a.setGridBandsVisible(false);
        a.setAutoRange(false);
        a.setRange(-0.5, Math.max(labels.length, 1) - 0.5);
        a.setLowerMargin(0);
        a.setUpperMargin(0);
        return a;
    }

    private void styleAxis(NumberAxis a, int tickFontSize) {
        Color fg = ChartStyle.foreground(dark);
        a.setLabelPaint(fg);
        a.setTickLabelPaint(fg);
        a.setAxisLinePaint(fg);
        a.setTickMarkPaint(fg);
        a.setLabelFont(new Font("SansSerif", Font.PLAIN, 12));
        a.setTickLabelFont(new Font("SansSerif", Font.PLAIN, tickFontSize));
    }

    /** Shows a matrix (replacing the previous one); keeps the highlighted rows and columns that still exist. */
    public void show(HeatmapData d) {
        int rows = d.rows();
        int cols = d.columns();
        double[] x = new double[rows * cols];
        double[] y = new double[rows * cols];
        double[] z = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                x[i] = c;
                y[i] = r;
                z[i] = d.value(r, c);
            }
        }
        DefaultXYZDataset ds = new DefaultXYZDataset();
        ds.addSeries("values", new double[][]{x, y, z});
        int longest = d.columnLabels().stream().mapToInt(String::length).max().orElse(0);
        int many = Math.max(rows, cols);
        int font = many > 24 ? 9 : many > 12 ? 10 : 11;
        SymbolAxis xAxis = axis(d.columnTitle(), d.columnLabels().toArray(String[]::new));
        xAxis.setVerticalTickLabels(cols * (longest + 1) > 28);
        SymbolAxis yAxis = axis(d.rowTitle(), d.rowLabels().toArray(String[]::new));
        yAxis.setInverted(true);
        styleAxis(xAxis, font);
        styleAxis(yAxis, font);
        // one redraw at the end: a redraw in between would pair the new data with the old dataset
        boolean notify = chart.isNotify();
        chart.setNotify(false);
        renderer.setPaintScale(d.scale());
        renderer.setDefaultItemLabelsVisible(many <= CELL_TEXT_MAX);
        legend.setScale(d.scale());
        legend.getAxis().setRange(d.scale().getLowerBound(), d.scale().getUpperBound());
        legend.getAxis().setLabel(d.valueTitle());
        plot.setDomainAxis(xAxis);
        plot.setRangeAxis(yAxis);
        plot.setDataset(ds);
        data = d;
        legend.setVisible(true);
        highlight(highlightedRows, highlightedColumns);
        chart.setNotify(notify);
    }

    /** Removes the matrix and shows {@code message} in its place. */
    public void clear(String message) {
        boolean notify = chart.isNotify();
        chart.setNotify(false);
        data = null;
        plot.setDataset(new DefaultXYZDataset());
        plot.setDomainAxis(axis("", new String[0]));
        plot.setRangeAxis(axis("", new String[0]));
        plot.setNoDataMessage(message);
        plot.clearAnnotations();
        legend.setVisible(false);
        chart.setNotify(notify);
    }

    /** Outlines the given rows and columns (runs of neighbours as one band); indices beyond the matrix are ignored. */
    public void highlight(Set<Integer> rows, Set<Integer> columns) {
        highlightedRows = Set.copyOf(rows);
        highlightedColumns = Set.copyOf(columns);
        boolean notify = chart.isNotify();
        chart.setNotify(false);
        plot.clearAnnotations();
        if (data != null) {
            double right = data.columns() - 0.5;
            double bottom = data.rows() - 0.5;
            for (int[] run : runs(rows, data.rows())) {
                band(-0.5, run[0] - 0.5, right, run[1] + 0.5);
            }
            for (int[] run : runs(columns, data.columns())) {
                band(run[0] - 0.5, -0.5, run[1] + 0.5, bottom);
            }
        }
        chart.setNotify(notify);
    }

    /** Outlines [x0, x1] x [y0, y1] (data coordinates, x0 &lt; x1, y0 &lt; y1). */
    private void band(double x0, double y0, double x1, double y1) {
        // the box's height is Java2D(y0) - Java2D(y1): on the inverted row axis, y0 must be the larger value
        plot.addAnnotation(new XYBoxAnnotation(x0, y1, x1, y0, new BasicStroke(2.5f), HIGHLIGHT, null), false);
    }

    private static List<int[]> runs(Set<Integer> which, int size) {
        List<int[]> out = new ArrayList<>();
        int start = -1;
        int prev = -2;
        for (int i : new TreeSet<>(which)) {
            if (i < 0 || i >= size) {
                continue;
            }
            if (i != prev + 1) {
                if (start >= 0) {
                    out.add(new int[]{start, prev});
                }
                start = i;
            }
            prev = i;
        }
        if (start >= 0) {
            out.add(new int[]{start, prev});
        }
        return out;
    }

    /** Replaces the chart's title text (keeping its style). */
    public void setTitle(String title) {
        chart.getTitle().setText(title);
    }

    /** The data shown, or null. */
    public HeatmapData data() {
        return data;
    }

    public Set<Integer> highlightedRows() {
        return highlightedRows;
    }

    public Set<Integer> highlightedColumns() {
        return highlightedColumns;
    }

    public JFreeChart chart() {
        return chart;
    }

    public XYPlot plot() {
        return plot;
    }

    /**
     * Cell text in black on light colours and white on dark ones, drawn only when the cells are large enough for
     * it (measured at each draw, so it follows the size of the pane and of an exported figure).
     */
    private final class CellRenderer extends XYBlockRenderer {
        private boolean roomForText;

        @Override
        public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
                             XYPlot xyPlot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series,
                             int item, CrosshairState crosshairState, int pass) {
            if (item == 0 && data != null) {
                double w = dataArea.getWidth() / data.columns();
                double h = dataArea.getHeight() / data.rows();
                roomForText = w >= CELL_TEXT_WIDTH && h >= CELL_TEXT_HEIGHT;
            }
            super.drawItem(g2, state, dataArea, info, xyPlot, domainAxis, rangeAxis, dataset, series, item,
                    crosshairState, pass);
        }

        @Override
        public boolean isItemLabelVisible(int row, int column) {
            return roomForText && super.isItemLabelVisible(row, column);
        }

        @Override
        public Paint getItemLabelPaint(int series, int item) {
            if (data == null) {
                return Color.BLACK;
            }
            Cell c = cellOf(getPlot().getDataset(), series, item);
            if (c == null) {
                return Color.BLACK;
            }
            double v = data.value(c.row(), c.column());
            return ((ColourScale) getPaintScale()).luminance(v) > 0.5 ? Color.BLACK : Color.WHITE;
        }
    }
}
