package org.attractorlab.app.export;

import org.attractorlab.figure.ChartFigure;
import org.attractorlab.figure.ChartStyle;
import org.attractorlab.figure.Figure;
import org.jfree.chart.JFreeChart;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Helpers for a pane's figure for export: copies of what the pane shows (so that the figure may be drawn on any
 * thread while the pane goes on updating) and a chart recoloured in the light theme. Each pane makes its own figure
 * with them (see {@code org.attractorlab.app.panes.Pane#figure}). FX thread.
 */
public final class PaneFigures {
    private PaneFigures() {
    }

    /** A copy of every series of {@code d}. */
    public static DefaultXYDataset copy(DefaultXYDataset d) {
        DefaultXYDataset c = new DefaultXYDataset();
        for (int s = 0; s < d.getSeriesCount(); s++) {
            int n = d.getItemCount(s);
            double[][] xy = new double[2][n];
            for (int i = 0; i < n; i++) {
                xy[0][i] = d.getXValue(s, i);
                xy[1][i] = d.getYValue(s, i);
            }
            c.addSeries(d.getSeriesKey(s), xy);
        }
        return c;
    }

    /** A copy of {@code d}. */
    public static XYSeriesCollection copy(XYSeriesCollection d) {
        return copy(() -> (XYSeriesCollection) d.clone());
    }

    /** A copy of {@code d}. */
    public static DefaultCategoryDataset copy(DefaultCategoryDataset d) {
        return copy(() -> (DefaultCategoryDataset) d.clone());
    }

    /** A chart on screen, copied (with its data), recoloured in the light theme and titled {@code title}. */
    public static Figure lightCopy(JFreeChart chart, String title) {
        JFreeChart copy = copy(() -> (JFreeChart) chart.clone());
        ChartStyle.retheme(copy, false);
        copy.setTitle(title);
        copy.getTitle().setFont(new java.awt.Font("SansSerif", java.awt.Font.BOLD, 13));
        copy.getTitle().setPaint(ChartStyle.foreground(false));
        return new ChartFigure(copy);
    }

    /** A copy of something JFreeChart can clone (datasets, charts). */
    private interface Copier<T> {
        T copy() throws CloneNotSupportedException;
    }

    private static <T> T copy(Copier<T> c) {
        try {
            return c.copy();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("cannot copy the pane's data for export: " + e.getMessage(), e);
        }
    }
}
