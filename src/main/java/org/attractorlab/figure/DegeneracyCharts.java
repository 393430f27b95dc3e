package org.attractorlab.figure;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.attractorlab.core.analysis.similarity.ClassicalMds;
import org.attractorlab.core.study.DegeneracyStudy;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The three charts of a {@link DegeneracyStudy} result for one distance matrix: the N x N matrix (a heatmap, rows and
 * columns numbered in the study's network order, the names in the tooltips), the 2D classical-MDS embedding of the
 * networks coloured by a sweep axis (one series per value), and the degeneracy score (mean pairwise distance, error
 * bars of its spread, the standard deviation over the pairs) per value of the group-by axis, or over all networks
 * without one. The pane and {@code export --figure degeneracy} both draw these.
 */
public final class DegeneracyCharts {
    /** The group of the score chart without a group-by axis. */
    public static final String ALL = "all";

    private DegeneracyCharts() {
    }

    /** The distance matrix of {@code m}: rows and columns labelled by index, named "i: run name" in tooltips. */
    public static HeatmapData matrix(DegeneracyStudy.Result r, DegeneracyStudy.Measure m) {
        DegeneracyStudy.MeasureResult mr = measure(r, m);
        int n = mr.size();
        double[][] v = new double[n][n];
        List<String> labels = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                v[i][j] = mr.distance(i, j);
            }
            labels.add(Integer.toString(i));
            names.add(i + ": " + r.names().get(i));
        }
        return HeatmapData.square(labels, names, v, "network", m.key(), "%.3g");
    }

    /** The MDS points, one series per value of {@code colourAxis} (null or absent: one series of all networks). */
    public static XYSeriesCollection mdsDataset(DegeneracyStudy.Result r, DegeneracyStudy.Measure m,
                                                String colourAxis) {
        ClassicalMds mds = measure(r, m).mds();
        XYSeriesCollection d = new XYSeriesCollection();
        if (mds == null) {
            return d;
        }
        Map<String, XYSeries> byValue = new LinkedHashMap<>();
        for (int i = 0; i < mds.points(); i++) {
            String v = colourAxis == null ? null : r.axes().get(i).get(colourAxis);
            String key = v == null ? "networks" : colourAxis + " = " + v;
            XYSeries s = byValue.computeIfAbsent(key, k -> new XYSeries(k, false, true));
            s.add(mds.coordinate(i, 0), mds.dims() > 1 ? mds.coordinate(i, 1) : 0);
        }
        byValue.values().forEach(d::addSeries);
        return d;
    }

    /** The MDS scatter of {@code m}'s matrix. */
    public static JFreeChart mds(DegeneracyStudy.Result r, DegeneracyStudy.Measure m, String colourAxis,
                                 boolean dark, BiFunction<String, Plot, JFreeChart> factory) {
        XYSeriesCollection data = mdsDataset(r, m, colourAxis);
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        dots.setDefaultToolTipGenerator((ds, series, item) -> ds.getSeriesKey(series) + String.format(Locale.ROOT,
                " (%.3g, %.3g)", ds.getXValue(series, item), ds.getYValue(series, item)));
        NumberAxis x = new NumberAxis("MDS 1");
        NumberAxis y = new NumberAxis("MDS 2");
        x.setAutoRangeIncludesZero(false);
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, dots);
        JFreeChart chart = factory.apply("MDS of " + m.key(), plot);
        ChartStyle.apply(chart, dark);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            dots.setSeriesShape(i, new Ellipse2D.Double(-4, -4, 8, 8));
            dots.setSeriesPaint(i, ChartStyle.PALETTE[i % ChartStyle.PALETTE.length]);
        }
        if (measure(r, m).mds() == null) {
            subtitle(chart, "no embedding: some pairs have no distance", dark);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.BOTTOM);
        }
        return chart;
    }

    /**
     * The scores of {@code m}: x at 0, 1, ... one per group (in order of first appearance), y the mean with
     * mean - spread and mean + spread; one point "all" without group-by.
     */
    public static YIntervalSeriesCollection scoreDataset(DegeneracyStudy.Result r, DegeneracyStudy.Measure m) {
        YIntervalSeries s = new YIntervalSeries(m.key(), false, true);
        List<DegeneracyStudy.Score> scores = scores(r, m);
        for (int i = 0; i < scores.size(); i++) {
            DegeneracyStudy.Score sc = scores.get(i);
            double spread = Double.isFinite(sc.spread()) ? sc.spread() : 0;
            s.add(i, sc.mean(), sc.mean() - spread, sc.mean() + spread);
        }
        YIntervalSeriesCollection d = new YIntervalSeriesCollection();
        d.addSeries(s);
        return d;
    }

    /** The groups of the score chart: the group-by axis's values, or {@link #ALL}. */
    public static List<String> groups(DegeneracyStudy.Result r) {
        return r.groups() == null ? List.of(ALL) : r.groupValues();
    }

    /** The score of {@code m} per group of {@link #groups}. */
    public static List<DegeneracyStudy.Score> scores(DegeneracyStudy.Result r, DegeneracyStudy.Measure m) {
        if (r.groups() == null) {
            return List.of(measure(r, m).score());
        }
        List<DegeneracyStudy.Score> out = new ArrayList<>();
        for (String g : r.groupValues()) {
            for (DegeneracyStudy.GroupScore gs : r.groupScore()) {
                if (gs.group().equals(g) && gs.measure() == m) {
                    out.add(gs.score());
                }
            }
        }
        return out;
    }

    /** The degeneracy score of {@code m} against the group-by axis, with error bars of its spread. */
    public static JFreeChart scores(DegeneracyStudy.Result r, DegeneracyStudy.Measure m, boolean dark,
                                    BiFunction<String, Plot, JFreeChart> factory) {
        String axis = r.settings().groupBy() == null ? "networks" : r.settings().groupBy();
        SymbolAxis x = new SymbolAxis(axis, groups(r).toArray(String[]::new));
        NumberAxis y = new NumberAxis("degeneracy (mean " + m.key() + ")");
        y.setAutoRangeIncludesZero(true);
        XYErrorRenderer bars = new XYErrorRenderer();
        bars.setDrawXError(false);
        bars.setDefaultLinesVisible(true);
        bars.setDefaultShapesVisible(true);
        bars.setCapLength(6);
        bars.setErrorStroke(new BasicStroke(1.2f));
        List<DegeneracyStudy.Score> scores = scores(r, m);
        List<String> groups = groups(r);
        bars.setDefaultToolTipGenerator((ds, series, item) -> {
            DegeneracyStudy.Score s = scores.get(item);
            return String.format(Locale.ROOT, "%s: %.4g \u00b1 %.4g over %d pairs of %d networks", groups.get(item),
                    s.mean(), s.spread(), s.pairs(), s.networks());
        });
        XYPlot plot = new XYPlot(scoreDataset(r, m), x, y, bars);
        JFreeChart chart = factory.apply("Degeneracy by " + axis, plot);
        ChartStyle.apply(chart, dark);
        bars.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
        bars.setSeriesPaint(0, ChartStyle.PALETTE[0]);
        bars.setSeriesStroke(0, new BasicStroke(1.6f));
        subtitle(chart, "mean \u00b1 spread (SD) of the pairwise distances", dark);
        if (chart.getLegend() != null) {
            chart.getLegend().setVisible(false);
        }
        return chart;
    }

    /** The matrix of {@code m}, or an exception naming the matrices computed. */
    public static DegeneracyStudy.MeasureResult measure(DegeneracyStudy.Result r, DegeneracyStudy.Measure m) {
        DegeneracyStudy.MeasureResult mr = r.measure(m);
        if (mr == null) {
            throw new IllegalArgumentException("the result has no " + m.key() + " matrix; it has "
                    + r.measures().stream().map(x -> x.measure().key()).toList());
        }
        return mr;
    }

    /**
     * The matrix of a level's name, or of a measure's name ({@code representation} is its CKA matrix,
     * {@code representation_procrustes} its shape distances), or null.
     */
    public static DegeneracyStudy.Measure measureByKey(String key) {
        for (DegeneracyStudy.Measure m : DegeneracyStudy.Measure.values()) {
            if (m.key().equals(key)) {
                return m;
            }
        }
        DegeneracyStudy.Level l = DegeneracyStudy.Level.byKey(key);
        if (l == null) {
            return null;
        }
        for (DegeneracyStudy.Measure m : DegeneracyStudy.Measure.values()) {
            if (m.level() == l) {
                return m;
            }
        }
        return null;
    }

    /** The names {@link #measureByKey} takes: the levels, then the measures that are not level names. */
    public static List<String> measureKeys() {
        List<String> out = new ArrayList<>();
        for (DegeneracyStudy.Level l : DegeneracyStudy.Level.values()) {
            out.add(l.key());
        }
        for (DegeneracyStudy.Measure m : DegeneracyStudy.Measure.values()) {
            if (!out.contains(m.key())) {
                out.add(m.key());
            }
        }
        return out;
    }

    private static void subtitle(JFreeChart chart, String text, boolean dark) {
        TextTitle t = new TextTitle(text, new java.awt.Font("SansSerif", java.awt.Font.PLAIN, 11));
        t.setPaint(ChartStyle.foreground(dark));
        chart.addSubtitle(0, t);
    }
}
