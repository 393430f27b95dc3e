package org.attractorlab.app.panes.fixedpoints;

import org.attractorlab.app.export.PaneFigures;
import org.attractorlab.app.panes.Pane;
import org.attractorlab.app.panes.PaneContext;
import org.attractorlab.app.session.AnalysisFrame;
import org.attractorlab.core.analysis.fixedpoint.AttractorSummary;
import org.attractorlab.core.analysis.fixedpoint.FixedPointOptions;
import org.attractorlab.figure.Figure;
import org.attractorlab.figure.FixedPointOverlay;
import org.attractorlab.figure.Figures;
import org.jfree.data.xy.DefaultXYDataset;

/** The fixed-points pane: the search settings, the points found, their spectra. */
public final class FixedPointsPane {
    private FixedPointsPane() {
    }

    /** Builds the pane's view model and view from the window's shared context. */
    public static Pane<FixedPointsViewModel> create(PaneContext c) {
        FixedPointsViewModel vm = new FixedPointsViewModel(c.session(), c.analysis(), c.selection(), c.drain(),
                c.workers());
        FixedPointsView view = new FixedPointsView(vm, c.dark());
        return Pane.of("fixed-points", view, vm, view::dispose, vm::dispose)
                .figure((format, scale) -> figure(vm), () -> new double[]{Math.max(640, 2 * view.getWidth()),
                        Math.max(320, view.getHeight())})
                .settings(r -> {
                    SearchSettings fp = vm.settings();
                    r.choice("fixed-points", "input_mode", fp.inputModeProperty(), SearchSettings.InputMode.class)
                            .text("fixed-points", "input_values", fp.inputValuesProperty())
                            .text("fixed-points", "probe_trial", fp.probeTrialProperty())
                            .text("fixed-points", "probe_step", fp.probeStepProperty())
                            .text("fixed-points", "initial_states", fp.initialStatesProperty())
                            .text("fixed-points", "initial_noise", fp.initialNoiseProperty())
                            .choice("fixed-points", "method", fp.methodProperty(), FixedPointOptions.Method.class)
                            .text("fixed-points", "tol_q", fp.tolQProperty())
                            .text("fixed-points", "slow_q", fp.slowQProperty())
                            .text("fixed-points", "refresh_every", fp.refreshEveryProperty())
                            .bool("fixed-points", "at_end", fp.atEndProperty())
                            .bool("fixed-points", "continuous_time", vm.continuousTimeProperty());
                });
    }

    /** The fixed points in PC1-PC2 beside the spectrum; the spectrum alone before a search. */
    static Figure figure(FixedPointsViewModel vm) {
        DefaultXYDataset selected = PaneFigures.copy(vm.selectedEigenvalues());
        DefaultXYDataset all = PaneFigures.copy(vm.allEigenvalues());
        FixedPointOverlay points = vm.overlayProperty().get();
        AnalysisFrame f = vm.resultFrameProperty().get();
        if (points == null || points.count() == 0 || f == null) {
            return all.getSeriesCount() == 0 ? null : Figures.eigenvalues(selected, all, vm.showsContinuousTime());
        }
        return Figures.fixedPoints(points, f.projections(), f.states().trials(), f.states().steps(), 3,
                f.pca().explainedVarianceRatio(), selected, all, vm.showsContinuousTime(),
                vm.resultProperty().get() == null ? ""
                        : "Attractor: " + AttractorSummary.of(vm.resultProperty().get()).summary());
    }
}
