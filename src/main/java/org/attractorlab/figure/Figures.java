package org.attractorlab.figure;

import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.attractorlab.core.study.DegeneracyStudy;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;

/**
 * The exported figures of the panes, built from analysis results with the same chart classes as the panes, always
 * in the light theme (a figure for a paper or a slide does not follow the app's dark theme). The panes' "Export
 * figure..." and the command line's {@code export} both come here.
 */
public final class Figures {
    private static final Font SUBTITLE = new Font("SansSerif", Font.PLAIN, 11);

    private Figures() {
    }

    /** Loss (log or linear) and accuracy against training step. */
    public static Figure loss(LossSeries series, boolean log) {
        return new ChartFigure(LossChart.create(series, log, false));
    }

    /** A heatmap with a title and optional subtitle lines. */
    public static JFreeChart heatmap(HeatmapData data, String title, String... subtitles) {
        HeatmapChart h = new HeatmapChart(title, false);
        h.chart().getTitle().setFont(new Font("SansSerif", Font.BOLD, 13));
        int at = 0;
        for (String s : subtitles) {
            if (s != null && !s.isEmpty()) {
                TextTitle t = new TextTitle(s, SUBTITLE);
                t.setPaint(ChartStyle.foreground(false));
                h.chart().addSubtitle(at++, t);
            }
        }
        h.show(data);
        return h.chart();
    }

    /** The RDM, with the comparison with the model RDM (if any) under the title. */
    public static Figure rdm(HeatmapData data, int step, String score) {
        return new ChartFigure(heatmap(data, "RDM" + atStep(step), score));
    }

    /** The mean-angle matrix above the angle spectrum of one pair (null: the matrix alone). */
    public static Figure angles(HeatmapData data, int step, XYDataset pair, String pairTitle) {
        Figure matrix = new ChartFigure(heatmap(data, "Subspace angles" + atStep(step)));
        if (pair == null) {
            return matrix;
        }
        Figure spectrum = new ChartFigure(AngleSpectrumChart.create(pair, pairTitle, false));
        return new StackedFigure(matrix.title(), true, List.of(matrix, spectrum), 0.7, 0.3);
    }

    /** The cross-temporal decoding matrix, with the OOD quadrant test below it when there is one. */
    public static Figure decoding(HeatmapData data, String title, int step, CategoryDataset ood, double oodLower) {
        Figure matrix = new ChartFigure(heatmap(data, "Decoding " + title, step >= 0 ? "at training step " + step : ""));
        if (ood == null || ood.getRowCount() == 0) {
            return matrix;
        }
        JFreeChart bars = OodChart.create(ood, false);
        bars.setTitle(new TextTitle(OodChart.TITLE, new Font("SansSerif", Font.BOLD, 12)));
        bars.getTitle().setPaint(ChartStyle.foreground(false));
        OodChart.setLowerBound(bars, oodLower);
        return new StackedFigure(matrix.title(), true, List.of(matrix, new ChartFigure(bars)), 0.62, 0.38);
    }

    /** The eigenvalue spectrum, equal scales on both axes. */
    public static Figure eigenvalues(XYDataset selected, XYDataset all, boolean continuous) {
        EigenvalueChart c = new EigenvalueChart(selected, all, false, EigenvalueChart.TITLE);
        c.setContinuous(continuous);
        return c.figure();
    }

    /** The fixed points in PC1-PC2 (left) beside their eigenvalue spectrum (right). */
    public static Figure fixedPoints(FixedPointOverlay points, float[] projections, int trials, int steps, int k,
                                     double[] ratio, XYDataset selected, XYDataset all, boolean continuous) {
        return fixedPoints(points, projections, trials, steps, k, ratio, selected, all, continuous, "");
    }

    /**
     * The fixed points in PC1-PC2 (left) beside their eigenvalue spectrum (right), with the attractor summary (unit
     * eigenvalues, manifold dimension) under the spectrum's title; empty or null: none.
     */
    public static Figure fixedPoints(FixedPointOverlay points, float[] projections, int trials, int steps, int k,
                                     double[] ratio, XYDataset selected, XYDataset all, boolean continuous,
                                     String attractor) {
        List<Figure> parts = new ArrayList<>();
        parts.add(new ChartFigure(FixedPointsChart.create(points, projections, trials, steps, k, ratio, false)));
        EigenvalueChart c = new EigenvalueChart(selected, all, false, EigenvalueChart.TITLE);
        c.setContinuous(continuous);
        if (attractor != null && !attractor.isEmpty()) {
            TextTitle t = new TextTitle(attractor, SUBTITLE);
            t.setPaint(ChartStyle.foreground(false));
            c.chart().addSubtitle(t);
        }
        parts.add(c.figure());
        return new StackedFigure("Fixed points", false, parts, 1, 1);
    }

