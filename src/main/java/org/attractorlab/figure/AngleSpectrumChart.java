package org.attractorlab.figure;

import java.awt.Color;
import java.awt.Font;
import java.util.function.BiFunction;
import org.attractorlab.core.analysis.subspace.SubspaceAngleResult;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The principal angles (degrees) between the subspaces of one pair of groups, as bars. */
public final class AngleSpectrumChart {
    /** The series' key. */
    public static final String SERIES = "principal angles";

    private AngleSpectrumChart() {
    }

    /** A chart of {@code data} (x: angle index from 1, y: degrees) in a plain {@link JFreeChart}. */
    public static JFreeChart create(XYDataset data, String title, boolean dark) {
        return create(data, title, dark, (t, p) -> new JFreeChart(t, new Font("SansSerif", Font.PLAIN, 11), p,
                false));
    }

    public static JFreeChart create(XYDataset data, String title, boolean dark,
                                    BiFunction<String, Plot, JFreeChart> factory) {
        NumberAxis index = new NumberAxis("principal angle (index)");
        index.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        index.setAutoRangeIncludesZero(false);
        NumberAxis degrees = new NumberAxis("angle (\u00b0)");
        degrees.setRange(0, 90);
        XYBarRenderer bars = new XYBarRenderer(0.2);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        XYPlot plot = new XYPlot(data, index, degrees, bars);
        JFreeChart chart = factory.apply(title == null ? "" : title, plot);
        ChartStyle.apply(chart, dark);
        chart.getTitle().setFont(new Font("SansSerif", Font.PLAIN, 11));
        bars.setSeriesPaint(0, new Color(0x0072B2));
        return chart;
    }

    /** The angles between groups i and j of {@code r}, in degrees. */
    public static XYSeriesCollection dataset(SubspaceAngleResult r, int i, int j) {
        XYSeries s = new XYSeries(SERIES, false, false);
        double[] angles = r.angles(i, j);
        for (int a = 0; a < angles.length; a++) {
            s.add(a + 1, Math.toDegrees(angles[a]), false);
        }
        return new XYSeriesCollection(s);
    }

    /** "column: a vs b", the title of the pair's chart. */
    public static String title(String column, String a, String b) {
        return column + ": " + a + " vs " + b;
    }
}
