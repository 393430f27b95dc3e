package org.attractorlab.app.export;

import org.attractorlab.app.panes.angles.AnglesViewModel;
import org.attractorlab.app.panes.behaviour.BehaviourView;
import org.attractorlab.app.panes.decoding.DecodingViewModel;
import org.attractorlab.app.panes.fixedpoints.FixedPointsViewModel;
import org.attractorlab.app.panes.loss.LossViewModel;
import org.attractorlab.app.panes.rsa.RsaViewModel;
import org.attractorlab.app.session.AnalysisFrame;
import org.attractorlab.figure.ChartFigure;
import org.attractorlab.figure.ChartStyle;
import org.attractorlab.figure.Figure;
import org.attractorlab.figure.FixedPointOverlay;
import org.attractorlab.figure.Figures;
import org.jfree.chart.JFreeChart;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Each 2D pane's figure for export: the same chart classes as the pane ({@link Figures}), in the light theme, of a
 * copy of what the pane shows. FX thread; the figures may then be drawn on any thread.
 */
public final class PaneFigures {
    private PaneFigures() {
    }

    public static Figure loss(LossViewModel vm) {
        return Figures.loss(vm.series().copy(), vm.logScaleProperty().get());
    }

    /** The fixed points in PC1-PC2 beside the spectrum; the spectrum alone before a search. */
    public static Figure fixedPoints(FixedPointsViewModel vm) {
        DefaultXYDataset selected = copy(vm.selectedEigenvalues());
        DefaultXYDataset all = copy(vm.allEigenvalues());
        FixedPointOverlay points = vm.overlayProperty().get();
        AnalysisFrame f = vm.resultFrameProperty().get();
        if (points == null || points.count() == 0 || f == null) {
            return all.getSeriesCount() == 0 ? null : Figures.eigenvalues(selected, all, vm.showsContinuousTime());
        }
        return Figures.fixedPoints(points, f.projections(), f.states().trials(), f.states().steps(), 3,
                f.pca().explainedVarianceRatio(), selected, all, vm.showsContinuousTime());
    }

    public static Figure rsa(RsaViewModel vm) {
        RsaViewModel.Shown s = vm.shownProperty().get();
        if (s == null) {
            return null;
        }
        return Figures.rdm(s.heatmap(), s.frame().step(), s.options().modelColumn() == null ? "" : s.score());
    }

    public static Figure angles(AnglesViewModel vm) {
        AnglesViewModel.Shown s = vm.shownProperty().get();
        if (s == null) {
            return null;
        }
        XYSeriesCollection pair = clone(vm.spectrum());
        return Figures.angles(s.heatmap(), s.frame().step(), pair.getSeriesCount() > 0
                && pair.getItemCount(0) > 0 ? pair : null, vm.spectrumTitleProperty().get());
    }

    public static Figure decoding(DecodingViewModel vm) {
        DecodingViewModel.Shown s = vm.shownProperty().get();
        if (s == null) {
            return null;
        }
        DecodingViewModel.OodShown ood = vm.oodShownProperty().get();
        return Figures.decoding(s.heatmap(), s.title(), s.frame().step(),
                ood == null ? null : clone(vm.oodDataset()), ood == null ? 0 : ood.axisLowerBound());
    }

    /** The behaviour chart, copied (with its data) and recoloured in the light theme. */
    public static Figure behaviour(BehaviourView view, String title) {
        JFreeChart copy = clone(view.chart());
        ChartStyle.retheme(copy, false);
        copy.setTitle(title);
        copy.getTitle().setFont(new java.awt.Font("SansSerif", java.awt.Font.BOLD, 13));
        copy.getTitle().setPaint(ChartStyle.foreground(false));
        return new ChartFigure(copy);
    }

    private static DefaultXYDataset copy(DefaultXYDataset d) {
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

    private static XYSeriesCollection clone(XYSeriesCollection d) {
        return copy(() -> (XYSeriesCollection) d.clone());
    }

    private static DefaultCategoryDataset clone(DefaultCategoryDataset d) {
        return copy(() -> (DefaultCategoryDataset) d.clone());
    }

    private static JFreeChart clone(JFreeChart c) {
        return copy(() -> (JFreeChart) c.clone());
    }
}