    /** A summary column of a sweep against an axis, one line per series value, with standard-error bars. */
    public static Figure sweep(org.attractorlab.core.sweep.SweepSeries series) {
        return new ChartFigure(SweepChart.create(series, false));
    }

    /** Vafidis et al.'s result: in-distribution and OOD r^2 against N_task, one colour per latent dimension D. */
    public static Figure oodVsTasks(org.attractorlab.core.sweep.OodVsTasks.Result r) {
        return new ChartFigure(OodVsTasksChart.create(r, false));
    }

    /**
     * A degeneracy study's matrix {@code m}: the distance matrix, the MDS scatter coloured by {@code colourAxis}
     * (null: one colour) and the score per group with its spread, left to right.
     */
    public static Figure degeneracy(DegeneracyStudy.Result r, DegeneracyStudy.Measure m, String colourAxis) {
        BiFunction<String, Plot, JFreeChart> plain = (t, p) -> new JFreeChart(t, JFreeChart.DEFAULT_TITLE_FONT, p,
                true);
        List<Figure> parts = List.of(
                new ChartFigure(heatmap(DegeneracyCharts.matrix(r, m), "Distances: " + m.key(), m.description())),
                new ChartFigure(DegeneracyCharts.mds(r, m, colourAxis, false, plain)),
                new ChartFigure(DegeneracyCharts.scores(r, m, false, plain)));
        return new StackedFigure("Degeneracy: " + m.key(), false, parts, 1.2, 1, 1);
    }

    /** The cross-task generalisation matrices of an N-back study, one per decoded feature, side by side. */
    public static Figure crossTask(org.attractorlab.core.study.CrossTaskStudy.Result r, int step) {
        List<Figure> parts = new ArrayList<>();
        for (var m : r.matrices()) {
            parts.add(new ChartFigure(heatmap(NBackCharts.crossTask(r, m), "Cross-task: " + m.feature(),
                    m == r.matrices().get(0) ? r.type().key() + atStep(step) : "")));
        }
        double[] shares = new double[parts.size()];
        java.util.Arrays.fill(shares, 1);
        return parts.size() == 1 ? parts.get(0)
                : new StackedFigure(NBackCharts.CROSS_TASK_TITLE, false, parts, shares);
    }

    /** The relevant vs irrelevant feature decoding of an N-back run, as grouped bars. */
    public static Figure relevance(org.attractorlab.core.study.CrossTaskStudy.Result r) {
        org.jfree.data.category.DefaultCategoryDataset d = new org.jfree.data.category.DefaultCategoryDataset();
        NBackCharts.fillRelevance(d, r);
        return bars(NBackCharts.relevance(d, false));
    }

    /** The perceptual vs encoding orthogonalisation index per feature, as grouped bars. */
    public static Figure orthogonalisation(java.util.List<org.attractorlab.core.study.OrthogonalisationStudy.Comparison> c) {
        org.jfree.data.category.DefaultCategoryDataset d = new org.jfree.data.category.DefaultCategoryDataset();
        NBackCharts.fillOrthogonalisation(d, c);
        return bars(NBackCharts.orthogonalisation(d, false));
    }

    /** The Procrustes swap test's accuracies, as grouped bars. */
    public static Figure procrustes(org.attractorlab.core.study.ProcrustesStudy.Result r) {
        org.jfree.data.category.DefaultCategoryDataset d = new org.jfree.data.category.DefaultCategoryDataset();
        NBackCharts.fillProcrustes(d, r);
        return bars(NBackCharts.procrustes(d, false));
    }

    /** Grouped bars of the N-back studies ({@link NBackCharts#relevance} and the others), in the light theme. */
    public static Figure bars(JFreeChart chart) {
        return new ChartFigure(chart);
    }

    private static String atStep(int step) {
        return step >= 0 ? ", training step " + step : "";
    }
}
